package io.bankcrm.platform.outbox;

import io.bankcrm.events.CloudEventHeaders;
import io.bankcrm.platform.config.PlatformConfig;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.kafka.KafkaClients;
import io.bankcrm.platform.observability.Tracing;
import io.opentelemetry.api.trace.Span;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.apache.kafka.clients.producer.Producer;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends committed outbox rows to Kafka, oldest first. Each shard is relayed under a transaction-scoped
 * advisory lock, so replicas of a service share the work but never send one aggregate's events out of order.
 * A row is marked sent only after Kafka acknowledged it and every earlier row of its shard; a failure leaves
 * the rest for the next attempt (at least once), after a pause that doubles while Kafka stays down. A failed pass
 * abandons its producer, so nothing it still buffers can overtake the row that failed. Each send continues the
 * trace stored with its row ({@link Tracing}) and carries it on as the {@code traceparent} header.
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
    private final Tracing tracing;

    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running = true;
    private volatile Instant pausedUntil = Instant.MIN;
    private Duration backoff = FIRST_BACKOFF;
    /** Used by the relay thread only; replaced after a failed send (see {@link #sendInOrder}). */
    private volatile Producer<String, byte[]> producer;

    public OutboxRelay(EntityManager em, KafkaClients kafka, PlatformConfig config, Tracing tracing) {
        this.em = em;
        this.kafka = kafka;
        this.config = config;
        this.tracing = tracing;
    }

    void start(@Observes StartupEvent event) {
        Thread thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        Producer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
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
                        select id, topic, aggregate_id, type, cast(payload as text) as payload, occurred_at, traceparent
                        from outbox_event where sent_at is null and shard = ?1
                        order by seq limit ?2 for update""", Tuple.class)
                .setParameter(1, (short) shard).setParameter(2, limit)).stream().map(Pending::of).toList();
        Producer<String, byte[]> producer = producer();
        List<Span> spans = new ArrayList<>(rows.size());
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(rows.size());
        for (Pending row : rows) {
            Span span = tracing.startSend(row.topic(), row.id().toString(), row.traceparent());
            spans.add(span);
            records.add(record(row, span));
        }
        Sent result = sendInOrder(producer, records);
        if (result.failure() != null) {
            this.producer = null; // closed by sendInOrder: the next pass gets a new one
        }
        for (int i = 0; i < spans.size(); i++) {
            Tracing.end(spans.get(i), i < result.acknowledged() ? null : result.failure());
        }
        if (result.acknowledged() > 0) {
            UUID[] sent = rows.subList(0, result.acknowledged()).stream().map(Pending::id).toArray(UUID[]::new);
            em.createNativeQuery("update outbox_event set sent_at = now() where id = any(?1)")
                    .setParameter(1, sent).executeUpdate();
        }
        return new Batch(result.failure() == null && rows.size() == limit, result.failure());
    }

    /** How many records of a pass Kafka acknowledged, from the first on, and why the rest were not. */
    record Sent(int acknowledged, Exception failure) {
    }

    /**
     * Sends {@code records} in order and waits for their acknowledgements. Stops sending at a record refused at once
     * (e.g. no metadata within {@code max.block.ms}): a later record of the same aggregate must not reach Kafka
     * before it. After any failure the producer is closed at once: records of this pass may still wait in its
     * buffer behind the one that failed (it expired; they had not yet), and sent later they would reach Kafka
     * before the failed record's next attempt, so a consumer would apply a newer event of an aggregate before an
     * older one. Closing fails them all; the next pass sends every unacknowledged row again, in order.
     */
    static Sent sendInOrder(Producer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        Exception refused = null;
        for (ProducerRecord<String, byte[]> record : records) {
            try {
                Future<RecordMetadata> ack = producer.send(record);
                refused = failedAlready(ack);
                if (refused == null) {
                    acks.add(ack);
                }
            } catch (RuntimeException e) {
                refused = e;
            }
            if (refused != null) {
                break;
            }
        }
        // the records before a refused one may still be acknowledged: wait for them, then give up on the rest
        Exception failure = null;
        int acknowledged = 0;
        for (; acknowledged < acks.size(); acknowledged++) {
            try {
                acks.get(acknowledged).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof Exception cause ? cause : e;
            } catch (Exception e) {
                failure = e;
            }
            if (failure != null) {
                break;
            }
        }
        if (failure == null) {
            failure = refused;
        }
        if (failure != null) {
            producer.close(Duration.ZERO);
        }
        return new Sent(acknowledged, failure);
    }

    /** The failure of a send that failed at once, else null. */
    private static Exception failedAlready(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return null;
        }
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /** The relay's own producer: the dead-letter path keeps the shared one when the relay abandons its own. */
    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> p = producer;
        if (p == null) {
            p = kafka.newProducer();
            producer = p;
        }
        return p;
    }

    /** An unsent {@code outbox_event} row. */
    private record Pending(UUID id, String topic, String key, String type, String payload, Instant occurredAt,
                           String traceparent) {
        static Pending of(SqlRow row) {
            return new Pending(row.uuid("id"), row.text("topic"), row.text("aggregate_id"), row.text("type"),
                    row.text("payload"), row.instant("occurred_at"), row.text("traceparent"));
        }
    }

    private ProducerRecord<String, byte[]> record(Pending row, Span send) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(),
                row.payload().getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.ID, row.id().toString());
        header(record, CloudEventHeaders.TYPE, row.type());
        header(record, CloudEventHeaders.SOURCE, "/crm/" + config.serviceName());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.TIME, row.occurredAt().atOffset(ZoneOffset.UTC).toString());
        header(record, CloudEventHeaders.SUBJECT, row.key());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        String traceparent = Tracing.traceparentOf(send, row.traceparent());
        if (traceparent != null) {
            header(record, Tracing.TRACEPARENT, traceparent);
        }
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
