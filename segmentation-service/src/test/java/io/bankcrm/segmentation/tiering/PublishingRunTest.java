package io.bankcrm.segmentation.tiering;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.bankcrm.events.CloudEventHeaders;
import io.bankcrm.events.Topics;
import io.bankcrm.events.segmentation.SegmentationEvents;
import io.bankcrm.events.segmentation.TierChanged;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.KafkaProbe;
import io.bankcrm.segmentation.Api;
import io.bankcrm.segmentation.TestData;
import io.bankcrm.events.segmentation.TieringRunCompleted;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing runs on the real Kafka topic: one {@code crm.segmentation.tier-changed} per customer whose tier or
 * flags changed, in exactly the shape of {@link TierChanged} (what customer-service consumes), none for the
 * others, and one {@code crm.segmentation.tiering-run-completed} per run.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class PublishingRunTest {

    private static final ObjectMapper STRICT = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    @Inject
    TestData data;

    @BeforeEach
    void cleanSlate() {
        data.reset();
    }

    @Test
    void eventsGoOutOnlyForChangesInTheShapeOfTierChanged() throws Exception {
        FourCustomers four = new FourCustomers(data);
        four.report("2026-06");
        four.report("2026-07");
        four.report("2026-08");
        Set<String> keys = four.all().stream().map(UUID::toString).collect(Collectors.toSet());

        try (KafkaProbe topic = KafkaProbe.on(Topics.SEGMENTATION)) {
            JsonPath june = Api.run(four.policy, "2026-06", false);
            List<ConsumerRecord<String, byte[]>> first = topic.await(tierChangedOf(keys), 4, Duration.ofSeconds(30));
            for (ConsumerRecord<String, byte[]> record : first) {
                TierChanged event = exactTierChanged(record);
                assertEquals(record.key(), event.customerId().toString());
                assertEquals(null, event.oldTier());
                assertEquals(four.policy, event.policyId());
                assertEquals(1, event.policyVersion());
                assertEquals(june.getString("id"), event.runId().toString());
                assertEquals("2026-06", event.asOfMonth());
                assertEquals(List.of("GROWTH"), event.flags(), "nothing before June: every contribution rose");
                assertTrue(event.reasons().get(0).startsWith("contribution rank "), event.reasons().toString());
                assertEquals("crm.segmentation.tier-changed", KafkaProbe.header(record, CloudEventHeaders.TYPE));
                assertEquals("/crm/segmentation-service", KafkaProbe.header(record, CloudEventHeaders.SOURCE));
                assertEquals("1.0", KafkaProbe.header(record, CloudEventHeaders.SPEC_VERSION));
                assertTrue(KafkaProbe.header(record, CloudEventHeaders.ID) != null);
            }
            assertEquals(Map.of(four.a.toString(), "GOLD", four.b.toString(), "GOLD", four.c.toString(), "MASS",
                    four.d.toString(), "MASS"), first.stream().collect(Collectors.toMap(ConsumerRecord::key,
                    r -> read(r).newTier())));
            TieringRunCompleted completed = runCompleted(topic, june.getString("id"));
            assertEquals(4, completed.customers());
            assertEquals(Map.of("GOLD", 2L, "MASS", 2L), completed.customersPerTier());

            // July: C moves up, A and B lose GROWTH; D (still MASS, still rising) changes nothing
            JsonPath july = Api.run(four.policy, "2026-07", false);
            runCompleted(topic, july.getString("id"));
            List<ConsumerRecord<String, byte[]>> second = topic.collect(tierChangedOf(keys).and(runOf(july)),
                    Duration.ofSeconds(2));
            assertEquals(new TreeSet<>(List.of(four.a.toString(), four.b.toString(), four.c.toString())),
                    second.stream().map(ConsumerRecord::key).collect(Collectors.toCollection(TreeSet::new)));
            TierChanged c = second.stream().map(PublishingRunTest::read)
                    .filter(e -> e.customerId().equals(four.c)).findFirst().orElseThrow();
            assertEquals("MASS", c.oldTier());
            assertEquals("GOLD", c.newTier());
            assertEquals(3, july.getInt("report.eventsPublished"));

            // August: B is held in GOLD (a count changes, nothing a consumer sees); A's GROWTH comes back, C's and
            // D's go
            JsonPath august = Api.run(four.policy, "2026-08", false);
            runCompleted(topic, august.getString("id"));
            List<ConsumerRecord<String, byte[]>> third = topic.collect(tierChangedOf(keys).and(runOf(august)),
                    Duration.ofSeconds(2));
            assertEquals(Set.of(four.a.toString(), four.c.toString(), four.d.toString()),
                    third.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
            assertEquals(1, Api.tier(four.b).getInt("belowBarRuns"));
        }
        assertEquals(0, data.count("select count(*) from outbox_event where aggregate_type = 'customer-tier' and "
                + "shard <> outbox_shard_of(aggregate_id)"));
        for (Object[] row : data.query("select aggregate_id, shard from outbox_event")) {
            assertEquals(Math.floorMod(row[0].toString().hashCode(), 16), ((Number) row[1]).intValue(),
                    "the SQL shard of " + row[0] + " must be the platform's");
        }
    }

    /** The event's JSON has exactly the members of the record, and they all read strictly. */
    private static TierChanged exactTierChanged(ConsumerRecord<String, byte[]> record) throws Exception {
        JsonNode json = STRICT.readTree(record.value());
        Set<String> members = new HashSet<>();
        json.fieldNames().forEachRemaining(members::add);
        assertEquals(Arrays.stream(TierChanged.class.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toSet()), members);
        return STRICT.treeToValue(json, TierChanged.class);
    }

    private static TierChanged read(ConsumerRecord<String, byte[]> record) {
        try {
            return STRICT.readValue(record.value(), TierChanged.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static TieringRunCompleted runCompleted(KafkaProbe topic, String runId) {
        ConsumerRecord<String, byte[]> record = topic.await(r -> runId.equals(r.key())
                && SegmentationEvents.RUN_COMPLETED.type().equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), 1,
                Duration.ofSeconds(30)).get(0);
        try {
            return STRICT.readValue(record.value(), TieringRunCompleted.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Predicate<ConsumerRecord<String, byte[]>> tierChangedOf(Set<String> keys) {
        return r -> keys.contains(r.key())
                && SegmentationEvents.TIER_CHANGED.type().equals(KafkaProbe.header(r, CloudEventHeaders.TYPE));
    }

    private static Predicate<ConsumerRecord<String, byte[]>> runOf(JsonPath run) {
        return r -> read(r).runId().toString().equals(run.getString("id"));
    }
}
