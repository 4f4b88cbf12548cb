package io.bankcrm.merchant.domain.onboarding;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A merchant whose next onboarding step is late: the line merchant-ops sees in its overdue list. */
public record Overdue(UUID merchantId, OnboardingStatus waitingIn, OnboardingStatus awaitedStep, Instant since,
                      Instant dueAt, Duration overdueBy) {
}
