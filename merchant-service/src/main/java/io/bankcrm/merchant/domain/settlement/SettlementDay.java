package io.bankcrm.merchant.domain.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Which merchant-day a transaction settles on. With a cut-off of 23:00, a purchase at 23:10 belongs to the next
 * day's statement; a cut-off of midnight ({@link LocalTime#MIDNIGHT}) makes the settlement day the calendar day.
 */
public record SettlementDay(ZoneId zone, LocalTime cutoff) {

    public SettlementDay {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(cutoff, "cutoff");
    }

    public LocalDate of(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (cutoff.equals(LocalTime.MIDNIGHT)) {
            return local.toLocalDate();
        }
        return local.toLocalTime().isBefore(cutoff) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
    }

    /** The first instant of {@code day}'s window (inclusive). */
    public Instant start(LocalDate day) {
        return cutoff.equals(LocalTime.MIDNIGHT) ? day.atStartOfDay(zone).toInstant()
                : day.minusDays(1).atTime(cutoff).atZone(zone).toInstant();
    }

    /** The end of {@code day}'s window (exclusive): the cut-off, after which the statement can be built. */
    public Instant end(LocalDate day) {
        return start(day.plusDays(1));
    }
}
