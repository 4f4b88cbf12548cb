package io.bankcrm.crosssell.domain.scoreboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period targets are set and assessed for, in the bank's calendar: a month ({@code 2026-11}), a quarter
 * ({@code 2026-Q4}), a half year ({@code 2026-H2}) or a year ({@code 2026}), from its first to its last day.
 */
public record AssessmentPeriod(String label, LocalDate first, LocalDate last) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public AssessmentPeriod {
        Objects.requireNonNull(label, "label");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("a period ends on or after it starts");
        }
    }

    /**
     * @throws IllegalArgumentException for anything but the four forms, or a year before 2000 or after 2999
     */
    public static AssessmentPeriod parse(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m;
        if ((m = MONTH.matcher(t)).matches()) {
            YearMonth month;
            try {
                month = YearMonth.parse(t);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("no month " + t);
            }
            year(m.group(1));
            return new AssessmentPeriod(t, month.atDay(1), month.atEndOfMonth());
        }
        if ((m = QUARTER.matcher(t)).matches()) {
            int year = year(m.group(1));
            int q = Integer.parseInt(m.group(2));
            YearMonth start = YearMonth.of(year, 3 * q - 2);
            return new AssessmentPeriod(t, start.atDay(1), start.plusMonths(2).atEndOfMonth());
        }
        if ((m = HALF.matcher(t)).matches()) {
            int year = year(m.group(1));
            int h = Integer.parseInt(m.group(2));
            YearMonth start = YearMonth.of(year, 6 * h - 5);
            return new AssessmentPeriod(t, start.atDay(1), start.plusMonths(5).atEndOfMonth());
        }
        if (YEAR.matcher(t).matches()) {
            int year = year(t);
            return new AssessmentPeriod(t, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        throw new IllegalArgumentException("a period is yyyy-MM, yyyy-Qn, yyyy-Hn or yyyy, not '" + t + "'");
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        if (year < 2000 || year > 2999) {
            throw new IllegalArgumentException("the year must be between 2000 and 2999, not " + year);
        }
        return year;
    }
}
