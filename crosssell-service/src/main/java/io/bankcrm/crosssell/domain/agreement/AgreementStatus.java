package io.bankcrm.crosssell.domain.agreement;

import io.bankcrm.platform.domain.Transition;
import io.bankcrm.platform.domain.TransitionTable;

import java.time.Instant;
import java.util.Set;

/**
 * Life cycle of a payroll or collection agreement, the same for both kinds.
 *
 * <pre>
 * DRAFT ──► ACTIVE ◄──► SUSPENDED
 *   │         │            │
 *   └───────► TERMINATED ◄─┘   (final)
 * </pre>
 *
 * A draft that is never signed is terminated rather than deleted, so its history stays. Only an active agreement
 * takes rosters and brings leads; suspending parks its open leads, terminating ends them.
 */
public enum AgreementStatus {
    DRAFT, ACTIVE, SUSPENDED, TERMINATED;

    private static final TransitionTable<AgreementStatus> TABLE = TransitionTable.of(AgreementStatus.class)
            .allow(DRAFT, ACTIVE, TERMINATED)
            .allow(ACTIVE, SUSPENDED, TERMINATED)
            .allow(SUSPENDED, ACTIVE, TERMINATED)
            .allow(TERMINATED)
            .build();

    public Set<AgreementStatus> allowedTransitions() {
        return TABLE.from(this);
    }

    public boolean canTransitionTo(AgreementStatus target) {
        return TABLE.allows(this, target);
    }

    /** Whether rosters may be submitted and links turned into leads. */
    public boolean isActive() {
        return this == ACTIVE;
    }

    /**
     * Moves this agreement to {@code target}. Suspending and terminating need a reason: the leads they park or end
     * carry it.
     *
     * @throws io.bankcrm.platform.domain.IllegalTransition when the life cycle does not allow the step
     * @throws io.bankcrm.platform.domain.InvalidInput     when a reason is needed and missing
     */
    public AgreementChange moveTo(AgreementStatus target, String actor, Instant at, String reason) {
        Transition<AgreementStatus> step = TABLE.step(this, target, actor, at, reason);
        if ((target == SUSPENDED || target == TERMINATED) && step.reason() == null) {
            throw new io.bankcrm.platform.domain.InvalidInput("reason",
                    "is required to " + (target == SUSPENDED ? "suspend" : "terminate") + " an agreement");
        }
        return new AgreementChange(step, AgreementLeadEffect.of(this, target));
    }
}
