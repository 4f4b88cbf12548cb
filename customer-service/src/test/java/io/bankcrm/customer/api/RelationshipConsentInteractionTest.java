package io.bankcrm.customer.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.customer.CustomerMother;
import io.bankcrm.events.CloudEventHeaders;
import io.bankcrm.events.Topics;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.KafkaProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.bankcrm.customer.api.CustomerResourceTest.as;
import static io.bankcrm.customer.api.CustomerResourceTest.register;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Relationships, consent and contact history through the API, with their events on the real topic. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class RelationshipConsentInteractionTest {

    @Test
    void linksAnEmployeeAndAnOfficerAndKeepsEndedLinksAsHistory() throws Exception {
        String company = register(CustomerMother.corporate()).path("id");
        String employee = register(CustomerMother.individual()).path("id");
        String cfo = register(CustomerMother.individual()).path("id");
        try (KafkaProbe probe = KafkaProbe.on(Topics.CUSTOMER)) {
            String link = as("relationship-manager")
                    .body(Map.of("relatedCustomerId", company, "type", "EMPLOYEE_OF", "validFrom", "2024-01-01"))
                    .post("/v1/customers/" + employee + "/relationships").then().statusCode(201)
                    .body("direction", equalTo("OUTGOING")).extract().path("id");
            ConsumerRecord<String, byte[]> linked = probe.await(r -> employee.equals(r.key())
                    && "crm.customer.relationship-linked".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)),
                    1, Duration.ofSeconds(20)).get(0);
            assertEquals(company, new ObjectMapper().readTree(linked.value()).get("relatedCustomerId").asText());

            as("relationship-manager").body(Map.of("relatedCustomerId", company, "type", "OFFICER_OF", "office", "CFO"))
                    .post("/v1/customers/" + cfo + "/relationships").then().statusCode(201);
            as("relationship-manager").body(Map.of("relatedCustomerId", company, "type", "EMPLOYEE_OF"))
                    .post("/v1/customers/" + employee + "/relationships").then().statusCode(409);

            as("team-lead").get("/v1/customers/" + company + "/relationships").then().statusCode(200)
                    .body("items", hasSize(2)).body("items.direction", everyItem(equalTo("INCOMING")));

            as("relationship-manager").body(Map.of("validTo", "2026-06-30", "reason", "left the company"))
                    .post("/v1/customers/" + employee + "/relationships/" + link + "/end").then().statusCode(200)
                    .body("active", equalTo(false)).body("validTo", equalTo("2026-06-30"));
            as("relationship-manager").body(Map.of())
                    .post("/v1/customers/" + employee + "/relationships/" + link + "/end").then().statusCode(409);
            as("relationship-manager").get("/v1/customers/" + employee + "/relationships").then()
                    .body("items", hasSize(0));
            as("relationship-manager").get("/v1/customers/" + employee + "/relationships?includeEnded=true").then()
                    .body("items", hasSize(1)).body("items[0].endReason", equalTo("left the company"));
            probe.await(r -> "crm.customer.relationship-ended".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE))
                    && employee.equals(r.key()), 1, Duration.ofSeconds(20));
        }
    }

    @Test
    void aRetriedEndWithTheSameKeyReplaysItsAnswerAndPayersLinkToTheCollectingCorporate() {
        String company = register(CustomerMother.corporate()).path("id");
        String payer = register(CustomerMother.individual()).path("id");
        String link = as("integration").body(Map.of("relatedCustomerId", company, "type", "PAYER_OF"))
                .post("/v1/customers/" + payer + "/relationships").then().statusCode(201)
                .body("type", equalTo("PAYER_OF")).extract().path("id");
        Map<String, Object> end = Map.of("reason", "the payer moved away");
        String key = "end-" + link;
        as("integration").header("Idempotency-Key", key).body(end)
                .post("/v1/customers/" + payer + "/relationships/" + link + "/end").then().statusCode(200)
                .body("active", equalTo(false));
        as("integration").header("Idempotency-Key", key).body(end)
                .post("/v1/customers/" + payer + "/relationships/" + link + "/end").then().statusCode(200)
                .header("Idempotency-Replayed", "true").body("active", equalTo(false));
        as("integration").body(end)
                .post("/v1/customers/" + payer + "/relationships/" + link + "/end").then().statusCode(409);
        as("integration").body(Map.of("relatedCustomerId", payer, "type", "PAYER_OF"))
                .post("/v1/customers/" + company + "/relationships").then().statusCode(400)
                .body("errors[0].field", equalTo("type"));
    }

    @Test
    void refusesLinksBetweenTheWrongKinds() {
        String company = register(CustomerMother.corporate()).path("id");
        String person = register(CustomerMother.individual()).path("id");
        as("relationship-manager").body(Map.of("relatedCustomerId", person, "type", "EMPLOYEE_OF"))
                .post("/v1/customers/" + company + "/relationships").then().statusCode(400)
                .body("errors[0].field", equalTo("type"));
        as("relationship-manager").body(Map.of("relatedCustomerId", person, "type", "HOUSEHOLD_MEMBER"))
                .post("/v1/customers/" + person + "/relationships").then().statusCode(400)
                .body("errors[0].field", equalTo("relatedCustomerId"));
        as("relationship-manager").body(Map.of("relatedCustomerId", company, "type", "OFFICER_OF"))
                .post("/v1/customers/" + person + "/relationships").then().statusCode(400)
                .body("errors[0].field", equalTo("office"));
        as("relationship-manager").body(Map.of("relatedCustomerId", company, "type", "SUBSIDIARY_OF"))
                .post("/v1/customers/" + person + "/relationships").then().statusCode(400);
        as("relationship-manager").body(Map.of("relatedCustomerId", company, "type", "COUSIN_OF"))
                .post("/v1/customers/" + person + "/relationships").then().statusCode(400)
                .body("errors[0].field", equalTo("type"));
    }

    @Test
    void nothingIsConsentedByDefaultAndEveryDecisionIsKept() throws Exception {
        String id = register(CustomerMother.individual()).path("id");
        as("relationship-manager").get("/v1/customers/" + id + "/consents").then().statusCode(200)
                .body("", hasSize(12)).body("granted", everyItem(equalTo(false)));
        try (KafkaProbe probe = KafkaProbe.on(Topics.CUSTOMER)) {
            as("relationship-manager").body(Map.of("granted", true, "source", "BRANCH_FORM"))
                    .put("/v1/customers/" + id + "/consents/MARKETING/SMS").then().statusCode(200)
                    .body("granted", equalTo(true));
            as("relationship-manager").body(Map.of("granted", false, "source", "CALL_CENTRE"))
                    .put("/v1/customers/" + id + "/consents/MARKETING/SMS").then().statusCode(200);
            List<ConsumerRecord<String, byte[]>> events = probe.await(r -> id.equals(r.key())
                    && "crm.customer.consent-changed".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)),
                    2, Duration.ofSeconds(20));
            assertFalse(new ObjectMapper().readTree(events.get(1).value()).get("granted").asBoolean());
        }
        as("relationship-manager").get("/v1/customers/" + id + "/consents/history").then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].source", equalTo("CALL_CENTRE"));
        as("relationship-manager").body(Map.of("granted", true))
                .put("/v1/customers/" + id + "/consents/MARKETING/SMS").then().statusCode(400)
                .body("errors[0].field", equalTo("source"));
        as("relationship-manager").body(Map.of("granted", true, "source", "APP"))
                .put("/v1/customers/" + id + "/consents/SPAM/SMS").then().statusCode(404);
    }

    @Test
    void theContactHistoryIsListedNewestFirst() {
        String id = register(CustomerMother.individual()).path("id");
        try (KafkaProbe probe = KafkaProbe.on(Topics.CUSTOMER)) {
            for (String at : List.of("2026-01-10T09:00:00Z", "2026-03-05T10:30:00Z", "2026-02-01T15:00:00Z")) {
                as("relationship-manager").body(Map.of("channel", "PHONE", "purpose", "SALES", "outcome", "INTERESTED",
                        "occurredAt", at, "note", "call at " + at))
                        .post("/v1/customers/" + id + "/interactions").then().statusCode(201)
                        .body("staff", equalTo("tester"));
            }
            probe.await(r -> id.equals(r.key())
                    && "crm.customer.interaction-recorded".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)),
                    3, Duration.ofSeconds(20));
        }
        String cursor = as("relationship-manager").get("/v1/customers/" + id + "/interactions?limit=2").then()
                .statusCode(200).body("items.occurredAt", equalTo(List.of("2026-03-05T10:30:00Z", "2026-02-01T15:00:00Z")))
                .extract().path("nextCursor");
        as("relationship-manager").queryParam("cursor", cursor).get("/v1/customers/" + id + "/interactions?limit=2")
                .then().body("items.occurredAt", equalTo(List.of("2026-01-10T09:00:00Z")));
        as("relationship-manager").body(Map.of("channel", "PHONE", "purpose", "SALES", "outcome", "INTERESTED",
                "occurredAt", "2999-01-01T00:00:00Z")).post("/v1/customers/" + id + "/interactions").then()
                .statusCode(400).body("errors[0].field", equalTo("occurredAt"));
    }
}
