package io.bankcrm.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.events.CloudEventHeaders;
import io.bankcrm.events.Topics;
import io.bankcrm.platform.config.PlatformConfig;
import io.bankcrm.platform.kafka.KafkaClients;
import io.bankcrm.platform.observability.LogContext;
import io.bankcrm.platform.observability.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.bankcrm.platform.problem.Failures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs one Kafka consumer per subscribed topic and feeds each record to the {@link EventHandler} for its
 * {@code ce_type}. Offsets are committed only after every record of a poll was applied (or dead-lettered), so
 * a crash redelivers, and the inbox table turns the redelivery into a no-op. A message that keeps failing goes
 * to {@code <topic>.dlq} with the error; a database outage is waited out instead, since it is no fault of the
 * message.
 */
@ApplicationScoped
public class InboxConsumer {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);

    private final Instance<EventHandler<?>> handlers;
    private final KafkaClients kafka;
    private final ObjectMapper mapper;
    private final ProcessedEvents processed;
    private final EntityManager em;
    private final PlatformConfig config;
    private final MeterRegistry metrics;
    private final Tracing tracing;
    private final List<Worker> workers = new ArrayList<>();

    public InboxConsumer(@Any Instance<EventHandler<?>> handlers, KafkaClients kafka, ObjectMapper mapper,
                         ProcessedEvents processed, EntityManager em, PlatformConfig config,
                         MeterRegistry metrics, Tracing tracing) {
        this.handlers = handlers;
        this.kafka = kafka;
        // Events evolve by adding fields: a consumer built against an older record must still read them.
        this.mapper = mapper.copy().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.processed = processed;
        this.em = em;
        this.config = config;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    void start(@Observes StartupEvent event) {
        Map<String, Map<String, EventHandler<?>>> byTopic = new LinkedHashMap<>();
        for (EventHandler<?> handler : handlers) {
            byTopic.computeIfAbsent(handler.eventType().topic(), t -> new HashMap<>())
                    .put(handler.eventType().type(), handler);
        }
        byTopic.forEach((topic, byType) -> {
            Worker worker = new Worker(topic, byType);
            workers.add(worker);
            Thread thread = new Thread(worker, "inbox-" + topic);
            thread.setDaemon(true);
            thread.start();
        });
    }

    void stop(@Observes ShutdownEvent event) {
        workers.forEach(Worker::stop);
    }

    /** Readiness detail: each subscribed topic, whether its consumer thread runs, and when it last polled. */
    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck consumersAlive() {
        return () -> {
            HealthCheckResponseBuilder health = HealthCheckResponse.named("inbox").up();
            for (Worker worker : workers) {
                health.withData(worker.topic, worker.alive ? "polled " + worker.lastPoll : "STOPPED");
                if (!worker.alive) {
                    health.down();
                }
            }
            return health.build();
        };
    }

    @Scheduled(every = "6h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldEventIds() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from processed_event where processed_at < ?1")
                .setParameter(1, Instant.now().minus(config.inbox().retention()))
                .executeUpdate());
    }

    private final class Worker implements Runnable {

        private final String topic;
        private final Map<String, EventHandler<?>> byType;
        private final KafkaConsumer<String, byte[]> consumer;
        private volatile boolean running = true;
        private volatile boolean alive = true;
        private volatile Instant lastPoll = Instant.now();
        /** Records of the topic not yet consumed by this instance, as of its last poll (-1 before one). */
        private volatile long lag = -1;

        Worker(String topic, Map<String, EventHandler<?>> byType) {
            this.topic = topic;
            this.byType = byType;
            this.consumer = kafka.consumer(config.serviceName(), config.serviceName() + "-" + topic);
            Gauge.builder("crm.inbox.lag", this, w -> w.lag).tag("topic", topic)
                    .description("Records of the topic on the partitions this instance consumes that it has not yet"
                            + " consumed, as of its last poll").register(metrics);
        }

        /** The lag of the partitions assigned to this consumer, from the end offsets its fetches saw. */
        private void measureLag() {
            long total = 0;
            for (TopicPartition partition : consumer.assignment()) {
                OptionalLong behind = consumer.currentLag(partition);
                if (behind.isPresent()) {
                    total += behind.getAsLong();
                }
            }
            lag = total;
        }

        /**
         * Polls until shutdown. A failure of the loop itself (a commit refused after a long database outage got
         * this consumer evicted from its group, a broker hiccup) does not end it: the uncommitted records come
         * again and the inbox table makes their second delivery a no-op.
         */
        @Override
        public void run() {
            try {
                consumer.subscribe(List.of(topic));
                while (running) {
                    try {
                        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                        for (ConsumerRecord<String, byte[]> record : records) {
                            if (!running) {
                                return;
                            }
                            process(record);
                        }
                        if (!records.isEmpty()) {
                            consumer.commitSync();
                        }
                        measureLag();
                        lastPoll = Instant.now();
                    } catch (WakeupException e) {
                        if (running) {
                            LOG.warnf("consumer of %s woken unexpectedly; going on", topic);
                        }
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "consumer of %s failed; resuming from the last committed offset", topic);
                        sleep(Duration.ofSeconds(1));
                    }
                }
            } finally {
                alive = false;
                consumer.close(Duration.ofSeconds(5));
            }
        }

        void stop() {
            running = false;
            consumer.wakeup();
        }

        /** Processes one record in a span that continues the sender's trace (its {@code traceparent} header). */
        private void process(ConsumerRecord<String, byte[]> record) {
            String type = header(record, CloudEventHeaders.TYPE);
            EventHandler<?> handler = type == null ? null : byType.get(type);
            if (handler == null) {
                return;
            }
            Span span = tracing.startProcess(record.topic(), header(record, CloudEventHeaders.ID),
                    header(record, Tracing.TRACEPARENT), config.serviceName(), record.partition(), record.offset());
            RuntimeException failure = null;
            try (Scope scope = span.makeCurrent()) {
                LogContext.trace(span);
                process(record, handler);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                LogContext.clearTrace();
                Tracing.end(span, failure);
            }
        }

        private void process(ConsumerRecord<String, byte[]> record, EventHandler<?> handler) {
            IncomingEvent<?> event;
            try {
                event = decode(record, handler);
            } catch (RuntimeException e) {
                deadLetter(record, e, 1);
                return;
            }
            int attempt = 1;
            while (running) {
                try {
                    apply(handler, event);
                    return;
                } catch (RuntimeException e) {
                    if (isInfrastructure(e)) {
                        LOG.warnf("database unavailable while applying %s; retrying: %s", event.id(), e.toString());
                        sleep(config.inbox().retryBackoff().multipliedBy(5));
                        continue;
                    }
                    if (attempt >= config.inbox().maxAttempts()) {
                        deadLetter(record, e, attempt);
                        return;
                    }
                    LOG.debugf(e, "attempt %d at %s failed", attempt, event.id());
                    sleep(config.inbox().retryBackoff().multipliedBy(attempt));
                    attempt++;
                }
            }
        }

        @SuppressWarnings("unchecked")
        private <T> void apply(EventHandler<T> handler, IncomingEvent<?> event) {
            boolean first = QuarkusTransaction.requiringNew().call(() -> {
                boolean firstDelivery = processed.firstDelivery(event.id(), config.serviceName(), event.type());
                if (firstDelivery) {
                    handler.handle((IncomingEvent<T>) event);
                }
                return firstDelivery;
            });
            // counted once committed, so a rolled-back attempt is not counted as applied
            metrics.counter(first ? "crm.inbox.applied" : "crm.inbox.duplicates", "type", event.type()).increment();
        }

        private IncomingEvent<?> decode(ConsumerRecord<String, byte[]> record, EventHandler<?> handler) {
            String id = header(record, CloudEventHeaders.ID);
            if (id == null) {
                throw new IllegalArgumentException("missing " + CloudEventHeaders.ID);
            }
            String time = header(record, CloudEventHeaders.TIME);
            try {
                Object data = mapper.readValue(record.value(), handler.eventType().dataClass());
                if (data == null) {
                    throw new IllegalArgumentException("event has no data");
                }
                return new IncomingEvent<>(UUID.fromString(id), header(record, CloudEventHeaders.TYPE),
                        header(record, CloudEventHeaders.SOURCE), header(record, CloudEventHeaders.SUBJECT),
                        time == null ? null : OffsetDateTime.parse(time).toInstant(), data);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("data is not a valid " + handler.eventType().type() + ": "
                        + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
            }
        }

        private void deadLetter(ConsumerRecord<String, byte[]> record, Exception error, int attempts) {
            String dlq = Topics.deadLetter(record.topic());
            ProducerRecord<String, byte[]> parked = new ProducerRecord<>(dlq, record.key(), record.value());
            for (Header h : record.headers()) {
                parked.headers().add(h);
            }
            add(parked, CloudEventHeaders.DLQ_ERROR, describe(error));
            add(parked, CloudEventHeaders.DLQ_EXCEPTION, error.getClass().getName());
            add(parked, CloudEventHeaders.DLQ_ORIGINAL_TOPIC, record.topic());
            add(parked, CloudEventHeaders.DLQ_ORIGINAL_PARTITION, Integer.toString(record.partition()));
            add(parked, CloudEventHeaders.DLQ_ORIGINAL_OFFSET, Long.toString(record.offset()));
            add(parked, CloudEventHeaders.DLQ_ATTEMPTS, Integer.toString(attempts));
            Span.current().setStatus(StatusCode.ERROR, "moved to " + dlq);
            // The offset is committed only after the dead letter is safely written, so it cannot be lost.
            while (running) {
                try {
                    kafka.producer().send(parked).get(30, TimeUnit.SECONDS);
                    metrics.counter("crm.inbox.dead.letters", "topic", record.topic()).increment();
                    LOG.errorf("event at %s-%d@%d moved to %s after %d attempt(s): %s", record.topic(),
                            record.partition(), record.offset(), dlq, attempts, Failures.rootMessage(error));
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    LOG.warnf("cannot write to %s yet: %s", dlq, e.toString());
                    sleep(Duration.ofSeconds(1));
                }
            }
        }

        private void sleep(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    static boolean isInfrastructure(Throwable e) {
        return Failures.causeOf(e, SQLTransientException.class) != null
                || Failures.causeOf(e, java.net.ConnectException.class) != null
                || Failures.causeOf(e, org.hibernate.exception.JDBCConnectionException.class) != null;
    }

    /** The failure as an operator needs it: what went wrong and, if different, the underlying cause. */
    private static String describe(Throwable e) {
        String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String root = Failures.rootMessage(e);
        return top.contains(root) ? top : top + "; caused by: " + root;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void add(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
