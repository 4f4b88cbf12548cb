package io.bankcrm.crosssell.domain.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bank's working time, in its time zone: the working days of the week, the working periods of a day (a lunch
 * break is the gap between two), public holidays, and the weekend days made working days in exchange for a holiday
 * (调休). Deadlines count only working time: 8 business hours from Friday 16:00 is Monday afternoon.
 *
 * <p>Instants are converted in the bank's zone; a period boundary that does not exist on a day (a daylight-saving
 * gap, in zones that have one) moves later by the length of the gap, as {@code java.time} resolves it.
 */
public final class BusinessCalendar {

    /** A search bound: no bank closes for more than this many days in a row. */
    private static final int MAX_CLOSED_DAYS = 366;

    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final List<WorkingPeriod> periods;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingWeekendDays;

    public BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, List<WorkingPeriod> periods,
                            Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        if (workingDays.isEmpty() && workingWeekendDays.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs working days");
        }
        this.workingDays = workingDays.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(workingDays));
        List<WorkingPeriod> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(WorkingPeriod::start));
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs working hours");
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException("working periods overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        this.periods = List.copyOf(sorted);
        this.holidays = Collections.unmodifiableSet(new TreeSet<>(holidays));
        this.workingWeekendDays = Collections.unmodifiableSet(new TreeSet<>(workingWeekendDays));
        for (LocalDate d : workingWeekendDays) {
            if (holidays.contains(d)) {
                throw new IllegalArgumentException(d + " is both a holiday and a working day");
            }
        }
    }

    /** Monday to Friday, 09:00-12:00 and 13:30-17:30, the given holidays and make-up days. */
    public static BusinessCalendar weekdays(ZoneId zone, Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays) {
        return new BusinessCalendar(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                List.of(WorkingPeriod.parse("09:00-12:00"), WorkingPeriod.parse("13:30-17:30")),
                holidays, workingWeekendDays);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (holidays.contains(day)) {
            return false;
        }
        return workingWeekendDays.contains(day) || workingDays.contains(day.getDayOfWeek());
    }

    /** Whether {@code at} falls inside working time. */
    public boolean isWorkingTime(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (!isWorkingDay(local.toLocalDate())) {
            return false;
        }
        for (WorkingPeriod p : periods) {
            if (!at.isBefore(start(local.toLocalDate(), p)) && at.isBefore(end(local.toLocalDate(), p))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The instant {@code amount} of working time after {@code from}. Time before opening, after closing, in breaks,
     * on weekends and holidays does not count; a deadline that lands exactly at the end of a period stays there.
     */
    public Instant plusWorkingTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time to add must not be negative");
        }
        Duration left = amount;
        LocalDate day = from.atZone(zone).toLocalDate();
        Instant cursor = from;
        for (int closed = 0; closed <= MAX_CLOSED_DAYS; day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                closed++;
                continue;
            }
            closed = 0;
            for (WorkingPeriod p : periods) {
                Instant start = start(day, p);
                Instant end = end(day, p);
                if (!end.isAfter(cursor)) {
                    continue;
                }
                Instant begin = cursor.isAfter(start) ? cursor : start;
                Duration available = Duration.between(begin, end);
                if (left.compareTo(available) <= 0) {
                    return begin.plus(left);
                }
                left = left.minus(available);
                cursor = end;
            }
        }
        throw new IllegalStateException("no working time within " + MAX_CLOSED_DAYS + " days of " + day);
    }

    /** Working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkingPeriod p : periods) {
                Instant start = max(start(day, p), from);
                Instant end = min(end(day, p), to);
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    private Instant start(LocalDate day, WorkingPeriod p) {
        return ZonedDateTime.ofLocal(LocalDateTime.of(day, p.start()), zone, null).toInstant();
    }

    private Instant end(LocalDate day, WorkingPeriod p) {
        return ZonedDateTime.ofLocal(LocalDateTime.of(day, p.end()), zone, null).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
