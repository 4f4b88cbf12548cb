package io.bankcrm.platform.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.events.CloudEventHeaders;
import io.bankcrm.platform.inbox.Widgets;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.KafkaProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox on the real database and broker: committed events reach Kafka as CloudEvents, in order per
 * aggregate, and are marked sent; a rolled-back change publishes nothing; a set-based change publishes one event
 * per row. The platform's own inbox consumes the topic too, so each event is also seen applied once.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Test
    void committedEventsReachKafkaAsCloudEventsInOrderPerAggregate() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on(Widgets.TOPIC)) {
            List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> {
                List<UUID> written = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    written.add(outbox.publish(Widgets.MADE, a, new Widgets.WidgetMade(a, "a" + i)));
                    written.add(outbox.publish(Widgets.MADE, b, new Widgets.WidgetMade(b, "b" + i)));
                }
                return written;
            });
            Set<String> keys = Set.of(a.toString(), b.toString());
            List<ConsumerRecord<String, byte[]>> records = probe.await(r -> keys.contains(r.key()), 6,
                    Duration.ofSeconds(60));
            assertEquals(List.of("a1", "a2", "a3"), names(records, a));
            assertEquals(List.of("b1", "b2", "b3"), names(records, b));

            ConsumerRecord<String, byte[]> first = records.stream().filter(r -> r.key().equals(a.toString()))
                    .findFirst().orElseThrow();
            assertEquals(ids.get(0).toString(), KafkaProbe.header(first, CloudEventHeaders.ID));
            assertEquals(Widgets.MADE.type(), KafkaProbe.header(first, CloudEventHeaders.TYPE));
            assertEquals("/crm/platform-test", KafkaProbe.header(first, CloudEventHeaders.SOURCE));
            assertEquals("1.0", KafkaProbe.header(first, CloudEventHeaders.SPEC_VERSION));
            assertEquals(a.toString(), KafkaProbe.header(first, CloudEventHeaders.SUBJECT));
            assertEquals("application/json", KafkaProbe.header(first, CloudEventHeaders.CONTENT_TYPE));
            assertNotNull(Instant.parse(KafkaProbe.header(first, CloudEventHeaders.TIME)));
            assertEquals(new Widgets.WidgetMade(a, "a1"), json.readValue(first.value(), Widgets.WidgetMade.class));

            awaitZero("select count(*) from outbox_event where id = any(?1) and sent_at is null", ids);
            awaitZero("select 6 - count(*) from test_event_effect where event_id = any(?1)", ids);
        }
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        UUID widget = UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(Widgets.MADE, widget, new Widgets.WidgetMade(widget, "never"));
            throw new IllegalStateException("the change fails after its event was written");
        }));
        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where aggregate_id = ?1").setParameter(1, widget.toString())
                .getSingleResult()).longValue());
        assertEquals(0, rows);
    }

    @Test
    void aSetBasedChangePublishesOneEventPerRowInTheGivenOrder() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        try (KafkaProbe probe = KafkaProbe.on(Widgets.TOPIC)) {
            int written = QuarkusTransaction.requiringNew().call(() -> outbox.publishEach(Widgets.MADE, """
                    select w::text, jsonb_build_object('widgetId', w, 'name', :batch || '-' || n)
                    from (select n, md5(:batch || n)::uuid as w from generate_series(1, 50) n) s order by n""",
                    Map.of("batch", batch)));
            assertEquals(50, written);
            List<ConsumerRecord<String, byte[]>> records = probe.await(r -> KafkaProbe.value(r).contains(batch), 50,
                    Duration.ofSeconds(60));
            assertEquals(50, records.stream().map(ConsumerRecord::key).distinct().count());
            assertTrue(records.stream().allMatch(r -> KafkaProbe.header(r, CloudEventHeaders.ID) != null));
        }
    }

    private List<String> names(List<ConsumerRecord<String, byte[]>> records, UUID widget) {
        return records.stream().filter(r -> r.key().equals(widget.toString())).map(r -> {
            try {
                return json.readValue(r.value(), Widgets.WidgetMade.class).name();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }).collect(Collectors.toList());
    }

    private void awaitZero(String sql, List<UUID> ids) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            long left = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                    .setParameter(1, ids.toArray(UUID[]::new)).getSingleResult()).longValue());
            if (left == 0) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(sql + " still " + left);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
