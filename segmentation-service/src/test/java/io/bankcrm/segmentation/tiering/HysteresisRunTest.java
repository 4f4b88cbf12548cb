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

import java.util.List;
import java.util.Map;

import static io.bankcrm.segmentation.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hysteresis over months of publishing runs on real PostgreSQL: an upgrade at once, a single dip forgiven, a
 * customer who stays below the bar moved down one tier, and runs that must go forward in time.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class HysteresisRunTest {

    @Inject
    TestData data;

    @BeforeEach
    void cleanSlate() {
        data.reset();
    }

    @Test
    void keepsACustomerWhoDipsOnceAndDowngradesOneWhoStaysBelow() {
        FourCustomers four = new FourCustomers(data);
        four.report("2026-06");
        Api.run(four.policy, "2026-06", false);
        assertEquals(List.of("GOLD", "GOLD", "MASS", "MASS"), tiers(four));

        four.report("2026-07");
        JsonPath july = Api.run(four.policy, "2026-07", false);
        assertEquals(List.of("GOLD", "GOLD", "GOLD", "MASS"), tiers(four), "A dipped but is held; C moved up at once");
        JsonPath a = Api.tier(four.a);
        assertEquals(1, a.getInt("belowBarRuns"));
        assertTrue(a.getList("reasons").contains("below the gold bar for 1 of 2 runs"), a.prettify());
        assertEquals("2026-06", a.getString("since"));
        assertTrue(Api.tier(four.c).getList("reasons").contains("moved up from mass"));
        assertEquals(1, july.getInt("report.movements.held"));
        assertEquals(1, july.getInt("report.movements.up"));
        assertEquals(0, july.getInt("report.movements.down"));

        four.report("2026-08");
        Api.run(four.policy, "2026-08", false);
        assertEquals(List.of("GOLD", "GOLD", "GOLD", "MASS"), tiers(four), "B dipped but is held");
        assertEquals(0, Api.tier(four.a).getInt("belowBarRuns"), "A is back above the bar: the count starts again");
        assertEquals(1, Api.tier(four.b).getInt("belowBarRuns"));

        four.report("2026-09");
        JsonPath september = Api.run(four.policy, "2026-09", false);
        assertEquals(List.of("GOLD", "MASS", "GOLD", "MASS"), tiers(four), "B stayed below for 2 runs");
        assertEquals(1, september.getInt("report.movements.down"));

        JsonPath history = as(Api.MANAGER).get("/v1/customers/" + four.b + "/tier-history").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("GOLD", history.getString("items[0].oldTier"));
        assertEquals("MASS", history.getString("items[0].newTier"));
        assertEquals("2026-09", history.getString("items[0].asOfMonth"));
        assertEquals(september.getString("id"), history.getString("items[0].runId"));
        assertTrue(history.getList("items[0].reasons").contains("below the gold bar for 2 of 2 runs: moved down one tier"),
                history.prettify());
        assertEquals(null, history.getString("items[" + (history.getList("items").size() - 1) + "].oldTier"));
        List<String> tiersOfA = as(Api.MANAGER).get("/v1/customers/" + four.a + "/tier-history").then()
                .extract().jsonPath().getList("items.newTier");
        assertTrue(tiersOfA.stream().allMatch("GOLD"::equals), "A's dip never changed its tier: " + tiersOfA);
    }

    @Test
    void publishingRunsGoForwardInTimeWhileDryRunsMayLookBack() {
        FourCustomers four = new FourCustomers(data);
        four.report("2026-06");
        four.report("2026-07");
        Api.run(four.policy, "2026-07", false);
        as(Api.ANALYST).body(Map.of("policyId", four.policy, "asOfMonth", "2026-07", "dryRun", false))
                .post("/v1/tiering-runs").then().statusCode(409)
                .body("detail", equalTo("tiers of RETAIL are already published for 2026-07: a publishing run must "
                        + "be for a later month (a dry run can preview any month)"));
        Api.run(four.policy, "2026-06", true);
    }

    private static List<String> tiers(FourCustomers four) {
        return four.all().stream().map(id -> Api.tier(id).getString("tier")).toList();
    }
}
