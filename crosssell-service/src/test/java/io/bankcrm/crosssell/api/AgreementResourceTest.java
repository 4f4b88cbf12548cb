package io.bankcrm.crosssell.api;

import io.bankcrm.crosssell.Api;
import io.bankcrm.crosssell.TestData;
import io.bankcrm.platform.testing.CrmTestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.bankcrm.crosssell.Api.MANAGER;
import static io.bankcrm.crosssell.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Payroll and collection agreements over HTTP on the real database: signing, the life cycle and its history. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class AgreementResourceTest {

    @Inject
    TestData data;

    @Test
    void aPayrollAgreementGoesThroughItsLifeCycleWithWhoAndWhen() {
        UUID corporate = data.corporate("SH-001");
        var created = as(MANAGER).body(Api.payrollAgreement(corporate)).post("/v1/payroll-agreements")
                .then().statusCode(201).body("status", equalTo("DRAFT")).body("branch", equalTo("SH-001"))
                .body("feePerPayment.amount", equalTo(new java.math.BigDecimal("0.50")))
                .extract();
        String id = created.path("id");
        String etag = created.header("ETag");

        var activated = as(MANAGER).header("If-Match", etag).body(Map.of("status", "ACTIVE"))
                .post("/v1/payroll-agreements/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).extract();

        // ACTIVE cannot go back to DRAFT: 409 naming the steps that are allowed
        as(MANAGER).header("If-Match", activated.header("ETag")).body(Map.of("status", "DRAFT"))
                .post("/v1/payroll-agreements/" + id + "/status").then().statusCode(409)
                .contentType("application/problem+json")
                .body("allowed", containsInAnyOrder("SUSPENDED", "TERMINATED"));
        // suspending needs a reason
        as(MANAGER).header("If-Match", activated.header("ETag")).body(Map.of("status", "SUSPENDED"))
                .post("/v1/payroll-agreements/" + id + "/status").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        // a stale ETag is 412, none 428
        as(MANAGER).header("If-Match", etag).body(Map.of("status", "SUSPENDED", "reason", "audit"))
                .post("/v1/payroll-agreements/" + id + "/status").then().statusCode(412);
        as(MANAGER).body(Map.of("status", "SUSPENDED", "reason", "audit"))
                .post("/v1/payroll-agreements/" + id + "/status").then().statusCode(428);

        var suspended = as(Api.bearer("rm-zhao", "relationship-manager")).header("If-Match", activated.header("ETag"))
                .body(Map.of("status", "SUSPENDED", "reason", "payroll audit")).post("/v1/payroll-agreements/" + id + "/status")
                .then().statusCode(200).extract();
        as(MANAGER).header("If-Match", suspended.header("ETag"))
                .body(Map.of("status", "TERMINATED", "reason", "moved to another bank"))
                .post("/v1/payroll-agreements/" + id + "/status").then().statusCode(200)
                .body("allowedTransitions", org.hamcrest.Matchers.empty());

        JsonPath history = as(MANAGER).get("/v1/payroll-agreements/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("DRAFT", "ACTIVE", "SUSPENDED", "TERMINATED"), history.getList("toStatus"));
        assertEquals("rm-zhao", history.getString("[2].actor"));
        assertEquals("payroll audit", history.getString("[2].reason"));
        assertEquals("rm-wang", history.getString("[3].actor"));
    }

    @Test
    void onlyAKnownCorporateSignsAndTermsAreChecked() {
        as(MANAGER).body(Api.payrollAgreement(UUID.randomUUID())).post("/v1/payroll-agreements")
                .then().statusCode(422).body("type", equalTo("https://problems.bankcrm.io/unknown-corporate"));
        UUID person = data.individual("SH-001", null);
        as(MANAGER).body(Api.payrollAgreement(person)).post("/v1/payroll-agreements").then().statusCode(422);

        Map<String, Object> bad = Api.payrollAgreement(data.corporate("SH-001"));
        bad.put("payrollAccount", "12-34");
        bad.put("feePerPayment", Map.of("amount", "0.505", "currency", "CNY"));
        as(MANAGER).body(bad).post("/v1/payroll-agreements").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("feePerPayment.amount"));
        bad.put("feePerPayment", Map.of("amount", "0.50", "currency", "CNY"));
        as(MANAGER).body(bad).post("/v1/payroll-agreements").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("payrollAccount"));
    }

    @Test
    void aCollectionAgreementIsNotAPayrollAgreement() {
        UUID corporate = data.corporate("BJ-002");
        Map<String, Object> body = Api.collectionAgreement(corporate);
        String id = as(MANAGER).header("Idempotency-Key", "collect-" + corporate).body(body)
                .post("/v1/collection-agreements").then().statusCode(201)
                .body("category", equalTo("TUITION")).body("kind", equalTo("COLLECTION")).extract().path("id");
        // the same key and body replays the first answer
        as(MANAGER).header("Idempotency-Key", "collect-" + corporate).body(body)
                .post("/v1/collection-agreements").then().statusCode(201).body("id", equalTo(id));
        as(MANAGER).get("/v1/payroll-agreements/" + id).then().statusCode(404);
        as(MANAGER).get("/v1/collection-agreements?corporateId=" + corporate).then().statusCode(200)
                .body("items.id", containsInAnyOrder(id));
        assertEquals(1, data.count("select count(*) from agreement where corporate_id = ?", corporate));
    }
}
