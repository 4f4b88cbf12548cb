package io.bankcrm.segmentation.domain;

import java.time.YearMonth;

/**
 * Keeps tiers from flickering. An upgrade applies at once. A customer below the bar of their tier is kept in it
 * until they have been below it for {@code downgradeAfterRuns} consecutive publishing runs and in the tier for at
 * least {@code minMonthsInTier} months; then they move down one tier, never more, and the count starts again.
 * Ranks are positions in the policy's tier ladder, 1 the top.
 */
public record Hysteresis(int downgradeAfterRuns, int minMonthsInTier) {

    /** What a run does with a customer's tier. */
    public enum Move {
        /** First tiered: takes the computed tier. */
        NEW,
        /** Computed above the current tier: takes it at once. */
        UP,
        /** Computed in the current tier. */
        STAY,
        /** Computed below the current tier, but not long enough yet: kept, one more run below the bar counted. */
        HOLD,
        /** Below the bar for long enough: one tier down. */
        DOWN
    }

    /** The outcome for one customer: the move, the tier rank after it and the runs-below-the-bar count to keep. */
    public record Decision(Move move, int rank, int belowBarRuns) {
    }

    /** Column names of a run's table that the SQL form reads. */
    public static final String CURRENT_RANK = "cur_rank";
    public static final String TARGET_RANK = "target_rank";
    public static final String BELOW_BAR_RUNS = "below_bar_runs";
    public static final String MIN_TIME_MET = "min_time_met";
    public static final String MOVE = "move";

    /**
     * @param currentRank the current tier, or null for a customer not tiered yet (or tiered outside this ladder)
     * @param targetRank the tier the method computed this run
     * @param belowBarRuns consecutive earlier runs below the current tier's bar
     * @param minTimeMet whether the customer has been in the current tier for the minimum time
     */
    public Decision decide(Integer currentRank, int targetRank, int belowBarRuns, boolean minTimeMet) {
        Move move = move(currentRank, targetRank, belowBarRuns, minTimeMet);
        return switch (move) {
            case NEW, UP -> new Decision(move, targetRank, 0);
            case STAY -> new Decision(move, currentRank, 0);
            case HOLD -> new Decision(move, currentRank, belowBarRuns + 1);
            case DOWN -> new Decision(move, currentRank + 1, 0);
        };
    }

    private Move move(Integer currentRank, int targetRank, int belowBarRuns, boolean minTimeMet) {
        if (currentRank == null) {
            return Move.NEW;
        }
        if (targetRank < currentRank) {
            return Move.UP;
        }
        if (targetRank == currentRank) {
            return Move.STAY;
        }
        return belowBarRuns + 1 >= downgradeAfterRuns && minTimeMet ? Move.DOWN : Move.HOLD;
    }

    /** Whether a tier held since {@code since} has been held for the minimum time at {@code asOf}. */
    public boolean minTimeMet(YearMonth since, YearMonth asOf) {
        return !since.plusMonths(minMonthsInTier).isAfter(asOf);
    }

    public String minTimeMetSql(String sinceColumn, YearMonth asOf) {
        return "coalesce(" + sinceColumn + " <= " + SqlText.month(asOf.minusMonths(minMonthsInTier)) + ", false)";
    }

    /** {@link #decide}'s move over the columns {@link #CURRENT_RANK}, {@link #TARGET_RANK}, ... */
    public String moveSql() {
        return "case when " + CURRENT_RANK + " is null then 'NEW'"
                + " when " + TARGET_RANK + " < " + CURRENT_RANK + " then 'UP'"
                + " when " + TARGET_RANK + " = " + CURRENT_RANK + " then 'STAY'"
                + " when " + BELOW_BAR_RUNS + " + 1 >= " + downgradeAfterRuns + " and " + MIN_TIME_MET + " then 'DOWN'"
                + " else 'HOLD' end";
    }

    /** {@link #decide}'s rank, given the {@link #MOVE} column. */
    public String rankSql() {
        return "case " + MOVE + " when 'NEW' then " + TARGET_RANK + " when 'UP' then " + TARGET_RANK
                + " when 'DOWN' then " + CURRENT_RANK + " + 1 else " + CURRENT_RANK + " end";
    }

    /** {@link #decide}'s runs-below-the-bar count, given the {@link #MOVE} column. */
    public String belowBarRunsSql() {
        return "case " + MOVE + " when 'HOLD' then " + BELOW_BAR_RUNS + " + 1 else 0 end";
    }
}
