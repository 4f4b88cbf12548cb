package io.bankcrm.segmentation.service;

import io.bankcrm.segmentation.domain.SqlText;
import io.bankcrm.segmentation.domain.TieringPolicy;
import io.bankcrm.segmentation.domain.ValueFlags;
import io.bankcrm.segmentation.domain.ValueScore;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The maintained window figures ({@code customer_window_figures}, migration V3): for each customer with value
 * facts, what a tiering run ranks, summed over the {@value #WINDOW_MONTHS} months ending with the row's
 * {@code window_end}: contribution, the monthly contributions of its last {@value #GROWTH_MONTHS} + 1 months (for
 * GROWTH), the credit rating of {@code window_end}, scale and volume totals and the months reported (for the value
 * score). Sums are exact {@code numeric}.
 * <p>
 * {@link ValueFacts} keeps them in the transaction of every change of a customer's facts: under a lock per
 * customer, the customer's row is recomputed from its own facts of the window (at most {@value #WINDOW_MONTHS}
 * rows of the primary key), so a replaced month, an added or subtracted card payment and a month entering the
 * window all come out exactly as a full recomputation would. A reported month later than {@code window_end}
 * moves the customer's window to it; card spending alone does not (the month in progress must not move the
 * window away from the month that is tiered next).
 * <p>
 * A run for month M ({@link TieringEngine}) takes the rows whose window ends at M as they are and recomputes the
 * others (customers whose window ends elsewhere) from {@code value_fact}; a policy with another window, or GROWTH
 * over more months than are kept, is computed by the full scan of {@code value_fact}, and its report says so.
 * The aggregate expressions are written once, here, for the maintained figures and the full scan alike.
 */
public final class WindowFigures {

    /** The window the figures are kept for; a policy with another window length is computed by the full scan. */
    public static final int WINDOW_MONTHS = 12;
    /** Monthly contributions kept beyond the window's last month: GROWTH over at most this many months. */
    public static final int GROWTH_MONTHS = 6;
    public static final String TABLE = "customer_window_figures";
    /** First key of the per-customer advisory lock (the two-key space, apart from the one-key locks in use). */
    static final int LOCK_CLASS = 0x5E6F;

    private WindowFigures() {
    }

    /** Why a run of {@code policy} cannot rank the maintained figures; empty when it can. */
    public static Optional<String> unusableFor(TieringPolicy policy) {
        if (policy.windowMonths() != WINDOW_MONTHS) {
            return Optional.of("the policy's window of " + policy.windowMonths() + " months is not the maintained "
                    + WINDOW_MONTHS + "-month window");
        }
        if (policy.growthMonths() > GROWTH_MONTHS) {
            return Optional.of("GROWTH over " + policy.growthMonths() + " months needs more monthly figures than the "
                    + GROWTH_MONTHS + " + 1 months that are kept");
        }
        return Optional.empty();
    }

    /**
     * The aggregates of one window over {@code value_fact} rows (columns unqualified), for a grouped select.
     *
     * @param monthBack the SQL date of the month {@code n} months before the window's last month
     */
    record Window(IntFunction<String> monthBack, int months) {

        static Window endingAt(YearMonth end, int months) {
            return new Window(back -> SqlText.month(end.minusMonths(back)), months);
        }

        /** A window ending at a date column or expression of each row. */
        static Window endingAt(String end, int months) {
            return new Window(back -> back == 0 ? end : "cast(" + end + " - interval '" + back + " months' as date)",
                    months);
        }

        String end() {
            return monthBack.apply(0);
        }

        String first() {
            return monthBack.apply(months - 1);
        }

        String inWindow() {
            return "month between " + first() + " and " + end();
        }

        String contribution() {
            return "coalesce(sum(contribution) filter (where " + inWindow() + "), 0)";
        }

        /** A month without facts counts as zero. */
        String monthly(int back) {
            return "coalesce(sum(contribution) filter (where month = " + monthBack.apply(back) + "), 0)";
        }

        String creditRating() {
            return "max(credit_rating) filter (where month = " + end() + ")";
        }

        String scaleTotal() {
            return "coalesce(sum(avg_deposit_balance + loan_balance + assets_under_management) filter (where "
                    + inWindow() + "), 0)";
        }

        String volumeTotal() {
            return "coalesce(sum(transaction_amount + card_transaction_amount) filter (where " + inWindow() + "), 0)";
        }

        String monthsReported() {
            return "count(*) filter (where " + inWindow() + ")";
        }

        /** The stored columns' values, in {@link #COLUMNS} order after customer_id and window_end. */
        String figures() {
            List<String> monthly = new ArrayList<>();
            for (int back = 0; back <= GROWTH_MONTHS; back++) {
                monthly.add(monthly(back));
            }
            return contribution() + ", array[" + String.join(", ", monthly) + "], " + creditRating() + ", "
                    + scaleTotal() + ", " + volumeTotal() + ", " + monthsReported();
        }
    }

    static final String COLUMNS = "customer_id, window_end, contribution, monthly, credit_rating, scale_total,"
            + " volume_total, months_reported";

    private static final String UPSERT = " on conflict (customer_id) do update set window_end = excluded.window_end,"
            + " contribution = excluded.contribution, monthly = excluded.monthly,"
            + " credit_rating = excluded.credit_rating, scale_total = excluded.scale_total,"
            + " volume_total = excluded.volume_total, months_reported = excluded.months_reported";

    /**
     * Locks customer {@code ?1} (uuid) until the transaction ends, so that two changes of one customer's facts
     * recompute its figures one after the other, the second seeing the first.
     */
    static final String LOCK = "select cast(pg_advisory_xact_lock(" + LOCK_CLASS + ", hashtext(cast(?1 as text)))"
            + " as text)";

    /**
     * Recomputes customer {@code ?1}'s figures after a change of its facts for month {@code ?2} (date);
     * {@code ?3} (boolean) tells whether reported figures changed, which moves the window to a later month.
     */
    static final String REFRESH = "insert into " + TABLE + " (" + COLUMNS + ") select t.customer_id, t.window_end, "
            + Window.endingAt("t.window_end", WINDOW_MONTHS).figures()
            + " from (select cast(?1 as uuid) as customer_id, case when f.window_end is null"
            + " or (?3 and f.window_end < cast(?2 as date)) then cast(?2 as date) else f.window_end end as window_end"
            + " from (values (1)) as one (x) left join " + TABLE + " f on f.customer_id = cast(?1 as uuid)) t"
            + " left join value_fact v on v.customer_id = cast(?1 as uuid) and v.month between "
            + Window.endingAt("t.window_end", WINDOW_MONTHS).first() + " and t.window_end"
            + " group by t.customer_id, t.window_end" + UPSERT;

    /**
     * Figures for every customer with facts in {@code facts} ({@code value_fact} or one of its partitions), the
     * window ending at {@code end}, in one aggregate: for facts loaded in bulk beside the service whose latest month
     * is {@code end} for every customer (the benchmark's generated data, which checks the result against the full
     * scan).
     */
    public static String rebuildSql(YearMonth end, String facts) {
        if (!facts.matches("value_fact(_p[0-9]{1,2})?")) {
            throw new IllegalArgumentException("not value_fact or one of its partitions: " + facts);
        }
        return "insert into " + TABLE + " (" + COLUMNS + ") select customer_id, " + SqlText.month(end) + ", "
                + Window.endingAt(end, WINDOW_MONTHS).figures() + " from " + facts + " group by customer_id" + UPSERT;
    }

    /**
     * The maintained figures' face of a run's facts for {@code asOf}: the columns the full scan yields, read from the
     * rows whose window ends at {@code asOf}; customers whose window ends elsewhere are recomputed from their facts
     * by {@code fullScan} limited to them.
     */
    static String factsSql(YearMonth asOf, int growthMonths, boolean scored, String fullScanOfCustomersIn) {
        return readySql(asOf, growthMonths, scored) + " union all " + fullScanOfCustomersIn.replace(OTHERS,
                "select customer_id from " + TABLE + " where window_end <> " + SqlText.month(asOf));
    }

    /** The columns the full scan yields, for the customers whose window ends at {@code asOf}. */
    private static String readySql(YearMonth asOf, int growthMonths, boolean scored) {
        StringBuilder ready = new StringBuilder("select customer_id, contribution");
        for (int back = 0; back <= growthMonths; back++) {
            ready.append(", monthly[").append(back + 1).append("] as ")
                    .append(ValueFlags.monthlyColumn(back));
        }
        ready.append(", credit_rating as ").append(ValueScore.CREDIT_RATING);
        if (scored) {
            ready.append(", scale_total as ").append(ValueScore.SCALE_TOTAL).append(", volume_total as ")
                    .append(ValueScore.VOLUME_TOTAL).append(", months_reported as ").append(ValueScore.MONTHS_REPORTED);
        }
        return ready.append(" from ").append(TABLE).append(" where window_end = ").append(SqlText.month(asOf))
                .append(" and months_reported > 0").toString();
    }

    /** Where the full scan's select puts the customers it is limited to. */
    static final String OTHERS = "/*others*/";

    /** Customers whose figures a run for {@code asOf} takes as they are (before the recomputed others). */
    static String readyCountSql(YearMonth asOf) {
        return "select count(*) filter (where window_end = " + SqlText.month(asOf) + " and months_reported > 0),"
                + " count(*) filter (where window_end <> " + SqlText.month(asOf) + ") from " + TABLE;
    }
}
