package io.bankcrm.systemtests;

import io.bankcrm.events.Topics;
import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.identifiers.UnifiedSocialCreditCode;
import io.bankcrm.platform.testing.KafkaProbe;
import io.bankcrm.platform.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;


/**
 * Flow 2 of the design, across real processes and the real broker: a card transaction at a partner merchant of
 * merchant-service becomes card spending in the cardholder's month in segmentation-service's value facts, and its
 * refunds take it off again: the amount with each refund, the transaction from the count once fully refunded; a
 * referral sign-up at a partner merchant is a PROSPECT in customer-service, registered by merchant-service as a system
 * caller through the generated client, once however often the sign-up is repeated.
 */
class CardSpendingFlowIT {

    @Test
    void aCardTransactionAtAPartnerMerchantIsTheCardholdersCardSpendingAndItsRefundsTakeItOff() throws Exception {
        CompletableFuture<ServiceProcess> segmentationStart = CompletableFuture.supplyAsync(
                () -> ServiceProcess.start("segmentation-service", "segmentation", Map.of()));
        ServiceProcess merchants = ServiceProcess.start("merchant-service", "merchant", Map.of());
        ServiceProcess segmentation = segmentationStart.get();
        try (merchants; segmentation; KafkaProbe events = KafkaProbe.on(Topics.MERCHANT)) {
            as(merchants, "crm-admin").body(Map.of("mccGroup", "ESSENTIALS", "cardType", "CREDIT",
                    "effectiveFrom", "2020-01-01", "merchantDiscountRate", 0.006, "issuerShare", 7,
                    "acquirerShare", 2, "networkShare", 1, "onUsViaNetwork", false))
                    .post("/v1/fee-split-rules").then().statusCode(201);
            String terminal = "T" + String.format("%07d", System.nanoTime() % 10_000_000);
            String merchant = activeMerchant(merchants, terminal);
            UUID cardholder = UUID.randomUUID();
            Instant at = Instant.now();
            Map<String, Object> sale = new HashMap<>();
            sale.put("switchReference", "SW" + lettered());
            sale.put("merchantId", merchant);
            sale.put("terminalId", terminal);
            sale.put("cardToken", "tok_" + lettered());
            sale.put("cardLastFour", "4321");
            sale.put("cardBin", "622588");
            sale.put("cardType", "CREDIT");
            sale.put("customerId", cardholder.toString());
            sale.put("amount", new BigDecimal("128.50"));
            sale.put("currency", "CNY");
            sale.put("occurredAt", at.toString());
            String transaction = as(merchants, "integration").body(sale).post("/v1/card-transactions").then()
                    .statusCode(201).extract().path("id");
            events.await(r -> transaction.equals(r.key()), 1, Duration.ofSeconds(30));

            String month = YearMonth.from(at.atZone(ZoneId.of("Asia/Shanghai"))).toString();
            awaitFacts(segmentation, cardholder, month, 1, "128.50");

            // a partial refund takes its amount off the sale's month and leaves the sale counted
            as(merchants, "integration").body(Map.of("refundReference", "RF" + lettered(),
                            "amount", new BigDecimal("28.50")))
                    .post("/v1/card-transactions/" + transaction + "/refunds").then().statusCode(201);
            awaitFacts(segmentation, cardholder, month, 1, "100.00");
            // the rest: nothing of the sale is left, in amount or count
            as(merchants, "integration").body(Map.of("refundReference", "RF" + lettered(),
                            "amount", new BigDecimal("100.00")))
                    .post("/v1/card-transactions/" + transaction + "/refunds").then().statusCode(201)
                    .body("fullyRefunded", org.hamcrest.Matchers.equalTo(true));
            awaitFacts(segmentation, cardholder, month, 0, "0.00");
        }
    }

    @Test
    void aReferralSignUpAtAPartnerMerchantIsAProspectInCustomerService() throws Exception {
        ServiceProcess customers = ServiceProcess.start("customer-service", "customer_referrals", Map.of());
        java.nio.file.Path token = java.nio.file.Files.createTempFile("merchant-system-caller", ".token");
        java.nio.file.Files.writeString(token, TestTokens.token("merchant-service", "integration"));
        ServiceProcess merchants = ServiceProcess.start("merchant-service", "merchant_referrals", Map.of(
                "MERCHANT_CUSTOMER_SERVICE_URL", customers.baseUrl(),
                "MERCHANT_CUSTOMER_SERVICE_TOKEN_FILE", token.toString()));
        try (customers; merchants) {
            String merchant = activeMerchant(merchants, "T" + String.format("%07d", System.nanoTime() % 10_000_000));
            String code = "SYS" + lettered().substring(0, 9).toUpperCase().replace("X", "Q");
            as(merchants, "merchant-ops").body(Map.of("merchantId", merchant, "code", code, "terms", Map.of(
                            "rewardPerCard", new BigDecimal("100.00"), "bankShare", 30, "merchantShare", 70,
                            "conversionDays", 60, "clawbackDays", 90,
                            "validFrom", java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString())))
                    .post("/v1/referral-programmes").then().statusCode(201);
            long n = System.nanoTime() % 1000;
            String idFirst17 = "350102199203" + String.format("%02d", 1 + n % 28) + String.format("%03d", n);
            String idNumber = idFirst17 + ResidentIdNumber.checkCharacter(idFirst17);
            Map<String, Object> signUp = Map.of("code", code, "applicant", Map.of("fullName", "黄丽",
                    "idNumber", idNumber, "mobile", "1390591" + String.format("%04d", n)));
            String key = "card-app-" + UUID.randomUUID();
            String prospect = as(merchants, "integration").header("Idempotency-Key", key).body(signUp)
                    .post("/v1/referrals").then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("SIGNED_UP"))
                    .extract().path("prospectCustomerId");
            as(merchants, "integration").header("Idempotency-Key", key).body(signUp).post("/v1/referrals").then()
                    .statusCode(200).body("prospectCustomerId", org.hamcrest.Matchers.equalTo(prospect));
            // the same person again, without the key: customer-service knows them, the referral links that customer
            as(merchants, "integration").body(signUp).post("/v1/referrals").then().statusCode(201)
                    .body("prospectCustomerId", org.hamcrest.Matchers.equalTo(prospect));
            as(customers, "integration").get("/v1/customers/" + prospect).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("PROSPECT"))
                    .body("kind", org.hamcrest.Matchers.equalTo("INDIVIDUAL"))
                    .body("fullName", org.hamcrest.Matchers.equalTo("黄丽"))
                    .body("sourceChannel", org.hamcrest.Matchers.equalTo("MERCHANT_REFERRAL"));
            String log = java.nio.file.Files.readString(merchants.log());
            org.junit.jupiter.api.Assertions.assertFalse(log.contains(idNumber) || log.contains("黄丽"),
                    "merchant-service logged the applicant's personal data");
        }
    }

    /** Waits until the customer's month shows this card count and amount (fails after 60 s with what it shows). */
    private static void awaitFacts(ServiceProcess segmentation, UUID customer, String month, int count, String amount)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Response r = as(segmentation, "integration").get("/v1/customers/" + customer + "/value-facts/" + month);
            if (r.statusCode() == 200 && r.jsonPath().getInt("cardTransactionCount") == count
                    && new BigDecimal(amount).compareTo(new BigDecimal(r.jsonPath().getString("cardTransactionAmount"))) == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("value facts of " + customer + " in " + month + " never showed " + count
                        + " card transactions for " + amount + ": " + r.asString());
            }
            Thread.sleep(500);
        }
    }

    /** A random UUID's hex with a letter after every six digits: never a 12-digit run the card screen would refuse. */
    private static String lettered() {
        return UUID.randomUUID().toString().replace("-", "").replaceAll("(.{6})", "$1x");
    }

    private static String activeMerchant(ServiceProcess merchants, String terminal) {
        String first17 = "91350100" + String.format("%09d", System.nanoTime() % 1_000_000_000L);
        String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        String idFirst17 = "35010219800101123";
        Map<String, Object> address = Map.of("province", "福建省", "city", "福州市", "district", "鼓楼区",
                "street", "五四路 158 号", "postcode", "350001");
        Map<String, Object> application = new HashMap<>();
        application.put("registeredName", "福州闽江超市有限公司");
        application.put("creditCode", code);
        application.put("licenceNumber", code);
        application.put("licenceExpiry", "2035-12-31");
        application.put("legalRepresentative", Map.of("name", "林晓峰",
                "residentIdNumber", idFirst17 + ResidentIdNumber.checkCharacter(idFirst17)));
        application.put("mcc", "5411");
        application.put("registeredAddress", address);
        application.put("businessAddress", address);
        application.put("settlementAccount", Map.of("accountName", "福州闽江超市有限公司", "bankCode", "313391080007",
                "accountNumber", "35010012345678"));
        String id = as(merchants, "merchant-ops").body(application).post("/v1/merchants").then().statusCode(201)
                .extract().path("id");
        for (String type : List.of("BUSINESS_LICENCE", "LEGAL_REPRESENTATIVE_ID", "SETTLEMENT_ACCOUNT_PROOF",
                "PREMISES_PHOTOS")) {
            as(merchants, "merchant-ops").body(Map.of("type", type))
                    .post("/v1/merchants/" + id + "/onboarding/documents").then().statusCode(200);
        }
        List<Map<String, Object>> steps = List.of(Map.of("step", "VERIFY_DOCUMENTS"),
                Map.of("step", "ASSESS_RISK", "riskDecision", "APPROVED", "riskScore", 15,
                        "riskReasons", List.of("no chargebacks")),
                Map.of("step", "SIGN_AGREEMENT"), Map.of("step", "INSTALL_TERMINALS", "terminalIds", List.of(terminal)),
                Map.of("step", "COMPLETE_TRAINING"), Map.of("step", "ACTIVATE"));
        for (Map<String, Object> step : steps) {
            String role = "ASSESS_RISK".equals(step.get("step")) ? "risk-analyst" : "merchant-ops";
            String etag = as(merchants, "merchant-ops").get("/v1/merchants/" + id).then().statusCode(200)
                    .extract().header("ETag");
            as(merchants, role).header("If-Match", etag).body(step)
                    .post("/v1/merchants/" + id + "/onboarding/steps").then().statusCode(200);
        }
        return id;
    }

    private static RequestSpecification as(ServiceProcess service, String role) {
        return RestAssured.given().baseUri(service.baseUrl()).header("Authorization", TestTokens.bearer(role))
                .contentType(ContentType.JSON);
    }
}
