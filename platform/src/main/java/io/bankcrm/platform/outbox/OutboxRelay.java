package io.bankcrm.platform.outbox;

import io.bankcrm.events.CloudEventHeaders;
import io.bankcrm.platform.config.PlatformConfig;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.kafka.KafkaClients;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends committed outbox rows to Kafka, oldest first. Each shard is relayed under a transaction-scoped
 * advisory lock, so replicas of a service share the work but never send one aggregate's events out of order.
 * A row is marked sent only after Kafka acknowledged it and every earlier row of its shard; a failure leaves
 * the rest for the next attempt (at least once), after a pause that doubles while Kafka stays down.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory-lock keys 0x0B0C_0000 + shard: a range no other lock in the suite uses. */
    private static final long LOCK_BASE = 0x0B0C_0000L;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

    private final EntityManager em;
    private final KafkaClients kafka;
    private final PlatformConfig config;

    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running = true;
    private volatile Instant pausedUntil = Instant.MIN;
    private Duration backoff = FIRST_BACKOFF;

    public OutboxRelay(EntityManager em, KafkaClients kafka, PlatformConfig config) {
        this.em = em;
        this.kafka = kafka;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        Thread thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
    }

    /** Asks for a relay pass now: called after a transaction that wrote outbox rows commits. */
    public void wake() {
        signal.release();
    }

    /** Relays when woken by a commit, and at least every poll interval for rows other replicas wrote. */
    private void loop() {
        while (running) {
            try {
                signal.tryAcquire(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                signal.drainPermits();
                if (running) {
                    relay();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("outbox relay pass failed", e);
            }
        }
    }

    void relay() {
        if (Instant.now().isBefore(pausedUntil)) {
            return;
        }
        try {
            for (Integer shard : shardsWithBacklog()) {
                while (true) {
                    Batch batch = QuarkusTransaction.requiringNew().call(() -> relayShard(shard));
                    if (batch.failure() != null) {
                        pause(batch.failure());
                        return;
                    }
                    if (!batch.full()) {
                        break;
                    }
                }
            }
            backoff = FIRST_BACKOFF;
        } catch (RuntimeException e) {
            pause(e);
        }
    }

    private List<Integer> shardsWithBacklog() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> shards = em.createNativeQuery(
                    "select distinct shard from outbox_event where sent_at is null order by shard").getResultList();
            return shards.stream().map(Number::intValue).toList();
        });
    }

    private Batch relayShard(int shard) {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK_BASE + shard).getSingleResult();
        if (!locked) {
            return new Batch(false, null);
        }
        int limit = config.outbox().batchSize();
        List<Pending> rows = SqlRow.list(em.createNativeQuery("""
                        select id, topic, aggregate_id, type, cast(payload as text) as payload, occurred_at
                        from outbox_event where sent_at is null and shard = ?1
                        order by seq limit ?2 for update""", Tuple.class)
                .setParameter(1, (short) shard).setParameter(2, limit)).stream().map(Pending::of).toList();
        List<UUID> ids = new ArrayList<>(rows.size());
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        Exception failure = null;
        try {
            for (Pending row : rows) {
                ids.add(row.id());
                acks.add(kafka.producer().send(record(row)));
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        List<UUID> sent = new ArrayList<>(acks.size());
        for (int i = 0; i < acks.size() && failure == null; i++) {
            try {
                acks.get(i).get(30, TimeUnit.SECONDS);
                sent.add(ids.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            } catch (Exception e) {
                failure = e;
            }
        }
        if (!sent.isEmpty()) {
            em.createNativeQuery("update outbox_event set sent_at = now() where id = any(?1)")
                    .setParameter(1, sent.toArray(UUID[]::new)).executeUpdate();
        }
        return new Batch(failure == null && rows.size() == limit, failure);
    }

    /** An unsent {@code outbox_event} row. */
    private record Pending(UUID id, String topic, String key, String type, String payload, Instant occurredAt) {
        static Pending of(SqlRow row) {
            return new Pending(row.uuid("id"), row.text("topic"), row.text("aggregate_id"), row.text("type"),
                    row.text("payload"), row.instant("occurred_at"));
        }
    }

    private ProducerRecord<String, byte[]> record(Pending row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(),
                row.payload().getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.ID, row.id().toString());
        header(record, CloudEventHeaders.TYPE, row.type());
        header(record, CloudEventHeaders.SOURCE, "/crm/" + config.serviceName());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.TIME, row.occurredAt().atOffset(ZoneOffset.UTC).toString());
        header(record, CloudEventHeaders.SUBJECT, row.key());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void pause(Exception cause) {
        pausedUntil = Instant.now().plus(backoff);
        LOG.warnf("outbox relay paused for %d ms: %s", backoff.toMillis(), cause.toString());
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(config.outbox().maxBackoff()) > 0 ? config.outbox().maxBackoff() : doubled;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteSentEvents() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from outbox_event where sent_at < ?1")
                .setParameter(1, Instant.now().minus(config.outbox().retention()))
                .executeUpdate());
    }

    private record Batch(boolean full, Exception failure) {
    }
}
