package io.bankcrm.crosssell.domain.lead;

import io.bankcrm.platform.domain.InvalidInput;

/**
 * The most points each factor can give; they add up to 100. Configurable per bank
 * ({@code crosssell.priority.*}); the defaults weigh the customer's own value first.
 */
public record ScoreWeights(int tier, int salaryBand, int productFit, int employerTier) {

    public static final ScoreWeights DEFAULT = new ScoreWeights(30, 25, 25, 20);

    public ScoreWeights {
        if (tier < 0 || salaryBand < 0 || productFit < 0 || employerTier < 0) {
            throw new InvalidInput("priority weights", "must not be negative");
        }
        if (tier + salaryBand + productFit + employerTier != 100) {
            throw new InvalidInput("priority weights", "must add up to 100, not "
                    + (tier + salaryBand + productFit + employerTier));
        }
    }
}
