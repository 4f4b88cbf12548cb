package io.bankcrm.segmentation.tiering;

import io.bankcrm.events.Topics;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.KafkaProbe;
import io.bankcrm.segmentation.Api;
import io.bankcrm.segmentation.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A dry run on real PostgreSQL and Kafka: it reports the what-if per tier and changes and publishes nothing. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class DryRunTest {

    @Inject
    TestData data;

    @BeforeEach
    void cleanSlate() {
        data.reset();
    }

    @Test
    void aDryRunReportsWhoWouldMoveAndChangesNothing() {
        FourCustomers four = new FourCustomers(data);
        four.report("2026-06");
        Api.run(four.policy, "2026-06", false);
        four.report("2026-07");
        List<String> before = four.all().stream().map(id -> Api.tier(id).prettify()).toList();
        long history = data.count("select count(*) from tier_history");
        long outbox = data.count("select count(*) from outbox_event");
        Set<String> keys = four.all().stream().map(UUID::toString).collect(Collectors.toSet());

        JsonPath dry;
        try (KafkaProbe topic = KafkaProbe.on(Topics.SEGMENTATION)) {
            dry = Api.run(four.policy, "2026-07", true);
            assertEquals(List.of(), topic.collect(r -> keys.contains(r.key())
                    || dry.getString("id").equals(r.key()), Duration.ofSeconds(3)));
        }
        assertEquals(before, four.all().stream().map(id -> Api.tier(id).prettify()).toList());
        assertEquals(history, data.count("select count(*) from tier_history"));
        assertEquals(outbox, data.count("select count(*) from outbox_event"));

        // the what-if: C would move up to GOLD, A would be held in GOLD, B and D stay
        assertEquals(true, dry.getBoolean("dryRun"));
        assertEquals(0, dry.getInt("report.eventsPublished"));
        assertEquals(List.of("GOLD", "MASS"), dry.getList("report.tiers.tier"));
        assertEquals(List.of(3, 1), dry.getList("report.tiers.customers", Integer.class));
        assertEquals(List.of(2, 2), dry.getList("report.tiers.before", Integer.class));
        assertEquals(List.of(0, 1), dry.getList("report.tiers.movedUp", Integer.class));
        assertEquals(List.of(0, 0), dry.getList("report.tiers.movedDown", Integer.class));
        assertEquals(List.of(2, 1), dry.getList("report.tiers.stayed", Integer.class));
        assertEquals(List.of(1, 0), dry.getList("report.tiers.held", Integer.class));
        assertEquals(3, dry.getInt("report.movements.changed"), "C's tier, A's and B's flags");

        // and a publishing run for the same month then does what the dry run said
        JsonPath published = Api.run(four.policy, "2026-07", false);
        assertEquals(dry.getMap("report.movements"), published.getMap("report.movements"));
        assertEquals("GOLD", Api.tier(four.c).getString("tier"));
    }
}
