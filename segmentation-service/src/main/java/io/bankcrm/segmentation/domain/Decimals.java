package io.bankcrm.segmentation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Exact decimal arithmetic and the number formats of reasons, the same in Java as in the generated SQL. */
public final class Decimals {

    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private Decimals() {
    }

    /** {@code a / b} rounded half up to an integer, for {@code a >= 0}, {@code b > 0}; see {@link SqlText#roundHalfUpDiv}. */
    public static BigDecimal roundHalfUpDiv(BigDecimal a, BigDecimal b) {
        return a.multiply(TWO).add(b).divideToIntegralValue(b.multiply(TWO)).setScale(0, RoundingMode.UNNECESSARY);
    }

    /** 48210 as "48,210" ({@code to_char(n, 'FM999,999,999,990')} in SQL). */
    public static String grouped(long value) {
        return String.format(Locale.US, "%,d", value);
    }

    public static String groupedSql(String expression) {
        return "to_char(" + expression + ", 'FM999,999,999,999,990')";
    }

    /** 12345.6 as "12,345.60" ({@code to_char(x, 'FM...990.00')} in SQL). */
    public static String amount(BigDecimal value) {
        return String.format(Locale.US, "%,.2f", value);
    }

    public static String amountSql(String expression) {
        return "to_char(" + expression + ", 'FM999,999,999,999,999,990.00')";
    }

    /** A score such as 72.5 as "72.50" (scores stay below 1,000). */
    public static String twoDecimals(BigDecimal value) {
        return String.format(Locale.US, "%.2f", value);
    }

    public static String twoDecimalsSql(String expression) {
        return "to_char(" + expression + ", 'FM990.00')";
    }
}
