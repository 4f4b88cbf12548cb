package io.bankcrm.crosssell.domain.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/** Part of a working day, e.g. 09:00 to 12:00; {@code end} is after {@code start} on the same day. */
public record WorkingPeriod(LocalTime start, LocalTime end) {

    public WorkingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a working period ends after it starts: " + start + "-" + end);
        }
    }

    /** "09:00-12:00", as the configuration writes it. */
    public static WorkingPeriod parse(String text) {
        String[] parts = text.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a working period is written HH:mm-HH:mm, not " + text);
        }
        try {
            return new WorkingPeriod(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("a working period is written HH:mm-HH:mm, not " + text, e);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
