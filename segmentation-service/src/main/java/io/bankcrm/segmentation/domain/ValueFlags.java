package io.bankcrm.segmentation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.bankcrm.segmentation.domain.RankedCustomer.CONTRIBUTION;

/**
 * The two flags beside a tier. BELOW_COST: the customer's contribution over the window is below zero (costs more
 * to serve than it brings). GROWTH: the contribution rose month on month in each of the last {@code growthMonths}
 * months, i.e. the last {@code growthMonths + 1} monthly contributions strictly increase (a month without facts
 * counts as zero).
 */
public record ValueFlags(int growthMonths) {

    public static final String BELOW_COST = "BELOW_COST";
    public static final String GROWTH = "GROWTH";

    /** The column holding the contribution of the month {@code monthsBack} months before the as-of month. */
    public static String monthlyColumn(int monthsBack) {
        return "g" + monthsBack;
    }

    /**
     * @param monthly the monthly contributions, the as-of month first and then going back: at least
     *                {@code growthMonths + 1} of them
     */
    public List<String> flags(BigDecimal contribution, List<BigDecimal> monthly) {
        List<String> flags = new ArrayList<>(2);
        if (contribution.signum() < 0) {
            flags.add(BELOW_COST);
        }
        if (rising(monthly)) {
            flags.add(GROWTH);
        }
        return flags;
    }

    boolean rising(List<BigDecimal> monthly) {
        for (int back = 1; back <= growthMonths; back++) {
            if (monthly.get(back).compareTo(monthly.get(back - 1)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The flags as a SQL text array over {@code contribution} and the monthly columns, in the order of {@link #flags}. */
    public String sql() {
        StringBuilder rising = new StringBuilder();
        for (int back = 1; back <= growthMonths; back++) {
            if (back > 1) {
                rising.append(" and ");
            }
            rising.append(monthlyColumn(back)).append(" < ").append(monthlyColumn(back - 1));
        }
        return "array_remove(array[case when " + CONTRIBUTION + " < 0 then '" + BELOW_COST + "' end, case when "
                + rising + " then '" + GROWTH + "' end]::text[], null)";
    }
}
