package io.bankcrm.segmentation.domain;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Months as they appear in paths and documents: {@code yyyy-MM}. */
public final class Months {

    /** Four-digit years from 0001 (there is no year 0000 in the calendar PostgreSQL keeps). */
    private static final Pattern MONTH = Pattern.compile("(?!0000)\\d{4}-\\d{2}");

    private Months() {
    }

    public static Optional<YearMonth> parse(String value) {
        if (value == null || !MONTH.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
