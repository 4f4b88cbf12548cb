package io.bankcrm.merchant.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.events.Topics;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.KafkaProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.bankcrm.merchant.api.Merchants.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refunds end to end: proportional reversal, budgets restored, 404 and 409, replay, the refund event. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class RefundApiTest {

    @BeforeEach
    void feeRule() {
        CardFixtures.feeRuleForSupermarketCreditCards();
    }

    @Test
    void aPartialRefundRestoresEachBudgetInProportionAndTheLastOneClearsEverything() throws Exception {
        CardFixtures.Shop shop = CardFixtures.activeShop();
        String offer = shop.coFundedHalfPrice(1000, 1000);
        UUID customer = UUID.randomUUID();
        Map<String, Object> sale = shop.saleTo(customer, "200.00");
        String id = as("integration").body(sale).post("/v1/card-transactions").then().statusCode(201)
                .body("cardholderPays", equalTo(100.00f)).extract().path("id");

        try (KafkaProbe probe = KafkaProbe.on(Topics.MERCHANT)) {
            // half of the 100.00 charged: half of each part back
            as("integration").body(Map.of("refundReference", "RF" + ref(id) + "a", "amount", new BigDecimal("50.00")))
                    .post("/v1/card-transactions/" + id + "/refunds").then().statusCode(201)
                    .body("merchantDiscountReversed", equalTo(20.00f))
                    .body("bankDiscountReversed", equalTo(30.00f))
                    .body("issuerFeeReversed", equalTo(0.21f))
                    .body("acquirerFeeReversed", equalTo(0.06f))
                    .body("networkFeeReversed", equalTo(0.03f))
                    // 50.00 back to the card + the bank's 30.00 subsidy − the 0.30 fee given back to the merchant
                    .body("merchantNetReversed", equalTo(79.70f))
                    .body("remaining", equalTo(50.00f))
                    .body("fullyRefunded", equalTo(false));
            as("merchant-ops").get("/v1/offers/" + offer).then()
                    .body("budgets.find { it.funder == 'MERCHANT' }.drawn", equalTo(20.00f))
                    .body("budgets.find { it.funder == 'BANK' }.drawn", equalTo(30.00f));

            as("integration").body(Map.of("refundReference", "RF" + ref(id) + "b", "amount", new BigDecimal("50.01")))
                    .post("/v1/card-transactions/" + id + "/refunds").then().statusCode(409)
                    .body("type", equalTo("https://problems.bankcrm.io/refund-exceeds-remainder"));

            as("integration").body(Map.of("refundReference", "RF" + ref(id) + "c", "amount", new BigDecimal("50.00")))
                    .post("/v1/card-transactions/" + id + "/refunds").then().statusCode(201)
                    .body("remaining", equalTo(0.0f)).body("fullyRefunded", equalTo(true));
            as("merchant-ops").get("/v1/offers/" + offer).then()
                    .body("budgets.drawn", contains(0.0f, 0.0f));
            as("merchant-ops").get("/v1/card-transactions/" + id + "/refunds").then().statusCode(200)
                    .body("", hasSize(2)).body("amount", contains(50.00f, 50.00f));

            var events = probe.await(r -> id.equals(r.key())
                    && "crm.merchant.card-refund-recorded".equals(KafkaProbe.header(r, "ce_type")), 2,
                    Duration.ofSeconds(30));
            JsonNode first = new ObjectMapper().readTree(KafkaProbe.value(events.get(0)));
            assertEquals(customer.toString(), first.get("customerId").asText());
            assertEquals(0, new BigDecimal("50.00").compareTo(first.get("amount").decimalValue()));
            assertEquals("5411", first.get("mcc").asText());
            // the sale's time (PostgreSQL keeps it to the microsecond, rounded), for the month it belongs to
            Duration off = Duration.between(java.time.Instant.parse((String) sale.get("occurredAt")),
                    java.time.Instant.parse(first.get("originalOccurredAt").asText())).abs();
            assertTrue(off.toNanos() <= 1000, "originalOccurredAt is the sale's time, off by " + off);
            assertTrue(new ObjectMapper().readTree(KafkaProbe.value(events.get(1))).get("fullyRefunded").asBoolean());
        }
    }

    @Test
    void aRepeatedRefundReferenceReplaysAndAnUnknownTransactionIsNotFound() {
        String id = CardFixtures.activeShop().sell("80.00");
        Map<String, Object> refund = Map.of("refundReference", "RF" + ref(id), "amount", new BigDecimal("10.00"));
        String refundId = as("integration").body(refund).post("/v1/card-transactions/" + id + "/refunds").then()
                .statusCode(201).extract().path("id");
        as("integration").body(refund).post("/v1/card-transactions/" + id + "/refunds").then().statusCode(200)
                .body("id", equalTo(refundId)).body("remaining", equalTo(70.00f));
        as("integration").body(Map.of("refundReference", "RF" + ref(id), "amount", new BigDecimal("11.00")))
                .post("/v1/card-transactions/" + id + "/refunds").then().statusCode(422);
        as("integration").body(Map.of("refundReference", "RFunknown" + ref(id), "amount", new BigDecimal("1.00")))
                .post("/v1/card-transactions/" + UUID.randomUUID() + "/refunds").then().statusCode(404);
        as("integration").body(Map.of("refundReference", "RFpan" + ref(id), "amount", new BigDecimal("1.00"),
                        "note", "4111-1111-1111-1111"))
                .post("/v1/card-transactions/" + id + "/refunds").then().statusCode(400)
                .body("errors.field", contains("note"));
    }

    /** A reference part from an id: letters between the groups, so no digit run could pass for a card number. */
    static String ref(String id) {
        return CardFixtures.lettered(id);
    }
}
