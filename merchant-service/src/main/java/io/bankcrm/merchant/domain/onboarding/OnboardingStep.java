package io.bankcrm.merchant.domain.onboarding;

import io.bankcrm.merchant.domain.Stamp;

import java.util.Objects;

/**
 * One change of a merchant's onboarding status, with who made it and when.
 *
 * @param from null for the application itself
 * @param note the reason for a suspension or termination, the terminal ids, the risk decision; may be null
 */
public record OnboardingStep(OnboardingStatus from, OnboardingStatus to, Stamp stamp, String note) {

    public OnboardingStep {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(stamp, "stamp");
    }
}
