package io.bankcrm.platform.validation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * What the suite accepts as text and as a calendar year, in one place: the JSON reader, the HTTP parameter
 * converters and the bulk-file reader all ask here.
 */
public final class Text {

    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    private Text() {
    }

    /**
     * Why {@code text} cannot be stored, or null when it can: PostgreSQL refuses the NUL character, and an
     * unpaired UTF-16 surrogate is not a character at all (it would be stored as '?').
     */
    public static String problemOf(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired surrogate";
            }
        }
        return null;
    }

    /** The length in characters (Unicode code points), as {@code maxLength} and PostgreSQL's varchar count it. */
    public static int length(CharSequence text) {
        return Character.codePointCount(text, 0, text.length());
    }

    /** True when a date, month or instant has a year from 0001 to 9999 (instants are judged in UTC). */
    public static boolean supportedYear(TemporalAccessor value) {
        TemporalAccessor t = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
        if (!t.isSupported(ChronoField.YEAR)) {
            return true;
        }
        int year = t.get(ChronoField.YEAR);
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }
}
