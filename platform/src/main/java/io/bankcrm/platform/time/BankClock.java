package io.bankcrm.platform.time;

import io.bankcrm.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The bank's clock and calendar, one for every service: "now", and "today" and "this month" in the bank's time
 * zone ({@code crm.time-zone}, China Standard Time by default). Dates of birth, relationship dates and the
 * calendar months of value facts are all judged in that zone, whatever zone the server runs in.
 *
 * <p>Tests that need a fixed instant construct one with {@link #BankClock(Clock)}.
 */
@ApplicationScoped
public class BankClock {

    private final Clock clock;

    @Inject
    public BankClock(PlatformConfig config) {
        this(Clock.system(config.timeZone()));
    }

    /** A bank clock reading {@code clock}, in {@code clock}'s zone. */
    public BankClock(Clock clock) {
        this.clock = clock;
    }

    /**
     * Now, to the microsecond: PostgreSQL keeps timestamps to the microsecond, so an answer given at a write
     * shows the same instant a later read gives.
     */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** Today's date in the bank's zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The calendar month that has begun in the bank's zone. */
    public YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    /** The bank's calendar month an instant falls in (a payment at 23:30 on the 31st stays in its month). */
    public YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(zone()));
    }

    /** The clock itself, in the bank's zone, for APIs that take a {@link Clock}. */
    public Clock clock() {
        return clock;
    }
}
