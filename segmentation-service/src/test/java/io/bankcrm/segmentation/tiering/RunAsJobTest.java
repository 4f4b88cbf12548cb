package io.bankcrm.segmentation.tiering;

import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.segmentation.Api;
import io.bankcrm.segmentation.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.bankcrm.segmentation.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tiering runs on platform's job runner: the shared job view, cancellation of a finished run refused, and a
 * publishing run whose worker died failed quickly so that it no longer blocks its segment.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class RunAsJobTest {

    @Inject
    TestData data;

    @BeforeEach
    void cleanSlate() {
        data.reset();
    }

    @Test
    void aRunShowsTheJobMembersEveryJobSharesBesideItsOwn() {
        FourCustomers four = new FourCustomers(data);
        four.report("2026-06");
        JsonPath run = Api.run(four.policy, "2026-06", false);
        assertEquals("tiering-run", run.getString("kind"));
        assertEquals("COMPLETED", run.getString("status"));
        assertEquals("PUBLISHING", run.getString("progress.phase"));
        assertEquals(100, run.getInt("progress.done"));
        assertEquals(100, run.getInt("progress.total"));
        assertEquals(100, run.getInt("progress.percent"));
        assertEquals("tester", run.getString("submittedBy"));
        assertNotNull(run.getString("submittedAt"));
        assertNotNull(run.getString("startedAt"));
        assertNotNull(run.getString("finishedAt"));
        assertFalse(run.getBoolean("cancelRequested"));
        assertEquals(4, run.getInt("result.customers"));
        assertEquals(run.getInt("report.movements.changed"), run.getInt("result.changed"));
        assertEquals(run.getString("report.topTwentyPercentProfitShare"),
                run.getString("result.topTwentyPercentProfitShare"));
        assertEquals("RETAIL", run.getString("segment"));
        assertEquals("2026-06", run.getString("asOfMonth"));
        assertEquals(4, run.getInt("customers"));

        as(Api.ANALYST).get("/v1/tiering-runs").then().statusCode(200)
                .body("items[0].id", equalTo(run.getString("id")))
                .body("items[0].result.customers", equalTo(4))
                .body("items[0].report", nullValue());
        as(Api.ANALYST).post("/v1/tiering-runs/" + run.getString("id") + "/cancel").then().statusCode(409)
                .body("status", equalTo(409)).body("jobStatus", equalTo("COMPLETED"));
        as(Api.ANALYST).post("/v1/tiering-runs/" + UUID.randomUUID() + "/cancel").then().statusCode(404);
    }

    @Test
    void aPublishingRunWhoseWorkerDiedIsFailedAndNoLongerBlocksItsSegment() {
        FourCustomers four = new FourCustomers(data);
        four.report("2026-06");
        UUID dead = UUID.randomUUID();
        // a run claimed by an instance that was killed: RUNNING, its heartbeat stopped a minute ago
        data.update("""
                insert into job (id, kind, status, phase, progress_done, progress_total, submitted_by, submitted_at,
                                 started_at, claimed_by, attempts, heartbeat_at)
                values (?, 'tiering-run', 'RUNNING', 'RANKING', 40, 100, 'tester', now() - interval '2 minutes',
                        now() - interval '2 minutes', 'killed-host/0', 1, now() - interval '1 minute')""", dead);
        data.update("""
                insert into tiering_run (id, policy_id, policy_version, segment, method, as_of_month, dry_run)
                values (?, ?, 1, 'RETAIL', 'PERCENTILE', date '2026-06-01', false)""", dead, four.policy);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonPath run;
        do {
            Api.sleep(100);
            run = as(Api.ANALYST).get("/v1/tiering-runs/" + dead).then().statusCode(200).extract().jsonPath();
            assertTrue(Instant.now().isBefore(deadline), "still " + run.getString("status"));
        } while (!"FAILED".equals(run.getString("status")));
        assertNotNull(run.getString("incident"));
        assertEquals("the job was interrupted: the service running it stopped or lost its database; quote incident "
                + run.getString("incident"), run.getString("failure"));

        // the segment is free again: the month can be published by a new run
        Api.run(four.policy, "2026-06", false);
        as(Api.ANALYST).body(Map.of("policyId", four.policy, "asOfMonth", "2026-06", "dryRun", false))
                .post("/v1/tiering-runs").then().statusCode(409);
    }
}
