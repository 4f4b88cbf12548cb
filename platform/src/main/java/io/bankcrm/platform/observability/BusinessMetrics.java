package io.bankcrm.platform.observability;

import io.bankcrm.platform.db.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The services' business metrics (Prometheus at {@code /q/metrics}, names in docs/OPERATIONS.md): what a use case
 * did, counted once its transaction commits, so a rolled-back attempt is never counted; outside a transaction at
 * once. Tags are codes (kind, product, currency), never personal data.
 */
@ApplicationScoped
public class BusinessMetrics {

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;
    private final TransactionSynchronizationRegistry transactions;

    public BusinessMetrics(MeterRegistry registry, AfterCommit afterCommit,
                           TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.afterCommit = afterCommit;
        this.transactions = transactions;
    }

    /** One more of {@code name}, e.g. {@code count("crm.customers.registered", "kind", "INDIVIDUAL")}. */
    public void count(String name, String... tags) {
        add(name, 1, tags);
    }

    /** {@code n} more of {@code name} (a set-based change of several). */
    public void add(String name, long n, String... tags) {
        if (n > 0) {
            onCommit(() -> registry.counter(name, tags).increment(n));
        }
    }

    /** An amount of money added to the counter {@code name} (tag it with its currency). */
    public void amount(String name, BigDecimal amount, String... tags) {
        onCommit(() -> registry.counter(name, tags).increment(amount.doubleValue()));
    }

    /** How long something took, e.g. a tiering run, recorded in the timer {@code name}. */
    public void time(String name, Duration took, String... tags) {
        onCommit(() -> registry.timer(name, tags).record(took));
    }

    private void onCommit(Runnable record) {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            afterCommit.run(record);
        } else {
            record.run();
        }
    }
}
