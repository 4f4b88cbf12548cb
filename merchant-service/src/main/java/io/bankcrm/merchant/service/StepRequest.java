package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.onboarding.RiskAssessment;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One onboarding step: the action and what it needs (a reason to suspend or terminate, the risk decision, the
 * terminal ids).
 */
@Schema(description = "An onboarding step; only the fields the step needs are read")
public record StepRequest(
        @NotNull OnboardingAction step,
        @Schema(description = "Required for SUSPEND and TERMINATE") @Size(max = 500) String reason,
        @Schema(description = "ASSESS_RISK: the decision") RiskAssessment.Decision riskDecision,
        @Schema(description = "ASSESS_RISK: 0 (no concern) to 100") @Min(0) @Max(100) Integer riskScore,
        @Schema(description = "ASSESS_RISK: at least one reason") @Size(max = 20) List<@Size(max = 500) String> riskReasons,
        @Schema(description = "INSTALL_TERMINALS: 8 capital letters or digits each, distinct")
        @Size(max = 500) List<@Size(max = 8) String> terminalIds) {
}
