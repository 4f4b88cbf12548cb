package io.bankcrm.crosssell;

import io.bankcrm.events.CloudEventHeaders;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.testing.KafkaProbe;
import io.bankcrm.platform.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The service's HTTP API and its inbound topics as the tests use them, with a token for each role. */
public final class Api {

    public static final String GROUP = "crosssell-service";
    public static final String ADMIN = TestTokens.bearer(Roles.CRM_ADMIN);
    public static final String INTEGRATION = TestTokens.bearer(Roles.INTEGRATION);
    public static final String MANAGER = "Bearer " + TestTokens.token("rm-wang", Roles.RELATIONSHIP_MANAGER);

    private Api() {
    }

    public static RequestSpecification as(String bearer) {
        return given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .header("Authorization", bearer).contentType(ContentType.JSON);
    }

    public static String bearer(String user, String... roles) {
        return "Bearer " + TestTokens.token(user, roles);
    }

    public static Map<String, Object> payrollAgreement(UUID corporate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("corporateId", corporate);
        body.put("relationshipManager", "rm-corporate-li");
        body.put("payrollAccount", "6222020200112233");
        body.put("payDay", 10);
        body.put("expectedHeadcount", 120);
        body.put("feePerPayment", Map.of("amount", "0.50", "currency", "CNY"));
        body.put("contactNeedsApproval", false);
        return body;
    }

    public static Map<String, Object> collectionAgreement(UUID corporate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("corporateId", corporate);
        body.put("relationshipManager", "rm-corporate-li");
        body.put("category", "TUITION");
        body.put("settlementAccount", "110200300400");
        body.put("payersPerMonth", 2400);
        body.put("feePerItem", Map.of("amount", "1.00", "currency", "CNY"));
        return body;
    }

    /** Creates a payroll agreement and moves it to ACTIVE; returns its id. */
    public static UUID activePayrollAgreement(UUID corporate) {
        var created = as(MANAGER).body(payrollAgreement(corporate)).post("/v1/payroll-agreements")
                .then().statusCode(201).extract();
        String id = created.path("id");
        as(MANAGER).header("If-Match", created.header("ETag")).body(Map.of("status", "ACTIVE"))
                .post("/v1/payroll-agreements/" + id + "/status").then().statusCode(200);
        return UUID.fromString(id);
    }

    /** Sends one CloudEvent as customer-service or segmentation-service would, and waits until it is consumed. */
    public static void deliver(String topic, String type, UUID key, String json) {
        RecordMetadata sent = send(topic, type, UUID.randomUUID(), key, json);
        KafkaProbe.awaitConsumed(GROUP, sent, Duration.ofSeconds(30));
    }

    public static RecordMetadata send(String topic, String type, UUID eventId, UUID key, String json) {
        return KafkaProbe.send(topic, key.toString(), Map.of(
                CloudEventHeaders.ID, eventId.toString(),
                CloudEventHeaders.TYPE, type,
                CloudEventHeaders.SOURCE, "/crm/test",
                CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.TIME, "2026-11-01T00:00:00Z"), json);
    }

    public static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String registered(UUID customer, String kind, String branch) {
        return "{\"customerId\":\"" + customer + "\",\"kind\":\"" + kind + "\",\"status\":\"ACTIVE\",\"displayName\":\"x\","
                + "\"homeBranch\":\"" + branch + "\",\"relationshipManager\":\"rm-1\",\"sourceChannel\":\"BRANCH\","
                + "\"registeredAt\":\"2026-10-01T08:00:00Z\"}";
    }

    public static String consent(UUID customer, String channel, boolean granted, String at) {
        return "{\"customerId\":\"" + customer + "\",\"purpose\":\"MARKETING\",\"channel\":\"" + channel
                + "\",\"granted\":" + granted + ",\"source\":\"BRANCH\",\"changedAt\":\"" + at + "\"}";
    }
}
