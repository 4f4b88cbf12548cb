package io.bankcrm.merchant.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.events.Topics;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.KafkaProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.bankcrm.merchant.api.Merchants.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Instalment programmes and plans end to end: the merchant paid in full, the tenor-12 schedule summing exactly with
 * its annualised rate, the plan event, refunds recomputing the schedule and cancelling it, versions kept by plans.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class InstalmentApiTest {

    @BeforeEach
    void feeRule() {
        CardFixtures.feeRuleForSupermarketCreditCards();
    }

    private static Map<String, Object> programme(String merchant, String bearer) {
        return CardFixtures.instalmentTerms(merchant, bearer);
    }

    @Test
    void aTwelveMonthPlanPaysTheMerchantInFullSumsExactlyAndShowsItsAnnualisedRate() throws Exception {
        CardFixtures.Shop shop = CardFixtures.activeShop();
        shop.instalmentProgramme("CARDHOLDER");
        Map<String, Object> sale = shop.saleTo(UUID.randomUUID(), "10000.00");
        sale.put("instalmentTenor", 12);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        try (KafkaProbe probe = KafkaProbe.on(Topics.MERCHANT)) {
            String answer = as("integration").body(sale).post("/v1/card-transactions").then().statusCode(201)
                    // paid in full: only the card fee (0.6% = 60.00) comes off; the cardholder bears the plan's fee
                    .body("merchantNet", equalTo(9940.00f))
                    .body("instalmentPlan.principal", equalTo(10000.00f))
                    .body("instalmentPlan.fee", equalTo(720.00f))
                    .body("instalmentPlan.cardholderTotal", equalTo(10720.00f))
                    .body("instalmentPlan.monthlyFeeRate", equalTo(0.006f))
                    .body("instalmentPlan.annualisedRate.nominalPercent", equalTo(13.03f))
                    .body("instalmentPlan.annualisedRate.effectivePercent", equalTo(13.84f))
                    .body("instalmentPlan.instalments", hasSize(12))
                    .body("instalmentPlan.instalments[0].amount", equalTo(893.33f))
                    .body("instalmentPlan.instalments[0].dueOn", equalTo(today.plusMonths(1).toString()))
                    .body("instalmentPlan.instalments[11].principal", equalTo(833.37f))
                    .body("instalmentPlan.instalments[11].amount", equalTo(893.37f))
                    .extract().asString();
            String id = JsonPath.from(answer).getString("id");
            assertEquals(new BigDecimal("10720.00"), sum(answer));

            JsonNode event = new ObjectMapper().readTree(KafkaProbe.value(probe.await(r -> id.equals(r.key())
                    && "crm.merchant.instalment-plan-created".equals(KafkaProbe.header(r, "ce_type")), 1,
                    Duration.ofSeconds(30)).get(0)));
            assertEquals(12, event.path("tenorMonths").asInt());
            assertEquals(0, new BigDecimal("13.03").compareTo(event.path("annualisedRate").decimalValue()));
            assertEquals(0, new BigDecimal("720.00").compareTo(event.path("fee").decimalValue()));
            assertEquals("CARDHOLDER", event.path("feeBearer").asText());
            assertEquals(today.plusMonths(1).toString(), event.path("firstDueOn").asText());

            // 4,000.00 back: 6,000.00 financed, fee 432.00, re-spread over the twelve (none billed yet)
            as("integration").body(CardFixtures.refund("4000.00"))
                    .post("/v1/card-transactions/" + id + "/refunds").then().statusCode(201)
                    .body("instalmentPlan.status", equalTo("ACTIVE"))
                    .body("instalmentPlan.principal", equalTo(6000.00f))
                    .body("instalmentPlan.fee", equalTo(432.00f))
                    .body("instalmentPlan.instalments.amount", everyItem(equalTo(536.00f)))
                    .body("instalmentPlan.annualisedRate.nominalPercent", equalTo(13.03f));
            as("merchant-ops").get("/v1/card-transactions/" + id + "/instalment-plan").then().statusCode(200)
                    .body("principal", equalTo(6000.00f)).body("cardholderTotal", equalTo(6432.00f));

            as("integration").body(CardFixtures.refund("6000.00"))
                    .post("/v1/card-transactions/" + id + "/refunds").then().statusCode(201)
                    .body("fullyRefunded", equalTo(true))
                    .body("instalmentPlan.status", equalTo("CANCELLED"))
                    .body("instalmentPlan.cardholderTotal", equalTo(0.0f))
                    .body("instalmentPlan.cardholderCredit", equalTo(0.0f));
        }
    }

    @Test
    void theRemainderGoesToTheLastInstalmentAndAMerchantBorneFeeComesOffItsNet() throws Exception {
        CardFixtures.Shop shop = CardFixtures.activeShop();
        shop.instalmentProgramme("MERCHANT");
        Map<String, Object> sale = shop.sale("1000.01");
        sale.put("instalmentTenor", 3);
        // fee 1000.01 × 0.75% × 3 = 22.50 borne by the merchant: the cardholder repays 333.33, 333.33, 333.35
        String answer = as("integration").body(sale).post("/v1/card-transactions").then().statusCode(201)
                .body("instalmentPlan.fee", equalTo(22.50f))
                .body("instalmentPlan.cardholderFee", equalTo(0.0f))
                .body("instalmentPlan.annualisedRate.nominalPercent", equalTo(0.0f))
                .body("instalmentPlan.instalments.amount", equalTo(List.of(333.33f, 333.33f, 333.35f)))
                // 1000.01 − card fee 6.00 − the plan's fee 22.50
                .body("merchantNet", equalTo(971.51f))
                .extract().asString();
        assertEquals(new BigDecimal("1000.01"), sum(answer));
        as("merchant-ops").get("/v1/card-transactions/" + JsonPath.from(answer).getString("id") + "/instalment-plan").then()
                .statusCode(200).body("programmeVersion", equalTo(0));
    }

    @Test
    void aProgrammeIsOnePerMerchantValidatedAndChangedByVersionWhilePlansKeepTheirTerms() {
        CardFixtures.Shop shop = CardFixtures.activeShop();
        String merchant = shop.merchant();
        var created = as("merchant-ops").header("Idempotency-Key", "ip-" + merchant)
                .body(programme(merchant, "CARDHOLDER")).post("/v1/instalment-programmes").then().statusCode(201)
                .extract();
        String id = created.path("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/v1/instalment-programmes/" + id));
        assertEquals("\"0\"", created.header("ETag"));
        as("merchant-ops").header("Idempotency-Key", "ip-" + merchant).body(programme(merchant, "CARDHOLDER"))
                .post("/v1/instalment-programmes").then().statusCode(201).header("Idempotency-Replayed", "true")
                .body("id", equalTo(id));
        as("merchant-ops").body(programme(merchant, "BANK")).post("/v1/instalment-programmes").then()
                .statusCode(409).body("existingProgrammeId", equalTo(id));
        as("merchant-ops").body(Map.of("merchantId", merchant, "feeBearer", "CARDHOLDER", "minPrincipal", 600,
                        "rates", List.of(Map.of("tenorMonths", 9, "monthlyFeeRate", 0.005),
                                Map.of("tenorMonths", 12, "monthlyFeeRate", 0.05))))
                .post("/v1/instalment-programmes").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("monthlyFeeRate")));
        as("merchant-ops").body(programme(UUID.randomUUID().toString(), "BANK")).post("/v1/instalment-programmes")
                .then().statusCode(404);
        as("integration").body(programme(merchant, "BANK")).post("/v1/instalment-programmes").then().statusCode(403);

        Map<String, Object> sale = shop.sale("1200.00");
        sale.put("instalmentTenor", 12);
        String first = as("integration").body(sale).post("/v1/card-transactions").then().statusCode(201)
                .body("instalmentPlan.fee", equalTo(86.40f)).extract().path("id");

        Map<String, Object> terms = Map.of("feeBearer", "BANK", "minPrincipal", new BigDecimal("300.00"),
                "rates", List.of(Map.of("tenorMonths", 6, "monthlyFeeRate", new BigDecimal("0.0050"))));
        as("merchant-ops").body(terms).put("/v1/instalment-programmes/" + id).then().statusCode(428);
        as("merchant-ops").header("If-Match", "\"7\"").body(terms).put("/v1/instalment-programmes/" + id).then()
                .statusCode(412);
        as("merchant-ops").header("If-Match", "\"0\"").body(terms).put("/v1/instalment-programmes/" + id).then()
                .statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1)).body("feeBearer", equalTo("BANK"))
                .body("rates", hasSize(1));

        // 12 months is no longer offered; 6 months now is, with the bank bearing the fee
        sale.put("switchReference", "SW" + CardFixtures.unique());
        as("integration").body(sale).post("/v1/card-transactions").then().statusCode(400)
                .body("errors[0].field", equalTo("instalmentTenor"));
        sale.put("instalmentTenor", 6);
        as("integration").body(sale).post("/v1/card-transactions").then().statusCode(201)
                .body("instalmentPlan.feeBearer", equalTo("BANK")).body("instalmentPlan.programmeVersion", equalTo(1))
                .body("instalmentPlan.fee", equalTo(36.00f)).body("instalmentPlan.cardholderTotal", equalTo(1200.00f));
        as("merchant-ops").get("/v1/card-transactions/" + first + "/instalment-plan").then().statusCode(200)
                .body("programmeVersion", equalTo(0)).body("feeBearer", equalTo("CARDHOLDER"))
                .body("monthlyFeeRate", equalTo(0.006f));
        as("crm-admin").get("/v1/instalment-programmes/" + id).then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void withoutAProgrammeOrBelowItsMinimumThereAreNoInstalments() {
        CardFixtures.Shop shop = CardFixtures.activeShop();
        Map<String, Object> sale = shop.sale("1000.00");
        sale.put("instalmentTenor", 3);
        as("integration").body(sale).post("/v1/card-transactions").then().statusCode(400)
                .body("errors[0].message", notNullValue());
        shop.instalmentProgramme("CARDHOLDER");
        sale.put("amount", new BigDecimal("599.99"));
        as("integration").body(sale).post("/v1/card-transactions").then().statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        String id = as("integration").body(shop.sale("100.00")).post("/v1/card-transactions").then().statusCode(201)
                .body("instalmentPlan", nullValue()).extract().path("id");
        as("merchant-ops").get("/v1/card-transactions/" + id + "/instalment-plan").then().statusCode(404);
        as("merchant-ops").get("/v1/instalment-programmes/" + UUID.randomUUID()).then().statusCode(404);
    }

    /** The instalments of an answer, summed exactly (read as decimals, not floats). */
    private static BigDecimal sum(String answer) throws java.io.IOException {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode instalment : new ObjectMapper().readTree(answer).at("/instalmentPlan/instalments")) {
            sum = sum.add(new BigDecimal(instalment.path("amount").asText()));
        }
        return sum;
    }
}
