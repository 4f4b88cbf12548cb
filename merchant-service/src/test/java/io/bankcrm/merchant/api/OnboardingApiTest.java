package io.bankcrm.merchant.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.events.Topics;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.KafkaProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.bankcrm.merchant.api.Merchants.as;
import static io.bankcrm.merchant.api.Merchants.asUser;
import static io.bankcrm.merchant.api.Merchants.etag;
import static io.bankcrm.merchant.api.Merchants.register;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Merchants and onboarding end to end on the real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class OnboardingApiTest {

    @Inject
    EntityManager em;

    @Test
    void registersAnApplicationInAppliedWithItsRequirementsAndMasksTheLegalRepresentativesId() {
        Map<String, Object> application = Merchants.application();
        @SuppressWarnings("unchecked")
        String residentId = ((Map<String, String>) application.get("legalRepresentative")).get("residentIdNumber");
        ExtractableResponse<Response> created = as("merchant-ops").body(application).post("/v1/merchants")
                .then().statusCode(201).extract();
        String id = created.path("id");
        assertEquals("\"0\"", created.header("ETag"));
        assertEquals("APPLIED", created.path("status"));
        assertEquals("ESSENTIALS", created.path("mccGroup"));
        assertTrue(created.header("Location").endsWith("/v1/merchants/" + id));

        as("merchant-ops").get("/v1/merchants/" + id).then().statusCode(200)
                .body("piiMasked", equalTo(true))
                .body("legalRepresentative.residentIdNumber",
                        equalTo(residentId.substring(0, 6) + "********" + residentId.substring(14)))
                .body("createdBy", equalTo("tester"));
        as("merchant-ops", "pii-reader").get("/v1/merchants/" + id).then().statusCode(200)
                .body("legalRepresentative.residentIdNumber", equalTo(residentId));
        Object stored = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from merchant where legal_rep_id_encrypted like ?1 or legal_rep_id_index = ?2")
                .setParameter(1, "%" + residentId + "%").setParameter(2, residentId).getSingleResult());
        assertEquals(0L, ((Number) stored).longValue(), "the resident ID is never stored in clear");

        as("merchant-ops").get("/v1/merchants/" + id + "/onboarding").then().statusCode(200)
                .body("status", equalTo("APPLIED"))
                .body("steps", hasSize(1))
                .body("steps[0].to", equalTo("APPLIED"))
                .body("steps[0].actor", equalTo("tester"))
                .body("steps[0].at", notNullValue())
                .body("requirements.document", contains("BUSINESS_LICENCE", "LEGAL_REPRESENTATIVE_ID",
                        "SETTLEMENT_ACCOUNT_PROOF", "PREMISES_PHOTOS"))
                .body("requirements.state", contains("DUE", "DUE", "DUE", "DUE"))
                .body("requirements[0].dueBy", notNullValue())
                .body("allowedSteps", contains("VERIFY_DOCUMENTS", "SUSPEND", "TERMINATE"))
                .body("overdue", nullValue());
    }

    @Test
    void aDiningMerchantAlsoOwesItsFoodBusinessLicence() {
        String id = register(Merchants.application("5812"));
        as("merchant-ops").get("/v1/merchants/" + id + "/onboarding").then().statusCode(200)
                .body("requirements.document", hasItem("FOOD_BUSINESS_LICENCE"));
    }

    @Test
    void refusesAnInvalidApplicationNamingEveryFieldAtFault() {
        Map<String, Object> application = Merchants.application();
        String code = (String) application.get("creditCode");
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        application.put("creditCode", code.substring(0, 17) + wrong);
        application.put("mcc", "7995"); // gambling: not a partner category
        as("merchant-ops").body(application).post("/v1/merchants").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("creditCode", "mcc"));
    }

    @Test
    void aCreditCodeAlreadyAMerchantIsAConflictNamingIt() {
        Map<String, Object> application = Merchants.application();
        String id = register(application);
        as("merchant-ops").body(application).post("/v1/merchants").then().statusCode(409)
                .body("existingMerchantId", equalTo(id));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReplaysTheAnswer() {
        Map<String, Object> application = Merchants.application();
        String first = as("merchant-ops").header("Idempotency-Key", "apply-" + application.get("creditCode"))
                .body(application).post("/v1/merchants").then().statusCode(201).extract().path("id");
        String again = as("merchant-ops").header("Idempotency-Key", "apply-" + application.get("creditCode"))
                .body(application).post("/v1/merchants").then().statusCode(201).extract().path("id");
        assertEquals(first, again);
    }

    @Test
    void anIllegalStepIsAConflictNamingTheAllowedOnesAndChangesNothing() {
        String id = register(Merchants.application());
        as("merchant-ops").header("If-Match", etag(id)).body(Map.of("step", "ACTIVATE"))
                .post("/v1/merchants/" + id + "/onboarding/steps").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://problems.bankcrm.io/illegal-transition"))
                .body("from", equalTo("APPLIED"))
                .body("to", equalTo("ACTIVE"))
                .body("allowed", hasItems("DOCUMENTS_VERIFIED", "SUSPENDED", "TERMINATED"));
        as("merchant-ops").get("/v1/merchants/" + id + "/onboarding").then()
                .body("status", equalTo("APPLIED")).body("steps", hasSize(1)).header("ETag", "\"0\"");

        // verification before the documents are in is refused too
        as("merchant-ops").header("If-Match", etag(id)).body(Map.of("step", "VERIFY_DOCUMENTS"))
                .post("/v1/merchants/" + id + "/onboarding/steps").then().statusCode(409)
                .body("type", equalTo("https://problems.bankcrm.io/documents-missing"));
    }

    @Test
    void aStepNeedsIfMatchAndTheRightRole() {
        String id = register(Merchants.application());
        as("merchant-ops").body(Map.of("step", "SUSPEND", "reason", "licence under review"))
                .post("/v1/merchants/" + id + "/onboarding/steps").then().statusCode(428);
        as("merchant-ops").header("If-Match", "\"7\"").body(Map.of("step", "SUSPEND", "reason", "under review"))
                .post("/v1/merchants/" + id + "/onboarding/steps").then().statusCode(412);
        as("merchant-ops").header("If-Match", etag(id)).body(Map.of("step", "ASSESS_RISK", "riskDecision",
                        "APPROVED", "riskScore", 10, "riskReasons", List.of("fine")))
                .post("/v1/merchants/" + id + "/onboarding/steps").then().statusCode(403);
        as("relationship-manager").get("/v1/merchants/" + id).then().statusCode(403);
    }

    @Test
    void goesAllTheWayToActiveRecordingWhoAndWhenAndPublishingEachStatusChange() {
        String terminal = Merchants.terminalId();
        try (KafkaProbe probe = KafkaProbe.on(Topics.MERCHANT)) {
            String id = register(Merchants.application());
            for (String type : List.of("BUSINESS_LICENCE", "LEGAL_REPRESENTATIVE_ID", "SETTLEMENT_ACCOUNT_PROOF",
                    "PREMISES_PHOTOS")) {
                asUser("ops.wang", "merchant-ops").body(Map.of("type", type))
                        .post("/v1/merchants/" + id + "/onboarding/documents").then().statusCode(200);
            }
            as("merchant-ops").get("/v1/merchants/" + id + "/onboarding").then()
                    .body("requirements.state", contains("RECEIVED", "RECEIVED", "RECEIVED", "RECEIVED"));
            stepAs(id, "ops.wang", "merchant-ops", Map.of("step", "VERIFY_DOCUMENTS"));
            stepAs(id, "risk.li", "risk-analyst", Map.of("step", "ASSESS_RISK", "riskDecision", "APPROVED",
                    "riskScore", 22, "riskReasons", List.of("chargeback ratio 0.1% at previous acquirer")));
            stepAs(id, "ops.wang", "merchant-ops", Map.of("step", "SIGN_AGREEMENT"));
            stepAs(id, "ops.wang", "merchant-ops", Map.of("step", "INSTALL_TERMINALS", "terminalIds", List.of(terminal)));
            stepAs(id, "ops.wang", "merchant-ops", Map.of("step", "COMPLETE_TRAINING"));
            stepAs(id, "ops.zhao", "merchant-ops", Map.of("step", "ACTIVATE"));

            as("merchant-ops").get("/v1/merchants/" + id + "/onboarding").then().statusCode(200)
                    .body("status", equalTo("ACTIVE"))
                    .body("steps.to", contains("APPLIED", "DOCUMENTS_VERIFIED", "RISK_ASSESSED", "AGREEMENT_SIGNED",
                            "TERMINAL_INSTALLED", "TRAINED", "ACTIVE"))
                    .body("steps[2].actor", equalTo("risk.li"))
                    .body("steps[6].actor", equalTo("ops.zhao"))
                    .body("risk.decision", equalTo("APPROVED"))
                    .body("risk.score", equalTo(22))
                    .body("terminalIds", contains(terminal))
                    .body("agreementId", notNullValue())
                    .body("requirements", hasSize(0))
                    .body("allowedSteps", contains("SUSPEND", "TERMINATE"));

            // a terminal belongs to one merchant
            String other = register(Merchants.application());
            as("merchant-ops").header("If-Match", etag(other)).body(Map.of("step", "TERMINATE", "reason", "withdrawn"))
                    .post("/v1/merchants/" + other + "/onboarding/steps").then().statusCode(200);

            var events = probe.await(r -> id.equals(r.key())
                    && "crm.merchant.status-changed".equals(KafkaProbe.header(r, "ce_type")), 7, Duration.ofSeconds(30));
            JsonNode applied = json(events.get(0));
            assertTrue(applied.get("from").isNull(), applied.toString());
            assertEquals("APPLIED", applied.get("to").asText());
            JsonNode activated = json(events.get(6));
            assertEquals("TRAINED", activated.get("from").asText());
            assertEquals("ACTIVE", activated.get("to").asText());
            assertEquals("ACTIVATE", activated.get("reason").asText());
            events.forEach(e -> assertFalse(KafkaProbe.value(e).contains("林晓峰"), "no personal data on Kafka"));
        }
    }

    @Test
    void aTerminalOfAnotherMerchantIsAConflict() {
        String terminal = Merchants.terminalId();
        Merchants.active(List.of(terminal));
        String id = register(Merchants.application());
        Merchants.handInDocuments(id);
        Merchants.step(id, "merchant-ops", Map.of("step", "VERIFY_DOCUMENTS"));
        Merchants.step(id, "risk-analyst", Map.of("step", "ASSESS_RISK", "riskDecision", "APPROVED", "riskScore", 5,
                "riskReasons", List.of("fine")));
        Merchants.step(id, "merchant-ops", Map.of("step", "SIGN_AGREEMENT"));
        as("merchant-ops").header("If-Match", etag(id)).body(Map.of("step", "INSTALL_TERMINALS", "terminalIds",
                List.of(terminal))).post("/v1/merchants/" + id + "/onboarding/steps").then().statusCode(409)
                .body("type", equalTo("https://problems.bankcrm.io/terminal-taken"));
        as("merchant-ops").get("/v1/merchants/" + id + "/onboarding").then().body("status", equalTo("AGREEMENT_SIGNED"));
    }

    @Test
    void aDeclinedMerchantMayOnlyBeTerminated() {
        String id = register(Merchants.application());
        Merchants.handInDocuments(id);
        Merchants.step(id, "merchant-ops", Map.of("step", "VERIFY_DOCUMENTS"));
        Merchants.step(id, "risk-analyst", Map.of("step", "ASSESS_RISK", "riskDecision", "DECLINED", "riskScore", 91,
                "riskReasons", List.of("on the industry blacklist")));
        as("merchant-ops").get("/v1/merchants/" + id + "/onboarding").then()
                .body("allowedSteps", contains("TERMINATE"));
        as("merchant-ops").header("If-Match", etag(id)).body(Map.of("step", "SIGN_AGREEMENT"))
                .post("/v1/merchants/" + id + "/onboarding/steps").then().statusCode(409)
                .body("allowed", contains("TERMINATED"));
    }

    @Test
    void listsMerchantsLateAgainstTheirSlaLongestOverdueFirst() {
        String late = register(Merchants.application());
        String later = register(Merchants.application());
        String onTime = register(Merchants.application());
        QuarkusTransaction.requiringNew().run(() -> {
            backdate(late, "9 days");
            backdate(later, "30 days");
        });
        List<String> ids = as("merchant-ops").get("/v1/onboarding/overdue?limit=200").then().statusCode(200)
                .extract().path("merchantId");
        assertTrue(ids.indexOf(later) >= 0 && ids.indexOf(later) < ids.indexOf(late), "longest overdue first: " + ids);
        assertFalse(ids.contains(onTime));
        as("merchant-ops").get("/v1/onboarding/overdue?limit=200").then()
                .body("find { it.merchantId == '" + late + "' }.waitingIn", equalTo("APPLIED"))
                .body("find { it.merchantId == '" + late + "' }.awaitedStep", equalTo("DOCUMENTS_VERIFIED"))
                .body("find { it.merchantId == '" + late + "' }.overdueBy", startsWith("PT96H"));
    }

    @Test
    void pagesThroughMerchantsByStatus() {
        register(Merchants.application());
        register(Merchants.application());
        ExtractableResponse<Response> first = as("merchant-ops").get("/v1/merchants?status=APPLIED&limit=1")
                .then().statusCode(200).body("items", hasSize(1)).extract();
        String cursor = first.path("nextCursor");
        as("merchant-ops").get("/v1/merchants?status=APPLIED&limit=1&cursor=" + cursor).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", not(equalTo(first.path("items[0].id"))))
                .body("items[0].status", equalTo("APPLIED"));
        as("merchant-ops").get("/v1/merchants?cursor=forged!").then().statusCode(400);
    }

    private static JsonNode json(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
        try {
            return new ObjectMapper().readTree(KafkaProbe.value(record));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Moves the application (its status column and its step) back in time. */
    private void backdate(String merchantId, String interval) {
        java.util.UUID id = java.util.UUID.fromString(merchantId);
        em.createNativeQuery("update merchant set entered_status_at = entered_status_at - cast(?2 as interval) "
                + "where id = ?1").setParameter(1, id).setParameter(2, interval).executeUpdate();
        em.createNativeQuery("update onboarding_step set at = at - cast(?2 as interval) where merchant_id = ?1")
                .setParameter(1, id).setParameter(2, interval).executeUpdate();
    }

    private static void stepAs(String id, String user, String role, Map<String, Object> step) {
        asUser(user, role).header("If-Match", etag(id)).body(step)
                .post("/v1/merchants/" + id + "/onboarding/steps").then().statusCode(200);
    }
}
