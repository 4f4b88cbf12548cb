package io.bankcrm.systemtests;

import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.events.CloudEventHeaders;
import io.bankcrm.events.Topics;
import io.bankcrm.platform.testing.KafkaProbe;
import io.bankcrm.platform.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Flow 3 of the design, across real processes and the real broker: customers registered in customer-service
 * become known to segmentation-service by event; a publishing tiering run there tiers them; customer-service
 * then shows each customer's tier, flags and reasons on the customer record.
 */
class TieringFlowIT {

    private static final String[] CONTRIBUTIONS = {"400.00", "200.00", "150.00", "100.00", "60.00", "50.00",
            "20.00", "15.00", "5.00", "-10.00"};

    @Test
    void aPublishingRunShowsEachCustomersTierOnTheCustomerRecord() throws Exception {
        CompletableFuture<ServiceProcess> segmentationStart = CompletableFuture.supplyAsync(
                () -> ServiceProcess.start("segmentation-service", "segmentation", Map.of()));
        ServiceProcess customers = ServiceProcess.start("customer-service", "customer", Map.of());
        ServiceProcess segmentation = segmentationStart.get();
        try (customers; segmentation; KafkaProbe registrations = KafkaProbe.on(Topics.CUSTOMER)) {
            List<String> ids = new ArrayList<>();
            long run = System.nanoTime() % 100_000;
            for (int i = 0; i < CONTRIBUTIONS.length; i++) {
                String first17 = (200000 + run % 700_000) + "1975" + "06" + String.format("%02d", 10 + i) + "123";
                ids.add(as(customers, "integration").body(Map.of("kind", "INDIVIDUAL", "fullName", "客户" + i,
                                "idNumber", first17 + ResidentIdNumber.checkCharacter(first17)))
                        .post("/v1/customers").then().statusCode(201).extract().<String>path("id"));
            }
            registrations.await(r -> ids.contains(r.key())
                    && "crm.customer.registered".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)),
                    ids.size(), Duration.ofSeconds(30));
            KafkaProbe.awaitCaughtUp("segmentation-service", Topics.CUSTOMER, Duration.ofSeconds(30));

            for (int i = 0; i < ids.size(); i++) {
                as(segmentation, "integration").body(figures(CONTRIBUTIONS[i]))
                        .put("/v1/customers/" + ids.get(i) + "/value-facts/2026-10").then().statusCode(201);
            }
            String policy = as(segmentation, "crm-admin").body(paretoPolicy()).post("/v1/tiering-policies")
                    .then().statusCode(201).extract().path("id");
            String runId = as(segmentation, "risk-analyst")
                    .body(Map.of("policyId", policy, "asOfMonth", "2026-10", "dryRun", false))
                    .post("/v1/tiering-runs").then().statusCode(202).extract().path("id");
            awaitRun(segmentation, runId);

            for (String id : ids) {
                Map<String, Object> tier = as(segmentation, "relationship-manager").get("/v1/customers/" + id + "/tier")
                        .then().statusCode(200).extract().path("");
                Map<String, Object> shown = awaitTierOnRecord(customers, id, (String) tier.get("tier"));
                assertEquals(tier.get("flags"), shown.get("flags"), "flags of " + id);
                assertEquals(tier.get("reasons"), shown.get("reasons"), "reasons of " + id);
            }
            assertEquals("PLATINUM", awaitTierOnRecord(customers, ids.get(0), "PLATINUM").get("tier"));
            assertEquals(List.of("BELOW_COST"), awaitTierOnRecord(customers, ids.get(9), "MASS").get("flags"));
        }
    }

    private static RequestSpecification as(ServiceProcess service, String role) {
        return RestAssured.given().baseUri(service.baseUrl()).header("Authorization", TestTokens.bearer(role))
                .contentType(ContentType.JSON);
    }

    private static Map<String, Object> figures(String contribution) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("avgDepositBalance", "50000.00");
        figures.put("loanBalance", "0.00");
        figures.put("assetsUnderManagement", "0.00");
        figures.put("netInterestIncome", contribution);
        figures.put("feeIncome", "0.00");
        figures.put("costToServe", "0.00");
        figures.put("transactionCount", 10);
        figures.put("transactionAmount", "1000.00");
        figures.put("productsHeld", 2);
        figures.put("creditRating", "A");
        figures.put("currency", "CNY");
        return figures;
    }

    private static Map<String, Object> paretoPolicy() {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("name", "Retail 80/20 (system test)");
        policy.put("segment", "RETAIL");
        policy.put("method", "PARETO");
        policy.put("windowMonths", 1);
        policy.put("bands", List.of(Map.of("tier", "PLATINUM", "profitShareUpTo", 50),
                Map.of("tier", "GOLD", "profitShareUpTo", 80), Map.of("tier", "SILVER", "profitShareUpTo", 95),
                Map.of("tier", "MASS")));
        policy.put("growthMonths", 2);
        policy.put("downgradeAfterRuns", 3);
        policy.put("minMonthsInTier", 0);
        return policy;
    }

    private static void awaitRun(ServiceProcess segmentation, String runId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Map<String, Object> run = as(segmentation, "risk-analyst").get("/v1/tiering-runs/" + runId)
                    .then().statusCode(200).extract().path("");
            if ("COMPLETED".equals(run.get("status"))) {
                return;
            }
            if ("FAILED".equals(run.get("status")) || Instant.now().isAfter(deadline)) {
                throw new AssertionError("tiering run did not complete: " + run);
            }
            Thread.sleep(200);
        }
    }

    private static Map<String, Object> awaitTierOnRecord(ServiceProcess customers, String id, String tier)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            Map<String, Object> shown = as(customers, "relationship-manager").get("/v1/customers/" + id)
                    .then().statusCode(200).extract().path("valueTier");
            if (shown != null && tier.equals(shown.get("tier"))) {
                return shown;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("customer " + id + " shows " + shown + ", expected tier " + tier);
            }
            Thread.sleep(200);
        }
    }
}
