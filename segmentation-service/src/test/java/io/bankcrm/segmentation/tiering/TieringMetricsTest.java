package io.bankcrm.segmentation.tiering;

import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.Metrics;
import io.bankcrm.segmentation.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operations metrics of segmentation-service at /q/metrics: tiering runs and their duration, the consumers' lag. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class TieringMetricsTest {

    private static final Map<String, String> COMPLETED = Map.of("outcome", "completed");

    @Test
    void aCompletedRunIsCountedWithItsDuration() {
        UUID customer = UUID.randomUUID();
        Api.fact(customer, "2026-01", Api.figures("100.00"));
        UUID policy = Api.createPolicy(Api.policy("PARETO", 3, 2, 3, 0,
                "PLATINUM", 50, "GOLD", 80, "SILVER", 95, "MASS", null));
        Metrics before = Metrics.scrape();
        Api.run(policy, "2026-01", true);
        Instant deadline = Instant.now().plusSeconds(30);
        Metrics after = Metrics.scrape();
        while (after.value("crm_tiering_runs_seconds_count", COMPLETED)
                < before.value("crm_tiering_runs_seconds_count", COMPLETED) + 1) {
            assertTrue(Instant.now().isBefore(deadline), "the run was not counted");
            Api.sleep(100);
            after = Metrics.scrape();
        }
        assertTrue(after.value("crm_tiering_runs_seconds_sum", COMPLETED)
                > before.value("crm_tiering_runs_seconds_sum", COMPLETED), "its duration is added");
        assertTrue(after.has("crm_inbox_lag"), "the consumers' lag is exported");
        assertTrue(after.value("crm_inbox_lag", Map.of("topic", "crm.customer.v1")) >= 0);
        assertTrue(after.has("crm_outbox_backlog"));
        assertTrue(after.names().containsAll(Metrics.documentedFor("segmentation-service")),
                "every metric docs/OPERATIONS.md gives segmentation-service is exported: " + after.names());
    }
}
