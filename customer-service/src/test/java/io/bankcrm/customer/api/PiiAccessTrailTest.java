package io.bankcrm.customer.api;

import io.bankcrm.customer.CustomerMother;
import io.bankcrm.platform.pii.PiiAccessTrail;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PII access trail: an unmasked read is listed (who, when, which customer and fields, the request id) for
 * crm-admin by customer and by user, a masked one is not, and entries past the retention are purged.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class PiiAccessTrailTest {

    static final String ADMIN = "Bearer " + TestTokens.token("auditor", "crm-admin");

    @Inject
    PiiAccessTrail trail;

    static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    static String customer() {
        return as(ADMIN).body(CustomerMother.individual()).post("/v1/customers").then().statusCode(201)
                .extract().path("id");
    }

    static RequestSpecification trailOf(String customerId) {
        return as(ADMIN).queryParam("customerId", customerId);
    }

    @Test
    void anUnmaskedReadIsListedAndAMaskedOneIsNot() {
        String id = customer();
        String reader = "pii-" + UUID.randomUUID();
        as("Bearer " + TestTokens.tokenAt("rm-masked", CustomerMother.BRANCH, "relationship-manager"))
                .get("/v1/customers/" + id).then().statusCode(200).body("piiMasked", equalTo(true));
        trailOf(id).get("/v1/pii-access").then().statusCode(200).body("items", hasSize(0));

        Instant before = Instant.now().minusSeconds(1);
        String requestId = "req-" + UUID.randomUUID();
        String answeredWith = as("Bearer " + TestTokens.token(reader, "relationship-manager", "pii-reader"))
                .header("X-Request-Id", requestId).get("/v1/customers/" + id).then().statusCode(200)
                .body("piiMasked", equalTo(false)).extract().header("X-Request-Id");
        assertEquals(requestId, answeredWith);

        Map<String, Object> entry = trailOf(id).get("/v1/pii-access").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items[0]");
        assertEquals(reader, entry.get("accessedBy"));
        assertEquals(id, entry.get("subjectId"));
        assertEquals("customer", entry.get("subjectType"));
        assertEquals(List.of("idNumber", "mobile", "email"), entry.get("fields"));
        assertEquals(requestId, entry.get("requestId"));
        assertEquals("GET /v1/customers/" + id, entry.get("operation"));
        Instant at = Instant.parse((String) entry.get("accessedAt"));
        assertTrue(!at.isBefore(before) && !at.isAfter(Instant.now().plusSeconds(1)), "accessedAt " + at);

        as(ADMIN).queryParam("user", reader).get("/v1/pii-access").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].subjectId", equalTo(id));
    }

    @Test
    void everyUnmaskedCustomerOfAListIsRecordedAndTheTrailIsCursorPaged() {
        String reader = "pii-" + UUID.randomUUID();
        String first = customer();
        String second = customer();
        String bearer = "Bearer " + TestTokens.token(reader, "integration", "pii-reader");
        as(bearer).get("/v1/customers/" + first).then().statusCode(200);
        as(bearer).get("/v1/customers/" + second).then().statusCode(200);
        String cursor = as(ADMIN).queryParam("user", reader).queryParam("limit", 1).get("/v1/pii-access").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].subjectId", equalTo(second))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        as(ADMIN).queryParam("user", reader).queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/v1/pii-access").then().statusCode(200).body("items[0].subjectId", equalTo(first))
                .body("nextCursor", nullValue());
        as(ADMIN).queryParam("user", reader).queryParam("customerId", first).get("/v1/pii-access").then()
                .body("items", hasSize(1));
    }

    @Test
    void onlyCrmAdminReadsTheTrailAndItNeedsACustomerOrAUser() {
        String id = customer();
        as("Bearer " + TestTokens.token("rm", "relationship-manager", "pii-reader")).queryParam("customerId", id)
                .get("/v1/pii-access").then().statusCode(403).contentType("application/problem+json");
        as(ADMIN).get("/v1/pii-access").then().statusCode(400).contentType("application/problem+json");
        as(ADMIN).queryParam("customerId", "not-a-uuid").get("/v1/pii-access").then().statusCode(400);
    }

    @Test
    void entriesOlderThanTheRetentionArePurged() {
        String id = customer();
        as("Bearer " + TestTokens.token("pii-" + UUID.randomUUID(), "integration", "pii-reader"))
                .get("/v1/customers/" + id).then().statusCode(200);
        trailOf(id).get("/v1/pii-access").then().body("items", hasSize(1));
        trail.purgeRecordedBefore(Instant.now().minusSeconds(3600));
        trailOf(id).get("/v1/pii-access").then().body("items", hasSize(1));
        assertTrue(trail.purgeRecordedBefore(Instant.now().plusSeconds(1)) >= 1);
        trailOf(id).get("/v1/pii-access").then().body("items", hasSize(0));
    }
}
