package io.bankcrm.customer.messaging;

import io.bankcrm.customer.CustomerMother;
import io.bankcrm.events.CloudEventHeaders;
import io.bankcrm.events.Topics;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.KafkaProbe;
import io.bankcrm.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consuming tier changes from the real Kafka topic: applied once, duplicates ignored, poison dead-lettered. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class TierChangedHandlerTest {

    private static final String RM = "Bearer "
            + TestTokens.tokenAt("tester", CustomerMother.BRANCH, "relationship-manager");

    private static final String TYPE = "crm.segmentation.tier-changed";

    @Test
    void aTierChangeShowsOnTheCustomerAndADuplicateDeliveryChangesNothing() {
        String customerId = registerCustomer();
        String eventId = UUID.randomUUID().toString();
        // a field this consumer does not know yet (a newer producer) must not make the event unreadable
        send(eventId, customerId, tierChanged(customerId, "GOLD", Instant.parse("2026-11-01T00:00:00Z"))
                .replace("{\"customerId\"", "{\"addedLater\":\"x\",\"customerId\""));
        awaitTier(customerId, "GOLD");
        // the tier is a read model: it leaves the profile's version, and so the caller's ETag, alone
        given().header("Authorization", RM)
                .get("/v1/customers/" + customerId).then().header("ETag", "\"0\"");

        // The same event id again, even with other content, is a redelivery: it must change nothing.
        RecordMetadata duplicate = send(eventId, customerId,
                tierChanged(customerId, "PLATINUM", Instant.parse("2026-11-02T00:00:00Z")));
        KafkaProbe.awaitConsumed("customer-service", duplicate, Duration.ofSeconds(30));
        given().header("Authorization", RM)
                .get("/v1/customers/" + customerId).then()
                .body("valueTier.tier", org.hamcrest.Matchers.equalTo("GOLD"))
                .body("valueTier.reasons[0]", org.hamcrest.Matchers.equalTo("contribution rank 3 of 100 (top 3.0%)"));
    }

    @Test
    void anOlderTierChangeDoesNotOverwriteANewerOne() {
        String customerId = registerCustomer();
        send(UUID.randomUUID().toString(), customerId,
                tierChanged(customerId, "SILVER", Instant.parse("2026-10-01T00:00:00Z")));
        awaitTier(customerId, "SILVER");
        RecordMetadata older = send(UUID.randomUUID().toString(), customerId,
                tierChanged(customerId, "BRONZE", Instant.parse("2026-09-01T00:00:00Z")));
        KafkaProbe.awaitConsumed("customer-service", older, Duration.ofSeconds(30));
        awaitTier(customerId, "SILVER");
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String customerId = registerCustomer();
        try (KafkaProbe dlq = KafkaProbe.on(Topics.deadLetter(Topics.SEGMENTATION))) {
            String badId = UUID.randomUUID().toString();
            send(badId, customerId, "{not json");
            String missingTier = UUID.randomUUID().toString();
            send(missingTier, customerId, "{\"customerId\":\"" + customerId + "\"}");
            send(UUID.randomUUID().toString(), customerId,
                    tierChanged(customerId, "GOLD", Instant.parse("2026-11-05T00:00:00Z")));

            ConsumerRecord<String, byte[]> parked = dlq.await(
                    r -> badId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), 1, Duration.ofSeconds(30)).get(0);
            assertTrue(KafkaProbe.header(parked, CloudEventHeaders.DLQ_ERROR).contains("not a valid"));
            assertEquals(Topics.SEGMENTATION, KafkaProbe.header(parked, CloudEventHeaders.DLQ_ORIGINAL_TOPIC));
            ConsumerRecord<String, byte[]> retried = dlq.await(
                    r -> missingTier.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), 1, Duration.ofSeconds(30)).get(0);
            assertEquals("5", KafkaProbe.header(retried, CloudEventHeaders.DLQ_ATTEMPTS));
            awaitTier(customerId, "GOLD");
            assertTrue(io.bankcrm.platform.testing.Metrics.scrape().value("crm_inbox_dead_letters_total",
                    java.util.Map.of("topic", "crm.segmentation.v1", "service", "customer-service")) >= 2,
                    "both dead letters counted");
        }
    }

    static String registerCustomer() {
        return given().header("Authorization", RM)
                .contentType(ContentType.JSON).body(CustomerMother.individual())
                .post("/v1/customers").then().statusCode(201).extract().path("id");
    }

    static RecordMetadata send(String eventId, String customerId, String json) {
        return KafkaProbe.send(Topics.SEGMENTATION, customerId, Map.of(
                CloudEventHeaders.ID, eventId,
                CloudEventHeaders.TYPE, TYPE,
                CloudEventHeaders.SOURCE, "/crm/segmentation-service",
                CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.TIME, Instant.now().toString(),
                CloudEventHeaders.SUBJECT, customerId), json);
    }

    static String tierChanged(String customerId, String tier, Instant changedAt) {
        return """
                {"customerId":"%s","oldTier":null,"newTier":"%s","flags":["GROWTH"],
                 "reasons":["contribution rank 3 of 100 (top 3.0%%)"],"policyId":"%s","policyVersion":1,
                 "runId":"%s","asOfMonth":"2026-10","changedAt":"%s"}"""
                .formatted(customerId, tier, UUID.randomUUID(), UUID.randomUUID(), changedAt);
    }

    static void awaitTier(String customerId, String tier) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            String current = given().header("Authorization", RM)
                    .get("/v1/customers/" + customerId).then().statusCode(200).extract().path("valueTier.tier");
            if (tier.equals(current)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("tier of " + customerId + " is " + current + ", expected " + tier);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
