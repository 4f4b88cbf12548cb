package io.bankcrm.crosssell.domain.lead;

import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.Transition;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a lead stands: its status, the status it was held in (only while ON_HOLD), the furthest stage it reached
 * (for the campaign funnel: a lead lost after qualification was contacted and qualified) and, once converted, what
 * it opened. Immutable: each step returns the next state and the transition to record.
 *
 * @param heldFrom the status to return to on release; non-null exactly when the status is ON_HOLD
 * @param furthest the furthest of NEW, CONTACTED, QUALIFIED, CONVERTED reached
 * @param conversion non-null exactly when the status is CONVERTED
 */
public record LeadLifecycle(LeadStatus status, LeadStatus heldFrom, LeadStatus furthest, Conversion conversion) {

    public static final LeadLifecycle NEW = new LeadLifecycle(LeadStatus.NEW, null, LeadStatus.NEW, null);

    public LeadLifecycle {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(furthest, "furthest");
        if ((status == LeadStatus.ON_HOLD) != (heldFrom != null)) {
            throw new IllegalArgumentException("heldFrom is set exactly while the lead is ON_HOLD");
        }
        if (heldFrom != null && !heldFrom.isWorkable()) {
            throw new IllegalArgumentException("a lead is held only from NEW, CONTACTED or QUALIFIED, not " + heldFrom);
        }
        if (!(furthest == LeadStatus.NEW || furthest == LeadStatus.CONTACTED || furthest == LeadStatus.QUALIFIED
                || furthest == LeadStatus.CONVERTED)) {
            throw new IllegalArgumentException("furthest is a stage of the funnel, not " + furthest);
        }
        if ((status == LeadStatus.CONVERTED) != (conversion != null)) {
            throw new IllegalArgumentException("a conversion is recorded exactly when the lead is CONVERTED");
        }
    }

    /**
     * The first contact with the customer.
     *
     * @throws ApprovalRequired when the customer is a sensitive employer's officer and contact is not approved yet
     */
    public LeadStep contact(String actor, Instant at, ContactClearance clearance) {
        if (status == LeadStatus.NEW && !clearance.cleared()) {
            throw new ApprovalRequired();
        }
        return step(LeadStatus.CONTACTED, actor, at, null);
    }

    /** The customer needs the product and can have it. */
    public LeadStep qualify(String actor, Instant at) {
        return step(LeadStatus.QUALIFIED, actor, at, null);
    }

    /** The customer opened {@code what}; only a qualified lead converts. */
    public LeadStep convert(String actor, Instant at, Conversion what) {
        Objects.requireNonNull(what, "conversion");
        Transition<LeadStatus> t = LeadStatus.TABLE.step(status, LeadStatus.CONVERTED, actor, at,
                "opened " + what.product() + " (" + what.value() + ")");
        return new LeadStep(new LeadLifecycle(LeadStatus.CONVERTED, null, LeadStatus.CONVERTED, what), t);
    }

    /** The customer declined, or cannot have the product; the reason is required. */
    public LeadStep lose(String actor, Instant at, String reason) {
        return step(LeadStatus.LOST, actor, at, required(reason, "lose"));
    }

    /** The service ends the lead: agreement terminated, consent withdrawn, the employee left, no longer eligible. */
    public LeadStep expire(String actor, Instant at, String reason) {
        return step(LeadStatus.EXPIRED, actor, at, required(reason, "expire"));
    }

    /** Parks the lead (the agreement behind it is suspended); it keeps the status to return to. */
    public LeadStep hold(String actor, Instant at, String reason) {
        Transition<LeadStatus> t = LeadStatus.TABLE.step(status, LeadStatus.ON_HOLD, actor, at,
                required(reason, "hold"));
        return new LeadStep(new LeadLifecycle(LeadStatus.ON_HOLD, status, furthest, null), t);
    }

    /** Returns a held lead to the status it was held in. */
    public LeadStep release(String actor, Instant at, String reason) {
        if (status != LeadStatus.ON_HOLD) {
            throw new io.bankcrm.platform.domain.IllegalTransition("LeadStatus", status, status,
                    status.allowedTransitions());
        }
        Transition<LeadStatus> t = LeadStatus.TABLE.step(status, heldFrom, actor, at, reason);
        return new LeadStep(new LeadLifecycle(heldFrom, null, furthest, null), t);
    }

    private LeadStep step(LeadStatus target, String actor, Instant at, String reason) {
        if (status == LeadStatus.ON_HOLD && target != LeadStatus.EXPIRED) {
            // A held lead moves on only by release (to where it was) or by expiring.
            throw new io.bankcrm.platform.domain.IllegalTransition("LeadStatus", status, target,
                    java.util.EnumSet.of(heldFrom, LeadStatus.EXPIRED));
        }
        Transition<LeadStatus> t = LeadStatus.TABLE.step(status, target, actor, at, reason);
        LeadStatus reached = target.isWorkable() && target.ordinal() > furthest.ordinal() ? target : furthest;
        return new LeadStep(new LeadLifecycle(target, null, reached, null), t);
    }

    private static String required(String reason, String verb) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "is required to " + verb + " a lead");
        }
        return reason.trim();
    }
}
