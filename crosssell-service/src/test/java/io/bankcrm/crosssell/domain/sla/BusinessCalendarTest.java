package io.bankcrm.crosssell.domain.sla;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: working time in the bank's zone, with lunch breaks, holidays and make-up working days. */
class BusinessCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // National Day week off, and the Saturday after it worked in exchange (调休)
    static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2),
            LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));
    static final Set<LocalDate> MAKE_UP = Set.of(LocalDate.of(2026, 10, 10));
    static final BusinessCalendar BANK = BusinessCalendar.weekdays(SHANGHAI, HOLIDAYS, MAKE_UP);

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void eightHoursFromFridayAfternoonIsMondayAfternoon() {
        // Friday 16:00-17:30 gives 1.5 h; Monday 09:00-12:00 3 h; 13:30 + 3.5 h = 17:00
        assertEquals(local("2026-11-23T17:00"), BANK.plusWorkingTime(local("2026-11-20T16:00"), Duration.ofHours(8)));
    }

    @Test
    void timeOutsideWorkingHoursDoesNotCount() {
        // before opening: counts from 09:00
        assertEquals(local("2026-11-16T11:00"), BANK.plusWorkingTime(local("2026-11-16T07:30"), Duration.ofHours(2)));
        // in the lunch break: counts from 13:30
        assertEquals(local("2026-11-16T14:30"), BANK.plusWorkingTime(local("2026-11-16T12:10"), Duration.ofHours(1)));
        // across the break
        assertEquals(local("2026-11-16T14:00"), BANK.plusWorkingTime(local("2026-11-16T11:30"), Duration.ofHours(1)));
        // a deadline that lands on closing time stays on it
        assertEquals(local("2026-11-16T17:30"), BANK.plusWorkingTime(local("2026-11-16T13:30"), Duration.ofHours(4)));
        // Saturday night: Monday morning
        assertEquals(local("2026-11-23T09:30"), BANK.plusWorkingTime(local("2026-11-21T22:00"), Duration.ofMinutes(30)));
    }

    @Test
    void holidaysAreSkippedAndMakeUpDaysWorked() {
        // Wednesday 30 September 16:00: 1.5 h that day, then closed 1 to 7 October; Thursday 8th: 3 h + 3.5 h
        assertEquals(local("2026-10-08T17:00"), BANK.plusWorkingTime(local("2026-09-30T16:00"), Duration.ofHours(8)));
        // Friday 9th 17:00: half an hour, then Saturday 10th is a working day
        assertEquals(local("2026-10-10T10:30"), BANK.plusWorkingTime(local("2026-10-09T17:00"), Duration.ofHours(2)));
        assertTrue(BANK.isWorkingDay(LocalDate.of(2026, 10, 10)));
        assertFalse(BANK.isWorkingDay(LocalDate.of(2026, 10, 5)));
        assertFalse(BANK.isWorkingDay(LocalDate.of(2026, 10, 3)));
        assertFalse(BANK.isWorkingTime(local("2026-10-01T10:00")));
        assertTrue(BANK.isWorkingTime(local("2026-10-10T10:00")));
        assertFalse(BANK.isWorkingTime(local("2026-11-16T12:30")));
        assertFalse(BANK.isWorkingTime(local("2026-11-16T17:30")), "closing time is outside");
    }

    @Test
    void workingTimeBetweenCountsOnlyOpenHours() {
        assertEquals(Duration.ofHours(8), BANK.workingTimeBetween(local("2026-11-20T16:00"), local("2026-11-23T17:00")));
        assertEquals(Duration.ofHours(7), BANK.workingTimeBetween(local("2026-11-16T00:00"), local("2026-11-17T00:00")));
        assertEquals(Duration.ZERO, BANK.workingTimeBetween(local("2026-11-21T09:00"), local("2026-11-22T18:00")));
        assertEquals(Duration.ZERO, BANK.workingTimeBetween(local("2026-11-17T00:00"), local("2026-11-16T00:00")));
    }

    @Test
    void theZoneIsTheBanksNotTheServers() {
        // 01:00 UTC is 09:00 in Shanghai: the bank has just opened
        assertTrue(BANK.isWorkingTime(Instant.parse("2026-11-16T01:00:00Z")));
        assertFalse(BANK.isWorkingTime(Instant.parse("2026-11-16T00:59:00Z")));
    }

    @Test
    void aCalendarIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> new BusinessCalendar(SHANGHAI,
                EnumSet.of(DayOfWeek.MONDAY), List.of(WorkingPeriod.parse("09:00-13:00"), WorkingPeriod.parse("12:00-17:00")),
                Set.of(), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new BusinessCalendar(SHANGHAI,
                EnumSet.noneOf(DayOfWeek.class), List.of(WorkingPeriod.parse("09:00-17:00")), Set.of(), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new BusinessCalendar(SHANGHAI,
                EnumSet.of(DayOfWeek.MONDAY), List.of(), Set.of(), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.weekdays(SHANGHAI, MAKE_UP, MAKE_UP));
        assertThrows(IllegalArgumentException.class, () -> WorkingPeriod.parse("17:00-09:00"));
        assertThrows(IllegalArgumentException.class, () -> WorkingPeriod.parse("9-5"));
        assertThrows(IllegalArgumentException.class, () -> BANK.plusWorkingTime(local("2026-11-16T10:00"),
                Duration.ofHours(-1)));
    }

    @Test
    void aZoneWithDaylightSavingKeepsWorkingHoursOnTheWallClock() {
        BusinessCalendar london = BusinessCalendar.weekdays(ZoneId.of("Europe/London"), Set.of(), Set.of());
        // clocks go back on Sunday 25 October 2026: Friday 17:00 (UTC+1) + 1 h is Monday 09:30 on the wall (UTC+0)
        Instant friday = LocalDateTime.parse("2026-10-23T17:00").atZone(ZoneId.of("Europe/London")).toInstant();
        assertEquals(LocalDateTime.parse("2026-10-26T09:30").atZone(ZoneId.of("Europe/London")).toInstant(),
                london.plusWorkingTime(friday, Duration.ofHours(1)));
    }

    /** Adding working time and measuring it back agree, from any moment. */
    @Property(tries = 500)
    void addingAndMeasuringAgree(@ForAll @LongRange(min = 0, max = 60L * 24 * 90) long minutesFromStart,
                                 @ForAll @IntRange(min = 0, max = 6000) int workingMinutes) {
        Instant from = local("2026-09-01T00:00").plus(Duration.ofMinutes(minutesFromStart));
        Duration d = Duration.ofMinutes(workingMinutes);
        Instant deadline = BANK.plusWorkingTime(from, d);
        assertEquals(d, BANK.workingTimeBetween(from, deadline));
        assertTrue(!deadline.isBefore(from));
        if (workingMinutes > 0) {
            assertTrue(BANK.isWorkingTime(deadline.minusSeconds(1)), "a deadline ends a stretch of working time");
        }
    }
}
