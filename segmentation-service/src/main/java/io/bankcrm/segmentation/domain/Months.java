package io.bankcrm.segmentation.domain;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Months as they appear in paths and documents: {@code yyyy-MM}. */
public final class Months {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

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
