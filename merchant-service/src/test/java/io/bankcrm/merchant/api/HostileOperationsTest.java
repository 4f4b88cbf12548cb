package io.bankcrm.merchant.api;

import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.bankcrm.platform.testing.hostile.HostileInput;
import io.bankcrm.platform.testing.hostile.HostileOperations;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.math.BigDecimal;
import java.util.Map;

/** platform-testing's hostile-input test over every operation of this service, with its bodies and records. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class HostileOperationsTest extends HostileOperations {

    @Override
    protected HostileInput requests(HostileInput input) {
        CardFixtures.feeRuleForSupermarketCreditCards();
        CardFixtures.Shop shop = CardFixtures.activeShop();
        String offer = shop.coFundedHalfPrice(1000, 1000);
        String programme = shop.instalmentProgramme("CARDHOLDER");
        String sale = shop.sell("100.00");
        String agreement = Merchants.as("merchant-ops").get("/v1/merchants/" + shop.merchant() + "/agreement").then()
                .statusCode(200).extract().header("ETag");
        String obligation = Merchants.as("merchant-ops").header("If-Match", agreement).body(obligation())
                .post("/v1/merchants/" + shop.merchant() + "/agreement/obligations").then().statusCode(201).extract()
                .path("id");
        String code = ReferralApiTest.code();
        String referralProgramme = Merchants.as("merchant-ops")
                .body(ReferralApiTest.programme(shop.merchant(), code, 30, 70)).post("/v1/referral-programmes").then()
                .statusCode(201).extract().path("id");
        String referral = Merchants.as("integration").body(ReferralApiTest.signUp(code, "陈静",
                ReferralApiTest.residentId(), "13905912345")).post("/v1/referrals").then().statusCode(201).extract()
                .path("id");
        String rule = Merchants.as("crm-admin").get("/v1/fee-split-rules?mccGroup=ESSENTIALS&limit=1").then()
                .statusCode(200).extract().path("items[0].id");
        return input
                .authorization("Bearer " + TestTokens.token("fuzzer", "crm-admin", "integration", "merchant-ops",
                        "risk-analyst", "team-lead", "relationship-manager"))
                .pathValue("id", shop.merchant())
                .pathValue("GET /v1/offers/{id} id", offer)
                .pathValue("POST /v1/offers/{id}/status id", offer)
                .pathValue("POST /v1/offers/{id}/budgets/{funder}/top-ups id", offer)
                .pathValue("funder", "MERCHANT")
                .pathValue("obligationId", obligation)
                .pathValue("GET /v1/referral-programmes/{id} id", referralProgramme)
                .pathValue("PUT /v1/referral-programmes/{id} id", referralProgramme)
                .pathValue("GET /v1/referrals/{id} id", referral)
                .pathValue("POST /v1/referrals/{id}/card-events id", referral)
                .pathValue("GET /v1/fee-split-rules/{id} id", rule)
                .pathValue("POST /v1/fee-split-rules/{id}/end id", rule)
                .pathValue("GET /v1/instalment-programmes/{id} id", programme)
                .pathValue("PUT /v1/instalment-programmes/{id} id", programme)
                .pathValue("GET /v1/card-transactions/{id} id", sale)
                .pathValue("GET /v1/card-transactions/{id}/instalment-plan id", sale)
                .pathValue("GET /v1/card-transactions/{id}/refunds id", sale)
                .pathValue("POST /v1/card-transactions/{id}/refunds id", sale)
                .baseBody("POST /v1/merchants", Merchants::application)
                .baseBody("POST /v1/merchants/{id}/onboarding/documents", () -> Map.of("type", "BUSINESS_LICENCE"))
                .baseBody("POST /v1/merchants/{id}/onboarding/steps", () -> Map.of("step", "SUSPEND",
                        "reason", "a fuzzer's step"))
                .baseBody("POST /v1/merchants/{id}/agreement/obligations", HostileOperationsTest::obligation)
                .baseBody("POST /v1/merchants/{id}/agreement/obligations/{obligationId}/fulfilments",
                        () -> Map.of("quantity", 1, "on", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                                .toString(), "evidence", "网点海报照片"))
                .baseBody("POST /v1/referral-programmes",
                        () -> ReferralApiTest.programme(shop.merchant(), ReferralApiTest.code(), 30, 70))
                .baseBody("PUT /v1/referral-programmes/{id}", () -> ReferralApiTest.terms(40, 60))
                .baseBody("POST /v1/referrals", () -> ReferralApiTest.signUp(code, "陈静", ReferralApiTest.residentId(),
                        "13905912345"))
                .baseBody("POST /v1/referrals/{id}/card-events", () -> Map.of("type", "ACTIVATED",
                        "at", java.time.Instant.now().minusSeconds(60).toString()))
                .baseBody("POST /v1/offers", () -> offerForm(shop.merchant()))
                .baseBody("POST /v1/offers/{id}/status", () -> Map.of("action", "PAUSE"))
                .baseBody("POST /v1/offers/{id}/budgets/{funder}/top-ups", () -> Map.of("amount", new BigDecimal("1.00")))
                .baseBody("POST /v1/fee-split-rules", () -> Map.of("mccGroup", "PUBLIC_WELFARE", "cardType", "DEBIT",
                        "effectiveFrom", "2020-01-01", "merchantDiscountRate", new BigDecimal("0.005"),
                        "issuerShare", 7, "acquirerShare", 2, "networkShare", 1, "onUsViaNetwork", false))
                .baseBody("POST /v1/fee-split-rules/{id}/end", () -> Map.of("effectiveTo", "2099-12-31"))
                .baseBody("POST /v1/instalment-programmes", () -> CardFixtures.instalmentTerms(shop.merchant(), "BANK"))
                .baseBody("PUT /v1/instalment-programmes/{id}", () -> Map.of("feeBearer", "BANK",
                        "minPrincipal", new BigDecimal("300.00"),
                        "rates", java.util.List.of(Map.of("tenorMonths", 6, "monthlyFeeRate", new BigDecimal("0.005")))))
                .baseBody("POST /v1/card-transactions", () -> shop.sale("10.00"))
                .baseBody("POST /v1/card-transactions/{id}/refunds", () -> CardFixtures.refund("1.00"));
    }

    private static Map<String, Object> obligation() {
        return Map.of("obligor", "BANK", "description", "本行在 20 家网点宣传该商户", "target", 20, "unit", "branches",
                "dueBy", "2099-12-31");
    }

    private static Map<String, Object> offerForm(String merchant) {
        return Map.of("merchantId", merchant, "name", "周末八折", "type", "MERCHANT_FUNDED",
                "shares", Map.of("merchant", new BigDecimal("0.20")), "validFrom", "2026-01-01",
                "validTo", "2026-12-31", "priority", 5, "exhaustionPolicy", "STOP_OFFER",
                "budgets", Map.of("merchant", new BigDecimal("500")));
    }
}
