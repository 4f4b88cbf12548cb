package io.bankcrm.platform.outbox;

import io.bankcrm.platform.db.SqlRow;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;

/**
 * How far the outbox relay is behind: unsent events and the age of the oldest, as the metrics
 * {@code crm_outbox_backlog} and {@code crm_outbox_oldest_unsent_seconds} and as readiness detail.
 * A backlog does not make the service unready: it still accepts work, which the outbox keeps safe.
 */
@Readiness
@ApplicationScoped
public class OutboxMonitor implements HealthCheck {

    private final EntityManager em;
    private volatile Reading lastReading;

    public OutboxMonitor(EntityManager em) {
        this.em = em;
    }

    void registerMetrics(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("crm.outbox.backlog", this, m -> m.scraped().unsent())
                .description("Events committed but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("crm.outbox.oldest.unsent.seconds", this, m -> m.scraped().oldestAge().toMillis() / 1000.0)
                .description("Age of the oldest event not yet acknowledged by Kafka").register(registry);
    }

    /** One query serves both gauges of a scrape: a reading younger than a second is reused. */
    private Backlog scraped() {
        Reading last = lastReading;
        if (last == null || last.at().isBefore(Instant.now().minusSeconds(1))) {
            last = new Reading(backlog(), Instant.now());
            lastReading = last;
        }
        return last.backlog();
    }

    public Backlog backlog() {
        return QuarkusTransaction.requiringNew().call(() -> {
            SqlRow row = SqlRow.first(em.createNativeQuery(
                    "select count(*) as unsent, min(occurred_at) as oldest from outbox_event where sent_at is null",
                    Tuple.class)).orElseThrow();
            long unsent = row.longValue("unsent");
            Instant oldest = row.instant("oldest");
            return new Backlog(unsent, oldest == null ? Duration.ZERO : Duration.between(oldest, Instant.now()));
        });
    }

    @Override
    public HealthCheckResponse call() {
        Backlog backlog = backlog();
        return HealthCheckResponse.named("outbox").up()
                .withData("unsent", backlog.unsent())
                .withData("oldestUnsentSeconds", backlog.oldestAge().toSeconds())
                .build();
    }

    private record Reading(Backlog backlog, Instant at) {
    }

    public record Backlog(long unsent, Duration oldestAge) {
    }
}
