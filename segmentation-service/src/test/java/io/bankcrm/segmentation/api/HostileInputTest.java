package io.bankcrm.segmentation.api;

import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.segmentation.Api;
import io.bankcrm.segmentation.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.bankcrm.segmentation.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The fuzzer's defect classes as segmentation-service met them: each a 4xx problem, nothing stored. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class HostileInputTest {

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    @Test
    void yearZeroIsNotAMonth() {
        UUID customer = TestData.customerIds(1).get(0);
        problem(as(Api.INTEGRATION).body(Api.figures("1.00"))
                .put("/v1/customers/" + customer + "/value-facts/0000-01").then(), 400)
                .body("errors[0].field", equalTo("period"));
        problem(as(Api.MANAGER).get("/v1/customers/" + customer + "/value-facts?from=0000-01").then(), 400)
                .body("errors[0].field", equalTo("from"));
        problem(as(Api.MANAGER).get("/v1/customers/" + customer + "/value-facts/0001-01").then(), 404);
        problem(as(Api.ANALYST).body(Map.of("policyId", UUID.randomUUID(), "asOfMonth", "0000-01", "dryRun", true))
                .post("/v1/tiering-runs").then(), 400).body("errors[0].field", equalTo("asOfMonth"));
    }

    @Test
    void versionZeroOfAPolicyDoesNotExist() {
        UUID policy = Api.createPolicy(Api.policy("PARETO", 12, 3, 3, 0, "GOLD", 80, "MASS", null));
        as(Api.ANALYST).get("/v1/tiering-policies/" + policy + "/versions/1").then().statusCode(200);
        for (String version : List.of("0", "-1", "abc", "1.5")) {
            problem(as(Api.ANALYST).get("/v1/tiering-policies/" + policy + "/versions/" + version).then(), 404);
        }
        problem(as(Api.ANALYST).body(Map.of("policyId", policy, "policyVersion", 0, "asOfMonth", "2026-01",
                "dryRun", true)).post("/v1/tiering-runs").then(), 400).body("errors[0].field", equalTo("policyVersion"));
    }

    @Test
    void malformedQueryValuesAre400sNamingTheParameter() {
        UUID customer = TestData.customerIds(1).get(0);
        for (String query : List.of("limit=abc", "limit=1.5", "limit=0x10")) {
            problem(as(Api.ANALYST).get("/v1/tiering-runs?" + query).then(), 400).body("errors[0].field", equalTo("limit"));
        }
        problem(as(Api.MANAGER).get("/v1/customers/" + customer + "/tier-history?limit=x").then(), 400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void scalarsAreNotCoerced() {
        UUID customer = TestData.customerIds(1).get(0);
        Map<String, Object> figures = Api.figures("1.00");
        figures.put("transactionCount", 3.5);
        problem(as(Api.INTEGRATION).body(figures).put("/v1/customers/" + customer + "/value-facts/2026-01").then(), 400)
                .body("errors[0].field", equalTo("transactionCount"));
        figures = Api.figures("1.00");
        figures.put("currency", 156);
        problem(as(Api.INTEGRATION).body(figures).put("/v1/customers/" + customer + "/value-facts/2026-01").then(), 400)
                .body("errors[0].field", equalTo("currency"));
        problem(as(Api.ANALYST).body(Map.of("policyId", UUID.randomUUID(), "asOfMonth", "2026-01", "dryRun", 1))
                .post("/v1/tiering-runs").then(), 400).body("errors[0].field", equalTo("dryRun"));
        problem(as(Api.MANAGER).get("/v1/customers/" + customer + "/value-facts/2026-01").then(), 404);
    }

    @Test
    void bulkFilesThatDoNotReadAreA400() {
        String header = "customerId,period,avgDepositBalance,currency\n";
        String unbalanced = header + TestData.customerIds(1).get(0) + ",2026-01,\"100.00,CNY\n";
        problem(given().header("Authorization", Api.INTEGRATION).contentType("text/csv").body(unbalanced)
                .post("/v1/value-facts").then(), 400).body("errors[0].field", equalTo("file"));
        ByteArrayOutputStream invalid = new ByteArrayOutputStream();
        invalid.writeBytes((header + TestData.customerIds(1).get(0) + ",2026-01,").getBytes(StandardCharsets.UTF_8));
        invalid.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF});
        invalid.writeBytes(",CNY\n".getBytes(StandardCharsets.UTF_8));
        problem(given().header("Authorization", Api.INTEGRATION).contentType("text/csv").body(invalid.toByteArray())
                .post("/v1/value-facts").then(), 400).body("detail", containsString("UTF-8"));
    }
}
