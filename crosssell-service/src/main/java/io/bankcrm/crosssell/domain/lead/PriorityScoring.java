package io.bankcrm.crosssell.domain.lead;

import io.bankcrm.crosssell.domain.product.Product;
import io.bankcrm.crosssell.domain.product.ProductFit;
import io.bankcrm.crosssell.domain.product.Prospect;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import io.bankcrm.crosssell.domain.prospect.TierScale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Scores a lead from four factors, each a fraction of its weight, in whole points (exact fractions rounded half
 * up):
 * <ul>
 *   <li>tier: the top tier of the customer's ladder gives the whole weight, the bottom none, evenly between;
 *       an untiered customer none;</li>
 *   <li>salary band: the highest band the whole weight, the lowest none, evenly between; unknown none;</li>
 *   <li>product fit: the whole weight when the product suits every band, the customer's band is one it targets, or
 *       it is meant for officers and the customer is one; half when the band is next to a targeted one; else none;</li>
 *   <li>employer tier: like the tier, on the corporate ladder, for the employer behind the lead; none without one.</li>
 * </ul>
 */
public final class PriorityScoring {

    private final TierScale tiers;
    private final ScoreWeights weights;

    public PriorityScoring(TierScale tiers, ScoreWeights weights) {
        this.tiers = Objects.requireNonNull(tiers, "tiers");
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    /**
     * @param employerTier the tier of the employer (or collecting corporate) the lead came through; null when the
     *                     lead has no employer or the employer is not tiered
     * @param hasEmployer  whether the lead came through an employer at all
     */
    public PriorityScore score(Product product, Prospect prospect, boolean hasEmployer, String employerTier) {
        List<ScoreComponent> parts = List.of(
                tier(prospect),
                salaryBand(prospect),
                fit(product, prospect),
                employer(hasEmployer, employerTier));
        return new PriorityScore(parts.stream().mapToInt(ScoreComponent::points).sum(), parts);
    }

    private ScoreComponent tier(Prospect prospect) {
        int max = weights.tier();
        OptionalInt rank = tiers.rankOf(prospect.kind(), prospect.tier());
        if (rank.isEmpty()) {
            return new ScoreComponent(ScoreFactor.TIER, 0, max, prospect.tier() == null
                    ? "not tiered yet: 0 of " + max
                    : "tier " + prospect.tier() + " is not on the " + ladderName(prospect.kind()) + " ladder: 0 of " + max);
        }
        int levels = tiers.levels(prospect.kind());
        int points = ladderPoints(rank.getAsInt(), levels, max);
        return new ScoreComponent(ScoreFactor.TIER, points, max,
                "tier " + prospect.tier() + " (" + rank.getAsInt() + " of " + levels + "): " + points + " of " + max);
    }

    private ScoreComponent salaryBand(Prospect prospect) {
        int max = weights.salaryBand();
        SalaryBand band = prospect.salaryBand();
        if (band == null) {
            return new ScoreComponent(ScoreFactor.SALARY_BAND, 0, max, "salary band unknown: 0 of " + max);
        }
        int levels = SalaryBand.values().length;
        int points = fraction(max, band.level() - 1, levels - 1);
        return new ScoreComponent(ScoreFactor.SALARY_BAND, points, max,
                "salary " + band.label() + " a month (band " + band.level() + " of " + levels + "): "
                        + points + " of " + max);
    }

    private ScoreComponent fit(Product product, Prospect prospect) {
        int max = weights.productFit();
        ProductFit fit = product.fit();
        SalaryBand band = prospect.salaryBand();
        if (fit.forOfficers() && prospect.isOfficer()) {
            return new ScoreComponent(ScoreFactor.PRODUCT_FIT, max, max, product.code() + " is meant for officers; the "
                    + "customer is " + prospect.officerRole() + ": " + max + " of " + max);
        }
        if (fit.suitsEveryBand()) {
            return new ScoreComponent(ScoreFactor.PRODUCT_FIT, max, max,
                    product.code() + " suits every customer: " + max + " of " + max);
        }
        if (band == null) {
            return new ScoreComponent(ScoreFactor.PRODUCT_FIT, 0, max, product.code() + " targets salaries "
                    + bands(fit) + "; the customer's band is unknown: 0 of " + max);
        }
        if (fit.targetBands().contains(band)) {
            return new ScoreComponent(ScoreFactor.PRODUCT_FIT, max, max, product.code() + " targets salaries of "
                    + band.label() + ": " + max + " of " + max);
        }
        boolean near = fit.targetBands().stream().anyMatch(b -> b.distanceTo(band) == 1);
        int points = near ? fraction(max, 1, 2) : 0;
        return new ScoreComponent(ScoreFactor.PRODUCT_FIT, points, max, product.code() + " targets salaries "
                + bands(fit) + "; the customer's " + band.label() + " is " + (near ? "next to them" : "outside them")
                + ": " + points + " of " + max);
    }

    private ScoreComponent employer(boolean hasEmployer, String employerTier) {
        int max = weights.employerTier();
        if (!hasEmployer) {
            return new ScoreComponent(ScoreFactor.EMPLOYER_TIER, 0, max, "no employer behind this lead: 0 of " + max);
        }
        OptionalInt rank = tiers.rankOf(CustomerKind.CORPORATE, employerTier);
        if (rank.isEmpty()) {
            return new ScoreComponent(ScoreFactor.EMPLOYER_TIER, 0, max, "the employer is not tiered yet: 0 of " + max);
        }
        int levels = tiers.levels(CustomerKind.CORPORATE);
        int points = ladderPoints(rank.getAsInt(), levels, max);
        return new ScoreComponent(ScoreFactor.EMPLOYER_TIER, points, max, "employer tier " + employerTier + " ("
                + rank.getAsInt() + " of " + levels + "): " + points + " of " + max);
    }

    /** Rank 1 of n gives all of {@code max}, rank n none; a ladder of one tier gives all. */
    private static int ladderPoints(int rank, int levels, int max) {
        return levels == 1 ? max : fraction(max, levels - rank, levels - 1);
    }

    private static int fraction(int max, int numerator, int denominator) {
        return BigDecimal.valueOf((long) max * numerator)
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP).intValueExact();
    }

    private static String bands(ProductFit fit) {
        return fit.targetBands().stream().map(SalaryBand::label).toList().toString();
    }

    private static String ladderName(CustomerKind kind) {
        return kind == CustomerKind.INDIVIDUAL ? "retail" : "corporate";
    }
}
