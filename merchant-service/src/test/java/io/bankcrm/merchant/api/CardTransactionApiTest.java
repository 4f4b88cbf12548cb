package io.bankcrm.merchant.api;

import io.bankcrm.events.Topics;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.KafkaProbe;
import io.bankcrm.platform.testing.Metrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.bankcrm.merchant.api.CardFixtures.liveOffer;
import static io.bankcrm.merchant.api.CardFixtures.sale;
import static io.bankcrm.merchant.api.CardFixtures.unique;
import static io.bankcrm.merchant.api.Merchants.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Card transactions end to end on the real PostgreSQL and Kafka: the co-funded half price, the budget under 50
 * concurrent transactions, the repeated switch reference, the full card number refused and found nowhere.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class CardTransactionApiTest {

    static final String PAN = "4111111111111111";

    @Inject
    EntityManager em;

    @BeforeEach
    void feeRule() {
        CardFixtures.feeRuleForSupermarketCreditCards();
    }

    @Test
    void aCoFundedHalfPriceDealGivesTheExactSharesAndTheFeeSplit() {
        String terminal = Merchants.terminalId();
        String merchant = Merchants.active(List.of(terminal));
        String offer = liveOffer(merchant, "CO_FUNDED", Map.of("merchant", 0.20, "bank", 0.30),
                Map.of("merchant", 1000, "bank", 1000), "STOP_OFFER", 1);
        UUID customer = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on(Topics.MERCHANT)) {
            Map<String, Object> sale = sale(merchant, terminal, "200.00");
            sale.put("customerId", customer.toString());
            ExtractableResponse<Response> answer = as("integration").body(sale).post("/v1/card-transactions")
                    .then().statusCode(201).extract();
            assertEquals(offer, answer.path("offer.offerId"));
            assertEquals(100.00f, answer.<Float>path("offer.discount"));
            assertEquals(40.00f, answer.<Float>path("offer.merchantPart"));
            assertEquals(60.00f, answer.<Float>path("offer.bankPart"));
            assertEquals(100.00f, answer.<Float>path("cardholderPays"));
            // 0.6% of the 100.00 charged, 7:2:1
            assertEquals(0.60f, answer.<Float>path("fee.fee"));
            assertEquals(0.42f, answer.<Float>path("fee.issuer"));
            assertEquals(0.12f, answer.<Float>path("fee.acquirer"));
            assertEquals(0.06f, answer.<Float>path("fee.network"));
            // 200.00 − the merchant's own 40.00 − the fee 0.60
            assertEquals(159.40f, answer.<Float>path("merchantNet"));
            assertEquals(Map.of("token", sale.get("cardToken"), "lastFour", "1234", "type", "CREDIT", "onUs", false),
                    answer.path("card"));
            String id = answer.path("id");
            as("merchant-ops").get("/v1/card-transactions/" + id).then().statusCode(200)
                    .body("offer.bankPart", equalTo(60.00f)).body("fee.ruleId", equalTo(answer.path("fee.ruleId")));
            as("merchant-ops").get("/v1/offers/" + offer).then().statusCode(200)
                    .body("budgets.find { it.funder == 'MERCHANT' }.drawn", equalTo(40.00f))
                    .body("budgets.find { it.funder == 'BANK' }.remaining", equalTo(940.00f));

            var spent = probe.await(r -> id.equals(r.key())
                    && "crm.merchant.card-spending-recorded".equals(KafkaProbe.header(r, "ce_type")), 1,
                    Duration.ofSeconds(30));
            String event = KafkaProbe.value(spent.get(0));
            assertTrue(event.contains(customer.toString()) && event.contains("100.00") && event.contains("5411"), event);
            assertFalse(event.contains((String) sale.get("cardToken")), "no card data on Kafka: " + event);
        }
    }

    @Test
    void theOfferWithTheHighestBenefitAppliesAndTheAnswerSaysWhyTheOthersDidNot() {
        String terminal = Merchants.terminalId();
        String merchant = Merchants.active(List.of(terminal));
        String small = liveOffer(merchant, "MERCHANT_FUNDED", Map.of("merchant", 0.05), Map.of("merchant", 1000),
                "STOP_OFFER", 1);
        String big = liveOffer(merchant, "MERCHANT_FUNDED", Map.of("merchant", 0.15), Map.of("merchant", 1000),
                "STOP_OFFER", 2);
        Map<String, Object> sale = sale(merchant, terminal, "100.00");
        as("integration").body(sale).post("/v1/card-transactions").then().statusCode(201)
                .body("offer.offerId", equalTo(big))
                .body("offer.discount", equalTo(15.00f))
                .body("notApplied.offerId", contains(small))
                .body("notApplied.reason", contains("OUTRANKED"));
        Map<String, Object> tooSmall = sale(merchant, terminal, "100.00");
        tooSmall.put("cardBin", "622588"); // the bank's own card: on-us, issuer and acquirer shares are the bank's
        as("integration").body(tooSmall).post("/v1/card-transactions").then().statusCode(201)
                .body("card.onUs", equalTo(true))
                .body("fee.network", equalTo(0.0f));
    }

    @Test
    void aRepeatedSwitchReferenceCreatesNothingNewAndAnotherBodyIsRefused() {
        String terminal = Merchants.terminalId();
        String merchant = Merchants.active(List.of(terminal));
        String offer = liveOffer(merchant, "MERCHANT_FUNDED", Map.of("merchant", 0.10), Map.of("merchant", 1000),
                "STOP_OFFER", 1);
        Map<String, Object> sale = sale(merchant, terminal, "300.00");
        String id = as("integration").body(sale).post("/v1/card-transactions").then().statusCode(201)
                .extract().path("id");
        as("integration").body(sale).post("/v1/card-transactions").then().statusCode(200)
                .body("id", equalTo(id)).body("offer.discount", equalTo(30.00f));
        Map<String, Object> other = new HashMap<>(sale);
        other.put("amount", new java.math.BigDecimal("301.00"));
        as("integration").body(other).post("/v1/card-transactions").then().statusCode(422)
                .body("type", equalTo("https://problems.bankcrm.io/switch-reference-reused"));
        long rows = count("select count(*) from card_transaction where switch_reference = '"
                + sale.get("switchReference") + "'");
        assertEquals(1, rows);
        as("merchant-ops").get("/v1/offers/" + offer).then().body("budgets[0].drawn", equalTo(30.00f));
    }

    @Test
    void fiftyConcurrentTransactionsNeverOverspendABudgetThatCoversTen() throws Exception {
        String terminal = Merchants.terminalId();
        String merchant = Merchants.active(List.of(terminal));
        // 10% of 100.00 = 10.00 a transaction; 100.00 covers exactly ten
        String offer = liveOffer(merchant, "MERCHANT_FUNDED", Map.of("merchant", 0.10), Map.of("merchant", 100),
                "STOP_OFFER", 1);
        try (KafkaProbe probe = KafkaProbe.on(Topics.MERCHANT)) {
            ExecutorService pool = Executors.newFixedThreadPool(50);
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Map<String, Object> sale = sale(merchant, terminal, "100.00");
                calls.add(() -> {
                    ExtractableResponse<Response> r = as("integration").body(sale).post("/v1/card-transactions")
                            .then().extract();
                    assertEquals(201, r.statusCode(), r.asString());
                    return r.path("offer.offerId");
                });
            }
            int withOffer = 0;
            for (Future<String> f : pool.invokeAll(calls)) {
                if (f.get() != null) {
                    withOffer++;
                }
            }
            pool.shutdown();
            assertEquals(10, withOffer, "exactly the ten the budget covers get the offer");
            as("merchant-ops").get("/v1/offers/" + offer).then().statusCode(200)
                    .body("budgets[0].drawn", equalTo(100.00f))
                    .body("budgets[0].remaining", equalTo(0.0f))
                    .body("budgets[0].exhausted", equalTo(true))
                    .body("status", equalTo("EXHAUSTED"));
            assertEquals(10, count("select count(*) from card_transaction where offer_id = '" + offer + "'"));
            var exhausted = probe.await(r -> offer.equals(r.key())
                    && "crm.merchant.offer-budget-exhausted".equals(KafkaProbe.header(r, "ce_type")), 1,
                    Duration.ofSeconds(30));
            assertTrue(KafkaProbe.value(exhausted.get(0)).contains("\"offerStops\": true"), KafkaProbe.value(exhausted.get(0)));
            assertEquals(1, probe.collect(r -> offer.equals(r.key())
                    && "crm.merchant.offer-budget-exhausted".equals(KafkaProbe.header(r, "ce_type")),
                    Duration.ofSeconds(3)).size(), "one exhaustion event");

            // a top-up lifts the mark and the offer is LIVE again
            String etag = as("merchant-ops").get("/v1/offers/" + offer).then().extract().header("ETag");
            as("merchant-ops").header("If-Match", etag).body(Map.of("amount", 20))
                    .post("/v1/offers/" + offer + "/budgets/MERCHANT/top-ups").then().statusCode(200)
                    .body("status", equalTo("LIVE"))
                    .body("budgets[0].total", equalTo(120.00f))
                    .body("budgets[0].exhausted", equalTo(false));
            as("integration").body(sale(merchant, terminal, "100.00")).post("/v1/card-transactions").then()
                    .statusCode(201).body("offer.offerId", equalTo(offer));
        }
    }

    @Test
    void aFullCardNumberIsRefusedAndAppearsInNoTableAndNoLogLine() {
        String terminal = Merchants.terminalId();
        String merchant = Merchants.active(List.of(terminal));
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + (record.getThrown() == null ? "" : record.getThrown().toString()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            Map<String, Object> asToken = sale(merchant, terminal, "88.00");
            asToken.put("cardToken", PAN);
            as("integration").body(asToken).post("/v1/card-transactions").then().statusCode(400)
                    .body("errors.field", contains("cardToken"))
                    .body(not(org.hamcrest.Matchers.containsString(PAN)));
            Map<String, Object> spaced = sale(merchant, terminal, "88.00");
            spaced.put("terminalId", "4111 1111 1111 1111");
            as("integration").body(spaced).post("/v1/card-transactions").then().statusCode(400)
                    .body("errors.field", contains("terminalId"));
            Map<String, Object> asNumber = sale(merchant, terminal, "88.00");
            asNumber.put("cardLastFour", Long.parseLong(PAN));
            as("integration").body(asNumber).post("/v1/card-transactions").then().statusCode(400)
                    .body("errors.field", contains("cardLastFour"));
            Map<String, Object> unknownField = sale(merchant, terminal, "88.00");
            unknownField.put("note", "card " + PAN);
            as("integration").body(unknownField).post("/v1/card-transactions").then().statusCode(400)
                    .body("errors.field", contains("note"));
        } finally {
            root.removeHandler(capture);
        }
        logged.forEach(line -> assertFalse(line.replaceAll("[ -]", "").contains(PAN), "logged: " + line));
        @SuppressWarnings("unchecked")
        List<String> tables = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select table_name from information_schema.tables where table_schema = 'public' "
                        + "and table_type = 'BASE TABLE'").getResultList());
        assertTrue(tables.contains("card_transaction") && tables.contains("outbox_event"), tables.toString());
        for (String table : tables) {
            long hits = count("select count(*) from \"" + table + "\" t where regexp_replace(t::text, '[ -]', '', 'g')"
                    + " like '%" + PAN + "%'");
            assertEquals(0, hits, "the card number is in table " + table);
        }
    }

    @Test
    void refusesWhatCannotBeATransactionAtThisMerchant() {
        String terminal = Merchants.terminalId();
        String merchant = Merchants.active(List.of(terminal));
        Map<String, Object> dollars = sale(merchant, terminal, "10.00");
        dollars.put("currency", "USD");
        as("integration").body(dollars).post("/v1/card-transactions").then().statusCode(422)
                .body("type", equalTo("https://problems.bankcrm.io/currency-not-supported"));
        as("integration").body(sale(merchant, Merchants.terminalId(), "10.00")).post("/v1/card-transactions")
                .then().statusCode(409).body("type", equalTo("https://problems.bankcrm.io/terminal-not-of-merchant"));
        String applied = Merchants.register(Merchants.application());
        as("integration").body(sale(applied, terminal, "10.00")).post("/v1/card-transactions").then()
                .statusCode(409).body("type", equalTo("https://problems.bankcrm.io/merchant-not-active"));
        Map<String, Object> allDigits = sale(merchant, terminal, "10.00");
        allDigits.put("switchReference", "1234567890");
        as("integration").body(allDigits).post("/v1/card-transactions").then().statusCode(400)
                .body("errors.field", hasItem("switchReference"));
        as("merchant-ops").body(sale(merchant, terminal, "10.00")).post("/v1/card-transactions").then()
                .statusCode(403);
    }

    @Test
    void anOverlappingFeeSplitRuleIsAConflict() {
        Map<String, Object> rule = new HashMap<>(Map.of("mccGroup", "WHOLESALE_PROPERTY_AUTO", "cardType", "DEBIT",
                "effectiveFrom", "2024-01-01", "effectiveTo", "2024-12-31", "merchantDiscountRate", 0.0035,
                "issuerShare", 7, "acquirerShare", 2, "networkShare", 1, "capPerTransaction", 20,
                "onUsViaNetwork", true));
        as("crm-admin").body(rule).post("/v1/fee-split-rules").then().statusCode(201)
                .body("capPerTransaction", equalTo(20.00f)).body("effectiveTo", equalTo("2024-12-31"));
        rule.put("effectiveFrom", "2024-06-01");
        rule.remove("effectiveTo");
        as("crm-admin").body(rule).post("/v1/fee-split-rules").then().statusCode(409)
                .body("type", equalTo("https://problems.bankcrm.io/overlapping-fee-split-rule"));
        as("merchant-ops").body(rule).post("/v1/fee-split-rules").then().statusCode(403);
    }

    @Test
    void transactionsTheirAmountAndWhatIsLeftOfTheBudgetsAreMetrics() {
        String terminal = Merchants.terminalId();
        String merchant = Merchants.active(List.of(terminal));
        liveOffer(merchant, "CO_FUNDED", Map.of("merchant", 0.20, "bank", 0.30),
                Map.of("merchant", 1000, "bank", 1000), "STOP_OFFER", 1);
        Metrics before = Metrics.scrape();
        as("integration").body(sale(merchant, terminal, "200.00")).post("/v1/card-transactions")
                .then().statusCode(201);
        Metrics after = Metrics.scrape();
        assertEquals(before.value("crm_card_transactions_total") + 1, after.value("crm_card_transactions_total"));
        assertEquals(before.value("crm_card_transaction_amount_total", Map.of("currency", "CNY")) + 200.0,
                after.value("crm_card_transaction_amount_total", Map.of("currency", "CNY")), 0.001);
        assertTrue(after.value("crm_offer_budget_remaining", Map.of("funder", "BANK")) >= 940,
                "the bank's part of the new offer's budget, less this sale's 60, is left to draw");
        double lowest = after.value("crm_offer_budget_lowest_remaining_ratio", Map.of("funder", "MERCHANT"));
        assertTrue(lowest >= 0 && lowest <= 1, "a share: " + lowest);
        assertTrue(after.names().containsAll(Metrics.documentedFor("merchant-service")),
                "every metric docs/OPERATIONS.md gives merchant-service is exported: " + after.names());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
