package io.bankcrm.merchant.domain.onboarding;

import io.bankcrm.platform.domain.InvalidInput;

import java.util.List;
import java.util.Objects;

/**
 * The risk team's decision on a merchant.
 *
 * @param score   0 (no concern) to 100 (highest risk), from the bank's merchant risk model
 * @param reasons at least one sentence a merchant-ops officer can read, e.g. "chargeback ratio 0.1% at previous acquirer"
 */
public record RiskAssessment(Decision decision, int score, List<String> reasons) {

    public enum Decision { APPROVED, DECLINED }

    public RiskAssessment {
        Objects.requireNonNull(decision, "decision");
        if (score < 0 || score > 100) {
            throw new InvalidInput("score", "a risk score is 0 to 100, not " + score);
        }
        if (reasons == null || reasons.isEmpty() || reasons.stream().anyMatch(r -> r == null || r.isBlank())) {
            throw new InvalidInput("reasons", "a risk decision gives at least one reason, none blank");
        }
        reasons = List.copyOf(reasons);
    }

    public boolean approved() {
        return decision == Decision.APPROVED;
    }
}
