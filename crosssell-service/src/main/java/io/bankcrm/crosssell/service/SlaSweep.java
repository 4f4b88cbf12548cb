package io.bankcrm.crosssell.service;

import io.bankcrm.platform.time.BankClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Every minute: uncontacted leads past their first-contact deadline go to their team lead (once). */
@ApplicationScoped
public class SlaSweep {

    private static final int BATCH = 500;

    private final Leads leads;
    private final BankClock clock;

    public SlaSweep(Leads leads, BankClock clock) {
        this.leads = leads;
        this.clock = clock;
    }

    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        // replicas sweep side by side: each batch locks its leads with skip locked
        while (leads.escalateOverdue(clock.now(), BATCH) == BATCH) {
            Thread.onSpinWait();
        }
    }
}
