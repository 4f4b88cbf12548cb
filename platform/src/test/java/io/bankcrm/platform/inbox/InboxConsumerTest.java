package io.bankcrm.platform.inbox;

import io.bankcrm.events.CloudEventHeaders;
import io.bankcrm.events.Topics;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.KafkaProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inbox on the real broker and database: each event applied once however often it comes, and a message that
 * cannot be read or applied parked on the dead-letter topic while the consumer goes on.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class InboxConsumerTest {

    private static final String GROUP = "platform-test";

    @Inject
    EntityManager em;

    @Test
    void anEventDeliveredTwiceTakesEffectOnce() {
        UUID event = UUID.randomUUID();
        UUID widget = UUID.randomUUID();
        send(event, widget, json(widget, "first"));
        RecordMetadata again = send(event, widget, json(widget, "first"));
        KafkaProbe.awaitConsumed(GROUP, again, Duration.ofSeconds(60));
        assertEquals(1, count("select count(*) from test_event_effect where event_id = ?1", event));
        assertEquals(1, count("select count(*) from processed_event where event_id = ?1 and consumer = 'platform-test'",
                event));
    }

    @Test
    void aMessageThatCannotBeReadIsDeadLetteredAndTheNextOneApplied() {
        try (KafkaProbe dlq = KafkaProbe.on(Topics.deadLetter(Widgets.TOPIC))) {
            UUID badEvent = UUID.randomUUID();
            UUID widget = UUID.randomUUID();
            send(badEvent, widget, "{\"widgetId\": \"not-a-uuid\"");
            UUID good = UUID.randomUUID();
            RecordMetadata next = send(good, widget, json(widget, "after the bad one"));
            KafkaProbe.awaitConsumed(GROUP, next, Duration.ofSeconds(60));
            assertEquals(1, count("select count(*) from test_event_effect where event_id = ?1", good));

            ConsumerRecord<String, byte[]> parked = dlq.await(r -> badEvent.toString()
                    .equals(KafkaProbe.header(r, CloudEventHeaders.ID)), 1, Duration.ofSeconds(60)).get(0);
            assertEquals(widget.toString(), parked.key());
            assertEquals("{\"widgetId\": \"not-a-uuid\"", KafkaProbe.value(parked));
            assertEquals(Widgets.TOPIC, KafkaProbe.header(parked, CloudEventHeaders.DLQ_ORIGINAL_TOPIC));
            assertEquals("1", KafkaProbe.header(parked, CloudEventHeaders.DLQ_ATTEMPTS));
            assertTrue(KafkaProbe.header(parked, CloudEventHeaders.DLQ_ERROR).contains("crm.platform-test.widget-made"),
                    KafkaProbe.header(parked, CloudEventHeaders.DLQ_ERROR));
        }
    }

    @Test
    void anEventTheHandlerKeepsRefusingIsRetriedThenDeadLetteredAndChangesNothing() {
        try (KafkaProbe dlq = KafkaProbe.on(Topics.deadLetter(Widgets.TOPIC))) {
            UUID event = UUID.randomUUID();
            UUID widget = UUID.randomUUID();
            RecordMetadata sent = send(event, widget, json(widget, Widgets.FAILS));
            ConsumerRecord<String, byte[]> parked = dlq.await(r -> event.toString()
                    .equals(KafkaProbe.header(r, CloudEventHeaders.ID)), 1, Duration.ofSeconds(60)).get(0);
            assertEquals("3", KafkaProbe.header(parked, CloudEventHeaders.DLQ_ATTEMPTS), "crm.inbox.max-attempts");
            assertTrue(KafkaProbe.header(parked, CloudEventHeaders.DLQ_ERROR).contains("cannot be applied"));
            KafkaProbe.awaitConsumed(GROUP, sent, Duration.ofSeconds(60));
            assertEquals(0, count("select count(*) from test_event_effect where event_id = ?1", event),
                    "each failed attempt rolled back");
            assertEquals(0, count("select count(*) from processed_event where event_id = ?1", event));
        }
    }

    @Test
    void aMessageWithoutAnEventIdIsDeadLettered() {
        try (KafkaProbe dlq = KafkaProbe.on(Topics.deadLetter(Widgets.TOPIC))) {
            UUID widget = UUID.randomUUID();
            Map<String, String> headers = headers(UUID.randomUUID());
            headers.remove(CloudEventHeaders.ID);
            KafkaProbe.send(Widgets.TOPIC, widget.toString(), headers, json(widget, "anonymous"));
            ConsumerRecord<String, byte[]> parked = dlq.await(r -> widget.toString().equals(r.key()), 1,
                    Duration.ofSeconds(60)).get(0);
            assertTrue(KafkaProbe.header(parked, CloudEventHeaders.DLQ_ERROR).contains(CloudEventHeaders.ID));
        }
    }

    private static RecordMetadata send(UUID event, UUID widget, String json) {
        return KafkaProbe.send(Widgets.TOPIC, widget.toString(), headers(event), json);
    }

    private static Map<String, String> headers(UUID event) {
        Map<String, String> headers = new HashMap<>();
        headers.put(CloudEventHeaders.ID, event.toString());
        headers.put(CloudEventHeaders.TYPE, Widgets.MADE.type());
        headers.put(CloudEventHeaders.SOURCE, "/crm/test");
        headers.put(CloudEventHeaders.SPEC_VERSION, "1.0");
        headers.put(CloudEventHeaders.TIME, "2026-11-01T00:00:00Z");
        return headers;
    }

    private static String json(UUID widget, String name) {
        return "{\"widgetId\":\"" + widget + "\",\"name\":\"" + name + "\"}";
    }

    private long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, id)
                .getSingleResult()).longValue());
    }

}
