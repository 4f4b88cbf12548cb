package io.bankcrm.merchant.domain.onboarding;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a merchant stands, from application to trading.
 *
 * <pre>
 * APPLIED → DOCUMENTS_VERIFIED → RISK_ASSESSED → AGREEMENT_SIGNED → TERMINAL_INSTALLED → TRAINED → ACTIVE
 *    any of these ──► SUSPENDED ──► (back to where it was)
 *    any of these, or SUSPENDED ──► TERMINATED (final)
 * </pre>
 *
 * A declined risk assessment stops the way forward: the merchant can only be terminated (the onboarding knows
 * the decision; the status alone does not).
 */
public enum OnboardingStatus {
    APPLIED,
    DOCUMENTS_VERIFIED,
    RISK_ASSESSED,
    AGREEMENT_SIGNED,
    TERMINAL_INSTALLED,
    TRAINED,
    ACTIVE,
    SUSPENDED,
    TERMINATED;

    private static final Map<OnboardingStatus, OnboardingStatus> NEXT = new EnumMap<>(OnboardingStatus.class);
    private static final Map<OnboardingStatus, Set<OnboardingStatus>> MOVES = new EnumMap<>(OnboardingStatus.class);

    static {
        OnboardingStatus[] path = {APPLIED, DOCUMENTS_VERIFIED, RISK_ASSESSED, AGREEMENT_SIGNED, TERMINAL_INSTALLED,
                TRAINED, ACTIVE};
        for (int i = 0; i + 1 < path.length; i++) {
            NEXT.put(path[i], path[i + 1]);
        }
        for (OnboardingStatus status : path) {
            Set<OnboardingStatus> moves = EnumSet.of(SUSPENDED, TERMINATED);
            if (NEXT.containsKey(status)) {
                moves.add(NEXT.get(status));
            }
            MOVES.put(status, Collections.unmodifiableSet(moves));
        }
        // reinstatement returns to the suspended-from status; the onboarding checks which one
        MOVES.put(SUSPENDED, Collections.unmodifiableSet(EnumSet.of(TERMINATED)));
        MOVES.put(TERMINATED, Collections.unmodifiableSet(EnumSet.noneOf(OnboardingStatus.class)));
    }

    /** The next step on the way to ACTIVE, if there is one. */
    public Optional<OnboardingStatus> next() {
        return Optional.ofNullable(NEXT.get(this));
    }

    /** Statuses reachable in one step by the status alone (reinstatement from SUSPENDED is not among them). */
    public Set<OnboardingStatus> moves() {
        return MOVES.get(this);
    }

    public boolean canMoveTo(OnboardingStatus target) {
        return target != null && moves().contains(target);
    }

    /** A merchant that is neither suspended nor terminated. */
    public boolean isLive() {
        return this != SUSPENDED && this != TERMINATED;
    }
}
