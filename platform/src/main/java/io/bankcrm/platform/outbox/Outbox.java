package io.bankcrm.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Records an event in the caller's transaction; {@link OutboxRelay} sends it to Kafka after the commit.
 * A rolled-back change therefore never publishes, and a committed one always does.
 */
@ApplicationScoped
public class Outbox {

    /** Events of one aggregate share a shard, which one relay at a time sends in order. Never change it. */
    static final int SHARDS = 16;

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(EntityManager em, ObjectMapper mapper, TransactionSynchronizationRegistry transactions,
                  OutboxRelay relay) {
        this.em = em;
        this.mapper = mapper;
        this.transactions = transactions;
        this.relay = relay;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> UUID publish(EventType<T> type, Object aggregateId, T data) {
        UUID id = UUID.randomUUID();
        String key = aggregateId.toString();
        em.createNativeQuery("""
                        insert into outbox_event (id, shard, topic, aggregate_type, aggregate_id, type, payload, occurred_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), ?8)""")
                .setParameter(1, id)
                .setParameter(2, (short) shardOf(key))
                .setParameter(3, type.topic())
                .setParameter(4, type.aggregateType())
                .setParameter(5, key)
                .setParameter(6, type.type())
                .setParameter(7, json(data))
                .setParameter(8, Instant.now())
                .executeUpdate();
        wakeRelayAfterCommit();
        return id;
    }

    /** The relay polls anyway; waking it on commit only cuts the latency of the common case. */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(OutboxRelay.class) == null) {
            transactions.putResource(OutboxRelay.class, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wake();
                    }
                }
            });
        }
    }

    static int shardOf(String aggregateId) {
        return Math.floorMod(aggregateId.hashCode(), SHARDS);
    }

    private String json(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
    }
}
