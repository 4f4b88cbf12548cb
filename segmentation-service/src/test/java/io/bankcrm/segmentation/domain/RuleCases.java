package io.bankcrm.segmentation.domain;

import io.bankcrm.segmentation.domain.Hysteresis.Move;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The tables of cases every tiering rule is held to. The unit tests run them through the Java rules; the SQL
 * parity test runs the very same rows through the SQL the rules generate, in PostgreSQL. A rule changed on one
 * side only fails one of the two.
 */
public final class RuleCases {

    private RuleCases() {
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    public static final TierLadder LADDER = new TierLadder(List.of("PLATINUM", "GOLD", "SILVER", "MASS"),
            Map.of("PLATINUM", "Platinum", "GOLD", "Gold", "SILVER", "Silver", "MASS", "Mass"));

    // ---- tier assignment

    public record AssignmentCase(String name, RankedCustomer customer, int expectedRank) {
    }

    /** PARETO with bands up to 50%, 80% and 95% of profit, then the rest; total profit 1,000.00. */
    public static final TierAssignment PARETO = TierAssignment.of(TieringMethod.PARETO, List.of(
            new TierBand("PLATINUM", d("50")), new TierBand("GOLD", d("80")), new TierBand("SILVER", d("95")),
            new TierBand("MASS", null)));

    public static final List<AssignmentCase> PARETO_CASES = List.of(
            pareto("first customer", "500.00", 1, "0.00", 1),
            pareto("still under 50% before it", "100.00", 2, "499.99", 1),
            pareto("exactly 50% before it", "100.00", 3, "500.00", 2),
            pareto("just under 80% before it", "10.00", 4, "799.99", 2),
            pareto("exactly 80% before it", "10.00", 5, "800.00", 3),
            pareto("just under 95% before it", "10.00", 6, "949.99", 3),
            pareto("95% before it", "10.00", 7, "950.00", 4),
            pareto("no profit", "0.00", 8, "1000.00", 4),
            pareto("costs more than it brings", "-25.00", 9, "1000.00", 4),
            new AssignmentCase("nobody profitable", new RankedCustomer(d("0.00"), 1, 1, d("0.00"), d("0.00"), null), 4));

    /** PERCENTILE with the top 1%, 5% and 20% of customers, then the rest. */
    public static final TierAssignment PERCENTILE = TierAssignment.of(TieringMethod.PERCENTILE, List.of(
            new TierBand("PLATINUM", d("1")), new TierBand("GOLD", d("5")), new TierBand("SILVER", d("20")),
            new TierBand("MASS", null)));

    public static final List<AssignmentCase> PERCENTILE_CASES = List.of(
            percentile(1, 1000, 1), percentile(10, 1000, 1), percentile(11, 1000, 2), percentile(50, 1000, 2),
            percentile(51, 1000, 3), percentile(200, 1000, 3), percentile(201, 1000, 4), percentile(1000, 1000, 4),
            percentile(1, 7, 1), percentile(2, 7, 3), percentile(7, 7, 4));

    /** THRESHOLDS with minimum scores 80, 60 and 40, then the rest. */
    public static final TierAssignment THRESHOLDS = TierAssignment.of(TieringMethod.THRESHOLDS, List.of(
            new TierBand("PLATINUM", d("80")), new TierBand("GOLD", d("60")), new TierBand("SILVER", d("40")),
            new TierBand("MASS", null)));

    public static final List<AssignmentCase> THRESHOLD_CASES = List.of(
            threshold("100.00", 1), threshold("80.00", 1), threshold("79.99", 2), threshold("60.00", 2),
            threshold("59.99", 3), threshold("40.00", 3), threshold("39.99", 4), threshold("0.00", 4));

    private static AssignmentCase pareto(String name, String contribution, long rank, String before, int expected) {
        return new AssignmentCase(name, new RankedCustomer(d(contribution), rank, 10, d(before), d("1000.00"), null),
                expected);
    }

    private static AssignmentCase percentile(long rank, long population, int expected) {
        return new AssignmentCase("rank " + rank + " of " + population,
                new RankedCustomer(d("1.00"), rank, population, d("0"), d("1"), null), expected);
    }

    private static AssignmentCase threshold(String score, int expected) {
        return new AssignmentCase("score " + score, new RankedCustomer(d("1.00"), 1, 1, d("0"), d("1"), d(score)),
                expected);
    }

    // ---- value score

    public record ScoreCase(String name, ValueScore score, String scaleTotal, String volumeTotal, long months,
                            CreditRating rating, String expected) {
    }

    /** Half scale, 30% volume, 20% rating; full marks at 1,000,000.00 average balances and 200,000.00 monthly volume. */
    public static final ValueScore SCORE = new ValueScore(d("0.5"), d("0.3"), d("0.2"), d("1000000"), d("200000"));

    public static final List<ScoreCase> SCORE_CASES = List.of(
            new ScoreCase("full scale, half volume, rating A", SCORE, "12000000.00", "1200000.00", 12, CreditRating.A, "81.00"),
            new ScoreCase("scale above full marks is capped", SCORE, "99000000.00", "0.00", 3, CreditRating.AAA, "70.00"),
            new ScoreCase("no facts in the window, unrated", SCORE, "0.00", "0.00", 0, null, "0.00"),
            new ScoreCase("negative totals earn nothing", SCORE, "-5.00", "-1.00", 2, CreditRating.D, "0.00"),
            new ScoreCase("a third of full marks", new ValueScore(d("1"), d("0"), d("0"), d("1"), d("1")),
                    "1.00", "0.00", 3, null, "33.33"),
            new ScoreCase("a part rounds half up to the hundredth",
                    new ValueScore(d("1"), d("0"), d("0"), d("16000"), d("1")), "1.00", "0.00", 1, null, "0.01"),
            new ScoreCase("weighted mean of three parts, rounded",
                    new ValueScore(d("1"), d("1"), d("1"), d("3"), d("1")), "0.02", "0.00", 1, null, "0.22"));

    // ---- flags

    public record FlagCase(String name, int growthMonths, String contribution, List<String> monthly,
                           List<String> expected) {
    }

    public static final List<FlagCase> FLAG_CASES = List.of(
            new FlagCase("rising three months", 3, "100.00", List.of("40.00", "30.00", "20.00", "10.00"), List.of("GROWTH")),
            new FlagCase("flat once is not rising", 3, "100.00", List.of("40.00", "30.00", "30.00", "10.00"), List.of()),
            new FlagCase("falling", 3, "100.00", List.of("10.00", "20.00", "30.00", "40.00"), List.of()),
            new FlagCase("rising but below cost", 3, "-5.00", List.of("4.00", "-1.00", "-3.00", "-5.00"),
                    List.of("BELOW_COST", "GROWTH")),
            new FlagCase("below cost, nothing reported lately", 3, "-1.00", List.of("0.00", "0.00", "0.00", "0.00"),
                    List.of("BELOW_COST")),
            new FlagCase("exactly zero is not below cost", 1, "0.00", List.of("0.00", "0.00"), List.of()),
            new FlagCase("one month rising", 1, "9.00", List.of("5.00", "4.00"), List.of("GROWTH")));

    // ---- hysteresis

    public record HysteresisCase(String name, Hysteresis rules, Integer currentRank, int targetRank, int belowBarRuns,
                                 boolean minTimeMet, Move move, int rank, int expectedBelowBarRuns) {
    }

    public static final Hysteresis PATIENT = new Hysteresis(3, 2);

    public static final List<HysteresisCase> HYSTERESIS_CASES = List.of(
            new HysteresisCase("first tiering takes the computed tier", PATIENT, null, 2, 0, false, Move.NEW, 2, 0),
            new HysteresisCase("an upgrade applies at once", PATIENT, 3, 1, 0, false, Move.UP, 1, 0),
            new HysteresisCase("an upgrade clears the count", PATIENT, 3, 2, 2, true, Move.UP, 2, 0),
            new HysteresisCase("back at the bar clears the count", PATIENT, 2, 2, 1, true, Move.STAY, 2, 0),
            new HysteresisCase("a first dip is held", PATIENT, 2, 3, 0, true, Move.HOLD, 2, 1),
            new HysteresisCase("a second dip is held", PATIENT, 2, 4, 1, true, Move.HOLD, 2, 2),
            new HysteresisCase("the third run below goes down one tier only", PATIENT, 2, 4, 2, true, Move.DOWN, 3, 0),
            new HysteresisCase("too short in the tier is held", PATIENT, 2, 3, 2, false, Move.HOLD, 2, 3),
            new HysteresisCase("held long enough goes down", PATIENT, 2, 3, 5, true, Move.DOWN, 3, 0),
            new HysteresisCase("impatient policy goes down at once", new Hysteresis(1, 0), 1, 3, 0, true, Move.DOWN, 2, 0));

    public record TimeInTierCase(Hysteresis rules, YearMonth since, YearMonth asOf, boolean expected) {
    }

    public static final List<TimeInTierCase> TIME_IN_TIER_CASES = List.of(
            new TimeInTierCase(PATIENT, YearMonth.of(2026, 8), YearMonth.of(2026, 10), true),
            new TimeInTierCase(PATIENT, YearMonth.of(2026, 9), YearMonth.of(2026, 10), false),
            new TimeInTierCase(PATIENT, YearMonth.of(2025, 11), YearMonth.of(2026, 1), true),
            new TimeInTierCase(new Hysteresis(1, 0), YearMonth.of(2026, 10), YearMonth.of(2026, 10), true));

    // ---- reasons

    public record ReasonCase(String name, Reasons reasons, Reasons.Facts facts, List<String> expected) {
    }

    public static final Reasons PARETO_REASONS = new Reasons(TieringMethod.PARETO, LADDER, PATIENT, 12, 3, "CNY");
    public static final Reasons SCORE_REASONS = new Reasons(TieringMethod.THRESHOLDS, LADDER, PATIENT, 1, 1, "CNY");

    public static final List<ReasonCase> REASON_CASES = List.of(
            new ReasonCase("rank, contribution and rating", PARETO_REASONS,
                    facts(312, 48210, "12345.60", null, "A", List.of(), Move.STAY, 2, 0),
                    List.of("contribution rank 312 of 48,210 (top 0.6%)", "contribution 12,345.60 CNY over 12 months",
                            "credit rating A")),
            new ReasonCase("the very top, below cost, unrated, new", PARETO_REASONS,
                    facts(1, 48210, "-1234.50", null, null, List.of("BELOW_COST"), Move.NEW, null, 0),
                    List.of("contribution rank 1 of 48,210 (top 0.1%)", "contribution -1,234.50 CNY over 12 months",
                            "below cost over 12 months")),
            new ReasonCase("last of all", PARETO_REASONS,
                    facts(48210, 48210, "0.00", null, "BB", List.of(), Move.STAY, 4, 0),
                    List.of("contribution rank 48,210 of 48,210 (top 100.0%)", "contribution 0.00 CNY over 12 months",
                            "credit rating BB")),
            new ReasonCase("half a tenth rounds up", PARETO_REASONS,
                    facts(3, 2000, "1000000.00", null, null, List.of("GROWTH"), Move.UP, 3, 0),
                    List.of("contribution rank 3 of 2,000 (top 0.2%)", "contribution 1,000,000.00 CNY over 12 months",
                            "contribution rose in each of the last 3 months", "moved up from silver")),
            new ReasonCase("a first dip", PARETO_REASONS,
                    facts(900, 1000, "10.00", null, null, List.of(), Move.HOLD, 2, 0),
                    List.of("contribution rank 900 of 1,000 (top 90.0%)", "contribution 10.00 CNY over 12 months",
                            "below the gold bar for 1 of 3 runs")),
            new ReasonCase("held for the minimum time", PARETO_REASONS,
                    facts(900, 1000, "10.00", null, null, List.of(), Move.HOLD, 2, 2),
                    List.of("contribution rank 900 of 1,000 (top 90.0%)", "contribution 10.00 CNY over 12 months",
                            "below the gold bar for 3 of 3 runs; kept for the minimum of 2 months in the tier")),
            new ReasonCase("down one tier", PARETO_REASONS,
                    facts(900, 1000, "10.00", null, null, List.of(), Move.DOWN, 2, 2),
                    List.of("contribution rank 900 of 1,000 (top 90.0%)", "contribution 10.00 CNY over 12 months",
                            "below the gold bar for 3 of 3 runs: moved down one tier")),
            new ReasonCase("value score", SCORE_REASONS,
                    facts(7, 10, "99.00", "72.50", "AA", List.of("GROWTH"), Move.NEW, null, 0),
                    List.of("value score 72.50 of 100", "contribution 99.00 CNY over 1 month", "credit rating AA",
                            "contribution rose in the last month")));

    private static Reasons.Facts facts(long rank, long population, String contribution, String score, String rating,
                                       List<String> flags, Move move, Integer currentRank, int belowBarRuns) {
        return new Reasons.Facts(rank, population, d(contribution), score == null ? null : d(score), rating, flags,
                move, currentRank, belowBarRuns);
    }
}
