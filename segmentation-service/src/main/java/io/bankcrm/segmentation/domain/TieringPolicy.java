package io.bankcrm.segmentation.domain;

import io.bankcrm.platform.domain.Violation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * One version of a tiering policy: which customers (segment), how they are ranked (method and bands), over which
 * months (window), when the GROWTH flag is raised, and how patient the policy is with downgrades.
 *
 * @param windowMonths months of facts, ending with the as-of month, that a customer's contribution sums
 * @param score the value score, for THRESHOLDS only
 * @param growthMonths GROWTH: contribution rose in each of this many last months
 * @param downgradeAfterRuns consecutive runs below the bar before a customer moves down one tier
 * @param minMonthsInTier months in a tier before a downgrade may take effect
 */
public record TieringPolicy(UUID id, int version, String name, Segment segment, TieringMethod method,
                            int windowMonths, List<TierBand> bands, ValueScore score, int growthMonths,
                            int downgradeAfterRuns, int minMonthsInTier) {

    public static final int MAX_WINDOW_MONTHS = 36;
    public static final int MAX_GROWTH_MONTHS = 12;
    public static final int MIN_BANDS = 2;
    public static final int MAX_BANDS = 10;

    public TieringPolicy {
        bands = List.copyOf(bands);
    }

    public TierAssignment assignment() {
        return TierAssignment.of(method, bands);
    }

    public ValueFlags flags() {
        return new ValueFlags(growthMonths);
    }

    public Hysteresis hysteresis() {
        return new Hysteresis(downgradeAfterRuns, minMonthsInTier);
    }

    public List<String> tierCodes() {
        return bands.stream().map(TierBand::tier).toList();
    }

    /**
     * What is wrong with this definition, as fields of the policy document ({@code bands[1].profitShareUpTo}); empty
     * when it can be used. Simple ranges are checked here too, so a policy built in code is held to the same rules.
     *
     * @param tierSegment the segment of each tier in the catalogue; empty for an unknown tier
     */
    public List<Violation> problems(Function<String, Optional<Segment>> tierSegment) {
        List<Violation> problems = new ArrayList<>();
        range(problems, "windowMonths", windowMonths, 1, MAX_WINDOW_MONTHS);
        range(problems, "growthMonths", growthMonths, 1, MAX_GROWTH_MONTHS);
        range(problems, "downgradeAfterRuns", downgradeAfterRuns, 1, 12);
        range(problems, "minMonthsInTier", minMonthsInTier, 0, MAX_WINDOW_MONTHS);
        if (bands.size() < MIN_BANDS || bands.size() > MAX_BANDS) {
            problems.add(new Violation("bands", "must have " + MIN_BANDS + " to " + MAX_BANDS + " tiers"));
            return problems;
        }
        Set<String> seen = new HashSet<>();
        BigDecimal previous = null;
        for (int i = 0; i < bands.size(); i++) {
            TierBand band = bands.get(i);
            String at = "bands[" + i + "]";
            if (band.tier() == null) {
                problems.add(new Violation(at + ".tier", "must not be null"));
            } else if (!seen.add(band.tier())) {
                problems.add(new Violation(at + ".tier", "appears twice in the policy"));
            } else {
                Optional<Segment> of = tierSegment.apply(band.tier());
                if (of.isEmpty()) {
                    problems.add(new Violation(at + ".tier", "is not a tier of the catalogue (GET /v1/tiers)"));
                } else if (of.get() != segment) {
                    problems.add(new Violation(at + ".tier", "is a " + of.get() + " tier, not " + segment));
                }
            }
            String bound = at + "." + method.boundName();
            boolean last = i == bands.size() - 1;
            if (last) {
                if (band.bound() != null) {
                    problems.add(new Violation(bound, "must be empty: the last tier takes everyone left"));
                }
                continue;
            }
            if (band.bound() == null) {
                problems.add(new Violation(bound, "is required for every tier but the last"));
                continue;
            }
            boolean ascending = method != TieringMethod.THRESHOLDS;
            BigDecimal low = BigDecimal.ZERO;
            if (band.bound().compareTo(low) <= 0 || band.bound().compareTo(Decimals.HUNDRED) > 0
                    || (ascending && band.bound().compareTo(Decimals.HUNDRED) == 0)) {
                problems.add(new Violation(bound, ascending ? "must be above 0 and below 100 (a percentage)"
                        : "must be above 0 and at most 100 (a score)"));
            } else if (band.bound().scale() > 4) {
                problems.add(new Violation(bound, "must have at most 4 decimals"));
            } else if (previous != null && (ascending ? band.bound().compareTo(previous) <= 0
                    : band.bound().compareTo(previous) >= 0)) {
                problems.add(new Violation(bound, ascending ? "must be above the tier before's"
                        : "must be below the tier before's: tiers go from the highest score down"));
            }
            previous = band.bound();
        }
        if (method == TieringMethod.THRESHOLDS) {
            scoreProblems(problems);
        } else if (score != null) {
            problems.add(new Violation("score", "is used by the THRESHOLDS method only"));
        }
        return problems;
    }

    private void scoreProblems(List<Violation> problems) {
        if (score == null) {
            problems.add(new Violation("score", "is required for the THRESHOLDS method"));
            return;
        }
        notNegative(problems, "score.scaleWeight", score.scaleWeight());
        notNegative(problems, "score.volumeWeight", score.volumeWeight());
        notNegative(problems, "score.ratingWeight", score.ratingWeight());
        positive(problems, "score.scaleFullMarks", score.scaleFullMarks());
        positive(problems, "score.volumeFullMarks", score.volumeFullMarks());
        if (score.scaleWeight() != null && score.volumeWeight() != null && score.ratingWeight() != null
                && score.totalWeight().signum() <= 0) {
            problems.add(new Violation("score", "needs at least one weight above 0"));
        }
    }

    private static void range(List<Violation> problems, String field, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(new Violation(field, "must be between " + min + " and " + max));
        }
    }

    private static void notNegative(List<Violation> problems, String field, BigDecimal value) {
        if (value == null) {
            problems.add(new Violation(field, "must not be null"));
        } else if (value.signum() < 0) {
            problems.add(new Violation(field, "must not be negative"));
        }
    }

    private static void positive(List<Violation> problems, String field, BigDecimal value) {
        if (value == null) {
            problems.add(new Violation(field, "must not be null"));
        } else if (value.signum() <= 0) {
            problems.add(new Violation(field, "must be above 0"));
        }
    }
}
