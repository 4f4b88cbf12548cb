package io.bankcrm.merchant.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.LocalDate;

/**
 * Every minute, on every instance: submits the settlement job of each of the last few closed days that has none
 * yet (the first instance wins, {@code settlement_run}), so a day is settled soon after its cut-off + grace and
 * days missed while the service was down are caught up.
 */
@ApplicationScoped
public class SettlementTrigger {

    /** How many closed days back a start-up catches up. */
    static final int CATCH_UP_DAYS = 7;
    private static final Logger LOG = Logger.getLogger(SettlementTrigger.class);

    private final Settlements settlements;

    public SettlementTrigger(Settlements settlements) {
        this.settlements = settlements;
    }

    @Scheduled(every = "1m", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void submitClosedDays() {
        LocalDate last = settlements.lastClosedDay();
        for (int back = CATCH_UP_DAYS - 1; back >= 0; back--) {
            LocalDate day = last.minusDays(back);
            settlements.submit(day, "merchant-settlement-trigger")
                    .ifPresent(job -> LOG.infof("settlement of %s submitted as job %s", day, job));
        }
    }
}
