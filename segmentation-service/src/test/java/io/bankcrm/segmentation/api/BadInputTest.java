package io.bankcrm.segmentation.api;

import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.bankcrm.segmentation.Api;
import io.bankcrm.segmentation.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.bankcrm.segmentation.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Web layer on the real stack: bad input is a 400 problem naming the field, never a 500; roles are enforced. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class BadInputTest {

    @Test
    void anUnknownPolicyMethodIsA400() {
        Map<String, Object> policy = Api.policy("PARETO", 12, 3, 3, 0, "GOLD", 80, "MASS", null);
        policy.put("method", "GUESSWORK");
        as(Api.ADMIN).body(policy).post("/v1/tiering-policies").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("method"))
                .body("errors[0].message", equalTo("must be one of [PARETO, PERCENTILE, THRESHOLDS]"));
    }

    @Test
    void aNegativeWindowIsA400() {
        as(Api.ADMIN).body(Api.policy("PARETO", -3, 3, 3, 0, "GOLD", 80, "MASS", null)).post("/v1/tiering-policies")
                .then().statusCode(400).body("errors.field", equalTo(List.of("windowMonths")))
                .body("errors[0].message", equalTo("must be between 1 and 36"));
    }

    @Test
    void boundsOfAnotherMethodAndWrongTiersAreA400() {
        Map<String, Object> policy = Api.policy("PARETO", 12, 3, 3, 0, "GOLD", 80, "MASS", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) policy.get("bands")).get(0);
        first.put("minScore", 50);
        as(Api.ADMIN).body(policy).post("/v1/tiering-policies").then().statusCode(400)
                .body("errors[0].field", equalTo("bands[0].minScore"));
        as(Api.ADMIN).body(Api.policy("PARETO", 12, 3, 3, 0, "KEY", 80, "MASS", null)).post("/v1/tiering-policies")
                .then().statusCode(400).body("errors[0].field", equalTo("bands[0].tier"))
                .body("errors[0].message", equalTo("is a CORPORATE tier, not RETAIL"));
    }

    @Test
    void aMalformedPeriodIsA400() {
        UUID customer = TestData.customerIds(1).get(0);
        for (String period : List.of("2026-13", "202610", "2026-1", "October")) {
            as(Api.INTEGRATION).body(Api.figures("1.00")).put("/v1/customers/" + customer + "/value-facts/" + period)
                    .then().statusCode(400).body("errors[0].field", equalTo("period"))
                    .body("errors[0].message", containsString("yyyy-MM"));
        }
        as(Api.MANAGER).get("/v1/customers/" + customer + "/value-facts?from=last-year").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void aBadRunRequestIsA400() {
        UUID policy = Api.createPolicy(Api.policy("PARETO", 12, 3, 3, 0, "GOLD", 80, "MASS", null));
        as(Api.ANALYST).body(Map.of("policyId", policy, "asOfMonth", "2026-1x", "dryRun", true))
                .post("/v1/tiering-runs").then().statusCode(400).body("errors[0].field", equalTo("asOfMonth"));
        as(Api.ANALYST).body(Map.of("policyId", policy, "asOfMonth", "2099-01", "dryRun", true))
                .post("/v1/tiering-runs").then().statusCode(400).body("errors[0].field", equalTo("asOfMonth"));
        as(Api.ANALYST).body(Map.of("policyId", UUID.randomUUID(), "asOfMonth", "2026-10", "dryRun", true))
                .post("/v1/tiering-runs").then().statusCode(400).body("errors[0].field", equalTo("policyId"));
        as(Api.ANALYST).body(Map.of("policyId", policy, "asOfMonth", "2026-10"))
                .post("/v1/tiering-runs").then().statusCode(400).body("errors.field", hasItem("dryRun"));
        as(Api.ANALYST).body("{\"policyId\":").post("/v1/tiering-runs").then().statusCode(400);
    }

    @Test
    void rolesAreEnforced() {
        Map<String, Object> policy = Api.policy("PARETO", 12, 3, 3, 0, "GOLD", 80, "MASS", null);
        as(Api.MANAGER).body(policy).post("/v1/tiering-policies").then().statusCode(403);
        given().contentType("application/json").body(policy).post("/v1/tiering-policies").then().statusCode(401);
        as(TestTokens.forgedBearer("crm-admin")).body(policy).post("/v1/tiering-policies").then().statusCode(401);
        as(Api.MANAGER).body(Map.of("policyId", UUID.randomUUID(), "asOfMonth", "2026-10", "dryRun", true))
                .post("/v1/tiering-runs").then().statusCode(403);
    }
}
