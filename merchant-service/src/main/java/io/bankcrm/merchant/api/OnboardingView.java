package io.bankcrm.merchant.api;

import io.bankcrm.merchant.domain.onboarding.DocumentType;
import io.bankcrm.merchant.domain.onboarding.OnboardingStatus;
import io.bankcrm.merchant.domain.onboarding.Requirement;
import io.bankcrm.merchant.domain.onboarding.RiskAssessment;
import io.bankcrm.merchant.service.OnboardingAction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Where a merchant's onboarding stands: every step with who and when, the requirements list (documents received,
 * due or past due, with their deadline), the step it is late with, the risk decision and the terminals.
 */
@Schema(name = "Onboarding")
public record OnboardingView(
        UUID merchantId,
        OnboardingStatus status,
        @Schema(description = "While SUSPENDED: the status a reinstatement returns to") OnboardingStatus suspendedFrom,
        @Schema(description = "The steps this status allows now") List<OnboardingAction> allowedSteps,
        List<StepView> steps,
        List<RequirementView> requirements,
        @Schema(description = "The step the merchant is late with against the SLA; null when on time")
        OverdueView overdue,
        RiskView risk,
        UUID agreementId,
        List<String> terminalIds,
        long version) {

    public record StepView(OnboardingStatus from, OnboardingStatus to, String actor, Instant at, String note) {
    }

    public record RequirementView(DocumentType document, Requirement.State state, LocalDate dueBy,
                                  Instant receivedAt) {
    }

    public record RiskView(RiskAssessment.Decision decision, int score, List<String> reasons) {
    }

    /**
     * A merchant waiting too long.
     *
     * @param overdueBy ISO 8601 duration, e.g. PT26H
     */
    public record OverdueView(UUID merchantId, String registeredName, OnboardingStatus waitingIn,
                              OnboardingStatus awaitedStep, Instant since, Instant dueAt, String overdueBy) {
    }
}
