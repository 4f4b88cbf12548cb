package io.bankcrm.segmentation.domain;

import io.bankcrm.segmentation.domain.Hysteresis.Move;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.bankcrm.segmentation.domain.Hysteresis.BELOW_BAR_RUNS;
import static io.bankcrm.segmentation.domain.Hysteresis.CURRENT_RANK;
import static io.bankcrm.segmentation.domain.Hysteresis.MOVE;
import static io.bankcrm.segmentation.domain.RankedCustomer.CONTRIBUTION;
import static io.bankcrm.segmentation.domain.RankedCustomer.CONTRIBUTION_RANK;
import static io.bankcrm.segmentation.domain.RankedCustomer.POPULATION;
import static io.bankcrm.segmentation.domain.RankedCustomer.SCORE;

/**
 * The sentences that tell a relationship manager why a customer has their tier, e.g.
 * "contribution rank 312 of 48,210 (top 0.6%)", "credit rating A", "below the gold bar for 1 of 3 runs".
 * Written once per sentence, in Java ({@link #of}) and as the SQL that words them for a whole run
 * ({@link #sql}); a test holds both to the same table of cases.
 */
public final class Reasons {

    /** Column of a run's table holding the tier flags (a text array). */
    public static final String FLAGS = "flags";

    private final TieringMethod method;
    private final TierLadder ladder;
    private final Hysteresis hysteresis;
    private final int windowMonths;
    private final int growthMonths;
    private final String currency;

    public Reasons(TieringMethod method, TierLadder ladder, Hysteresis hysteresis, int windowMonths,
                   int growthMonths, String currency) {
        this.method = method;
        this.ladder = ladder;
        this.hysteresis = hysteresis;
        this.windowMonths = windowMonths;
        this.growthMonths = growthMonths;
        this.currency = currency;
    }

    public static Reasons of(TieringPolicy policy, TierLadder ladder, String currency) {
        return new Reasons(policy.method(), ladder, policy.hysteresis(), policy.windowMonths(),
                policy.growthMonths(), currency);
    }

    /** What the reasons are worded from; {@code score} only for THRESHOLDS, {@code currentRank} null when new. */
    public record Facts(long contributionRank, long population, BigDecimal contribution, BigDecimal score,
                        String creditRating, List<String> flags, Move move, Integer currentRank, int belowBarRuns) {
    }

    public List<String> of(Facts f) {
        List<String> reasons = new ArrayList<>();
        if (method == TieringMethod.THRESHOLDS) {
            reasons.add("value score " + Decimals.twoDecimals(f.score()) + " of 100");
        } else {
            reasons.add("contribution rank " + Decimals.grouped(f.contributionRank()) + " of "
                    + Decimals.grouped(f.population()) + " (top " + topPercent(f.contributionRank(), f.population()) + "%)");
        }
        reasons.add("contribution " + Decimals.amount(f.contribution()) + " " + currency + " over " + months(windowMonths));
        if (f.creditRating() != null) {
            reasons.add("credit rating " + f.creditRating());
        }
        if (f.flags().contains(ValueFlags.BELOW_COST)) {
            reasons.add("below cost over " + months(windowMonths));
        }
        if (f.flags().contains(ValueFlags.GROWTH)) {
            reasons.add(rose());
        }
        switch (f.move()) {
            case UP -> reasons.add("moved up from " + ladder.barName(f.currentRank()));
            case DOWN -> reasons.add(belowTheBar(ladder.barName(f.currentRank()), f.belowBarRuns() + 1) + ": moved down one tier");
            case HOLD -> reasons.add(belowTheBar(ladder.barName(f.currentRank()), f.belowBarRuns() + 1)
                    + (f.belowBarRuns() + 1 >= hysteresis.downgradeAfterRuns() ? minimumTime() : ""));
            case NEW, STAY -> { }
        }
        return reasons;
    }

    /** The same sentences as a SQL text array over a run's columns. */
    public String sql() {
        List<String> items = new ArrayList<>();
        if (method == TieringMethod.THRESHOLDS) {
            items.add("'value score ' || " + Decimals.twoDecimalsSql(SCORE) + " || ' of 100'");
        } else {
            String tenths = "greatest(1, " + SqlText.roundHalfUpDiv(CONTRIBUTION_RANK + " * 1000", POPULATION) + ")";
            items.add("'contribution rank ' || " + Decimals.groupedSql(CONTRIBUTION_RANK) + " || ' of ' || "
                    + Decimals.groupedSql(POPULATION) + " || ' (top ' || to_char(" + tenths + " / 10.0, 'FM990.0') || '%)'");
        }
        items.add("'contribution ' || " + Decimals.amountSql(CONTRIBUTION) + " || "
                + SqlText.text(" " + currency + " over " + months(windowMonths)));
        items.add("'credit rating ' || " + ValueScore.CREDIT_RATING);
        items.add("case when '" + ValueFlags.BELOW_COST + "' = any(" + FLAGS + ") then "
                + SqlText.text("below cost over " + months(windowMonths)) + " end");
        items.add("case when '" + ValueFlags.GROWTH + "' = any(" + FLAGS + ") then "
                + SqlText.text(rose()) + " end");
        String bar = ladder.barNameSql(CURRENT_RANK);
        String below = "'below the ' || " + bar + " || ' bar for ' || (" + BELOW_BAR_RUNS + " + 1) || ' of "
                + hysteresis.downgradeAfterRuns() + " runs'";
        items.add("case " + MOVE
                + " when 'UP' then 'moved up from ' || " + bar
                + " when 'DOWN' then " + below + " || ': moved down one tier'"
                + " when 'HOLD' then " + below + " || case when " + BELOW_BAR_RUNS + " + 1 >= "
                + hysteresis.downgradeAfterRuns() + " then " + SqlText.text(minimumTime()) + " else '' end"
                + " end");
        return "array_remove(array[" + String.join(", ", items) + "]::text[], null)";
    }

    private String rose() {
        return growthMonths == 1 ? "contribution rose in the last month"
                : "contribution rose in each of the last " + growthMonths + " months";
    }

    private String belowTheBar(String barName, int runs) {
        return "below the " + barName + " bar for " + runs + " of " + hysteresis.downgradeAfterRuns() + " runs";
    }

    private String minimumTime() {
        return "; kept for the minimum of " + months(hysteresis.minMonthsInTier()) + " in the tier";
    }

    /** "top 0.6%": the rank's share of the population in tenths of a percent, rounded half up, at least 0.1. */
    static String topPercent(long rank, long population) {
        BigDecimal tenths = Decimals.roundHalfUpDiv(BigDecimal.valueOf(rank * 1000), BigDecimal.valueOf(population))
                .max(BigDecimal.ONE);
        return tenths.movePointLeft(1).toPlainString();
    }

    private static String months(int n) {
        return n == 1 ? "1 month" : n + " months";
    }
}
