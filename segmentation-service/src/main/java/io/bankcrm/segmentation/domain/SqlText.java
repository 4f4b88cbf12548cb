package io.bankcrm.segmentation.domain;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Literals for the SQL the domain rules generate. Only validated policy values (numbers, tier codes, tier
 * names, months) are ever written into SQL text; client strings never are.
 */
public final class SqlText {

    private SqlText() {
    }

    public static String text(String value) {
        return value == null ? "null" : "'" + value.replace("'", "''") + "'";
    }

    public static String number(BigDecimal value) {
        return value.toPlainString();
    }

    /** The first day of the month, the way months are stored. */
    public static String month(YearMonth month) {
        return "date '" + month.atDay(1) + "'";
    }

    public static String textArray(List<String> values) {
        return values.stream().map(SqlText::text).collect(Collectors.joining(",", "array[", "]::text[]"));
    }

    /**
     * {@code a / b} rounded half up to an integer, exactly, for {@code a >= 0} and {@code b > 0}: the one rounding
     * both Java ({@link Decimals#roundHalfUpDiv}) and PostgreSQL ({@code div}) do without a binary fraction.
     */
    public static String roundHalfUpDiv(String a, String b) {
        return "div(2 * (" + a + ") + (" + b + "), 2 * (" + b + "))";
    }
}
