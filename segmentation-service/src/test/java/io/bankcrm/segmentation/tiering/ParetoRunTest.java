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
import java.util.UUID;

import static io.bankcrm.segmentation.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * End to end on real PostgreSQL: a Pareto run over a data set worked by hand gives the tiers, flags, reasons,
 * report and curve computed by hand, as JSON and as an SVG chart.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class ParetoRunTest {

    @Inject
    TestData data;

    private List<UUID> c;

    /**
     * Nine retail customers whose contributions over 2026-08..10 are 400, 200, 150, 100, 100, 30, 20, 0 and -10:
     * 1,000.00 of profit. The two of 100 tie, the id decides (c4 before c5). Outside the window and the segment:
     * c9's big July, a corporate customer and one whose kind is not known yet.
     */
    @BeforeEach
    void cleanSlate() {
        data.reset();
    }

    private void knownDataSet() {
        c = TestData.customerIds(11);
        data.retail(c.subList(0, 9));
        data.corporate(List.of(c.get(9)));
        Api.fact(c.get(0), "2026-08", "100.00");
        Api.fact(c.get(0), "2026-09", "100.00");
        Api.fact(c.get(0), "2026-10", "200.00");
        Api.fact(c.get(1), "2026-08", "50.00");
        Api.fact(c.get(1), "2026-09", "60.00");
        Api.fact(c.get(1), "2026-10", "90.00");
        String[] october = {null, null, "150.00", "100.00", "100.00", "30.00", "20.00", "0.00", "-10.00", "5000.00", "7000.00"};
        for (int i = 2; i < october.length; i++) {
            Api.fact(c.get(i), "2026-10", october[i]);
        }
        Api.fact(c.get(8), "2026-07", "10000.00");
    }

    @Test
    void tiersFlagsReasonsAndCurveAreTheOnesComputedByHand() {
        knownDataSet();
        UUID policy = Api.createPolicy(Api.policy("PARETO", 3, 2, 3, 0,
                "PLATINUM", 50, "GOLD", 80, "SILVER", 95, "MASS", null));
        JsonPath run = Api.run(policy, "2026-10", false);

        List<String> expected = List.of("PLATINUM", "PLATINUM", "GOLD", "GOLD", "SILVER", "MASS", "MASS", "MASS", "MASS");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), Api.tier(c.get(i)).getString("tier"), "customer c" + (i + 1));
        }
        assertEquals(List.of("GROWTH"), Api.tier(c.get(1)).getList("flags"));
        assertEquals(List.of("BELOW_COST"), Api.tier(c.get(8)).getList("flags"));
        assertEquals(List.of(), Api.tier(c.get(0)).getList("flags"));

        JsonPath c4 = Api.tier(c.get(3));
        assertEquals(List.of("contribution rank 4 of 9 (top 44.4%)", "contribution 100.00 CNY over 3 months",
                "credit rating A"), c4.getList("reasons"));
        assertEquals(policy.toString(), c4.getString("setBy.policyId"));
        assertEquals(1, c4.getInt("setBy.policyVersion"));
        assertEquals(run.getString("id"), c4.getString("setBy.runId"));
        assertEquals("2026-10", c4.getString("since"));
        assertEquals("DEDICATED_RELATIONSHIP_MANAGER", c4.getString("entitlements.serviceModel"));
        assertEquals(List.of("contribution rank 9 of 9 (top 100.0%)", "contribution -10.00 CNY over 3 months",
                "credit rating A", "below cost over 3 months"), Api.tier(c.get(8)).getList("reasons"));
        as(Api.MANAGER).get("/v1/customers/" + c.get(9) + "/tier").then().statusCode(404);

        assertEquals(9, run.getInt("report.customers"));
        assertEquals(1, run.getInt("report.skippedUnknownKind"));
        assertEquals("1000.00", run.getString("report.totalProfit"));
        assertEquals("990.00", run.getString("report.totalContribution"));
        assertEquals(1, run.getInt("report.belowCostCustomers"));
        // 20% of 9 customers is 1.8: the first brings 40%, the second 20% more, so 1.8 of them bring 56%
        assertEquals("56.00", run.getString("report.topTwentyPercentProfitShare"));
        assertEquals(List.of(2, 2, 1, 4), run.getList("report.tiers.customers", Integer.class));
        assertEquals(List.of("600.00", "250.00", "100.00", "40.00"), run.getList("report.tiers.contribution", String.class));
        assertEquals(9, run.getInt("report.movements.newlyTiered"));
        assertEquals(9, run.getInt("report.eventsPublished"));

        JsonPath pareto = as(Api.ANALYST).get("/v1/tiering-runs/" + run.getString("id") + "/pareto")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("0.00", "11.11", "22.22", "33.33", "44.44", "55.56", "66.67", "77.78", "88.89", "100.00"),
                pareto.getList("points.customerShare", String.class));
        assertEquals(List.of("0.00", "40.00", "60.00", "75.00", "85.00", "95.00", "98.00", "100.00", "100.00", "100.00"),
                pareto.getList("points.profitShare", String.class));
        assertEquals("56.00", pareto.getString("topTwentyPercentProfitShare"));

        as(Api.ANALYST).accept("image/svg+xml").get("/v1/tiering-runs/" + run.getString("id") + "/pareto")
                .then().statusCode(200).contentType("image/svg+xml")
                .body(containsString("<svg"), containsString("Profit (cumulative %)"),
                        containsString("id=\"rule-80-20\""), containsString("top 20% of customers bring 56.00% of profit"));
    }

    @Test
    void aCurveForAThousandCustomersHasAtMostOneHundredAndOnePoints() {
        List<UUID> many = TestData.customerIds(1000);
        data.retail(many);
        data.execute("insert into value_fact (customer_id, month, currency, net_interest_income, updated_at) "
                + "select customer_id, date '2026-10-01', 'CNY', 1000 - row_number() over (order by customer_id), now() "
                + "from customer where kind = 'INDIVIDUAL'");
        UUID policy = Api.createPolicy(Api.policy("PERCENTILE", 1, 1, 3, 0, "GOLD", 20, "MASS", null));
        String id = Api.run(policy, "2026-10", true).getString("id");
        JsonPath pareto = as(Api.ANALYST).get("/v1/tiering-runs/" + id + "/pareto").then().extract().jsonPath();
        assertEquals(101, pareto.getList("points").size());
        assertEquals("20.00", pareto.getString("points[20].customerShare"), pareto.prettify());
    }
}
