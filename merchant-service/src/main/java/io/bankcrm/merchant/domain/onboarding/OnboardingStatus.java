package io.bankcrm.merchant.domain.onboarding;

import io.bankcrm.platform.domain.TransitionTable;

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

    private static final OnboardingStatus[] PATH = {APPLIED, DOCUMENTS_VERIFIED, RISK_ASSESSED, AGREEMENT_SIGNED,
            TERMINAL_INSTALLED, TRAINED, ACTIVE};

    /** Every status on the way to ACTIVE moves to the next one, or is suspended or terminated. */
    public static final TransitionTable<OnboardingStatus> STEPS = TransitionTable.of(OnboardingStatus.class)
            .allow(APPLIED, DOCUMENTS_VERIFIED, SUSPENDED, TERMINATED)
            .allow(DOCUMENTS_VERIFIED, RISK_ASSESSED, SUSPENDED, TERMINATED)
            .allow(RISK_ASSESSED, AGREEMENT_SIGNED, SUSPENDED, TERMINATED)
            .allow(AGREEMENT_SIGNED, TERMINAL_INSTALLED, SUSPENDED, TERMINATED)
            .allow(TERMINAL_INSTALLED, TRAINED, SUSPENDED, TERMINATED)
            .allow(TRAINED, ACTIVE, SUSPENDED, TERMINATED)
            .allow(ACTIVE, SUSPENDED, TERMINATED)
            // reinstatement returns to the suspended-from status; the onboarding checks which one
            .allow(SUSPENDED, TERMINATED)
            .allow(TERMINATED)
            .build();

    /** The next step on the way to ACTIVE, if there is one. */
    public Optional<OnboardingStatus> next() {
        for (int i = 0; i + 1 < PATH.length; i++) {
            if (PATH[i] == this) {
                return Optional.of(PATH[i + 1]);
            }
        }
        return Optional.empty();
    }

    /** Statuses reachable in one step by the status alone (reinstatement from SUSPENDED is not among them). */
    public Set<OnboardingStatus> moves() {
        return STEPS.from(this);
    }

    public boolean canMoveTo(OnboardingStatus target) {
        return STEPS.allows(this, target);
    }

    /** A merchant that is neither suspended nor terminated. */
    public boolean isLive() {
        return this != SUSPENDED && this != TERMINATED;
    }
}
