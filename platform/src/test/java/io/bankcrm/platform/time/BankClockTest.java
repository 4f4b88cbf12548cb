package io.bankcrm.platform.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bank's calendar is China Standard Time, whatever zone the server keeps (container-free). */
class BankClockTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void todayAndThisMonthAreTheBanksNotUtcs() {
        // 31 October 2026, 16:30 UTC is already 1 November, 00:30 in Beijing
        BankClock clock = new BankClock(Clock.fixed(Instant.parse("2026-10-31T16:30:00Z"), SHANGHAI));
        assertEquals(LocalDate.of(2026, 11, 1), clock.today());
        assertEquals(YearMonth.of(2026, 11), clock.currentMonth());
        assertEquals(Instant.parse("2026-10-31T16:30:00Z"), clock.now());
        assertEquals(SHANGHAI, clock.zone());
    }

    @Test
    void anInstantFallsInTheBanksCalendarMonth() {
        BankClock clock = new BankClock(Clock.fixed(Instant.EPOCH, SHANGHAI));
        // 23:30 on 30 September in Beijing is 15:30 UTC: September, not a UTC-day boundary
        assertEquals(YearMonth.of(2026, 9), clock.monthOf(Instant.parse("2026-09-30T15:30:00Z")));
        assertEquals(YearMonth.of(2026, 10), clock.monthOf(Instant.parse("2026-09-30T16:00:00Z")));
    }
}
