package io.bankcrm.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.events.EventType;
import io.bankcrm.platform.db.AfterCommit;
import io.bankcrm.platform.observability.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event in the caller's transaction; {@link OutboxRelay} sends it to Kafka after the commit.
 * A rolled-back change therefore never publishes, and a committed one always does. Events of one aggregate share
 * a shard (the SQL function {@code outbox_shard_of}), which one relay at a time sends in order. Each row keeps the
 * trace context of the span that wrote it ({@link Tracing}), so the relay's send continues that trace.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final AfterCommit afterCommit;
    private final OutboxRelay relay;
    private final Tracing tracing;

    public Outbox(EntityManager em, ObjectMapper mapper, AfterCommit afterCommit, OutboxRelay relay, Tracing tracing) {
        this.em = em;
        this.mapper = mapper;
        this.afterCommit = afterCommit;
        this.relay = relay;
        this.tracing = tracing;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> UUID publish(EventType<T> type, Object aggregateId, T data) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into outbox_event (id, shard, topic, aggregate_type, aggregate_id, type, payload, occurred_at,
                                                  traceparent)
                        values (?1, outbox_shard_of(?4), ?2, ?3, ?4, ?5, cast(?6 as jsonb), ?7, cast(?8 as varchar))""")
                .setParameter(1, id)
                .setParameter(2, type.topic())
                .setParameter(3, type.aggregateType())
                .setParameter(4, aggregateId.toString())
                .setParameter(5, type.type())
                .setParameter(6, json(data))
                .setParameter(7, Instant.now())
                .setParameter(8, tracing.currentTraceparent())
                .executeUpdate();
        wakeRelayAfterCommit();
        return id;
    }

    /**
     * Publishes one event per row of {@code select}, set-based, for a change made in SQL over many aggregates
     * (a tiering run may change a million customers; one {@link #publish} per row would take minutes).
     * {@code select} returns two columns, the aggregate id (text) and the event data (jsonb shaped as
     * {@code type}'s record), in the order the events should be sent; it may use named parameters.
     *
     * @return how many events were written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int publishEach(EventType<?> type, String select, Map<String, Object> parameters) {
        var insert = em.createNativeQuery("""
                insert into outbox_event (id, shard, topic, aggregate_type, aggregate_id, type, payload, occurred_at,
                                          traceparent)
                select gen_random_uuid(), outbox_shard_of(e.key), :outboxTopic, :outboxAggregateType, e.key,
                       :outboxType, e.payload, now(), cast(:outboxTraceparent as varchar)
                from (%s) as e(key, payload)""".formatted(select))
                .setParameter("outboxTraceparent", tracing.currentTraceparent())
                .setParameter("outboxTopic", type.topic())
                .setParameter("outboxAggregateType", type.aggregateType())
                .setParameter("outboxType", type.type());
        parameters.forEach(insert::setParameter);
        int written = insert.executeUpdate();
        if (written > 0) {
            wakeRelayAfterCommit();
        }
        return written;
    }

    /** The relay polls anyway; waking it on commit only cuts the latency of the common case. */
    private void wakeRelayAfterCommit() {
        afterCommit.once(OutboxRelay.class, relay::wake);
    }

    private String json(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
    }
}
