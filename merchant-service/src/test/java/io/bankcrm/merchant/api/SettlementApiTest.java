package io.bankcrm.merchant.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.merchant.service.Settlements;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.Metrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.bankcrm.merchant.api.Merchants.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settlement end to end: a merchant-day with a co-funded sale, an interest-free instalment sale, a plain sale and
 * two refunds; the day's job stores the statement, whose every figure equals an independent sum over the day's
 * transaction and refund rows (and the figures worked out by hand); the CSV download; 404 and 400.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class SettlementApiTest {

    @Inject
    EntityManager em;

    @Inject
    Settlements settlements;

    @BeforeEach
    void feeRule() {
        CardFixtures.feeRuleForSupermarketCreditCards();
    }

    @Test
    void theDaysStatementReconcilesWithItsTransactionsToTheFen() throws Exception {
        CardFixtures.Shop shop = CardFixtures.activeShop();
        String merchant = shop.merchant();
        String terminal = shop.terminal();
        shop.coFundedHalfPrice(40, 60);
        shop.instalmentProgramme("MERCHANT");
        // 200.00 half price: merchant 40.00 + bank 60.00, charged 100.00, fee 0.60, net 159.40
        String coFunded = sale(merchant, terminal, "200.00", null);
        // 1000.01 in 3 (the offer's budget is spent): fee 6.00, plan fee 22.50 borne by the merchant, net 971.51
        String instalments = sale(merchant, terminal, "1000.01", 3);
        // 77.77: fee 0.47 = 0.33 + 0.09 + 0.05, net 77.30
        sale(merchant, terminal, "77.77", null);
        // half of the charge back: 20.00 + 30.00 to the budgets, 0.30 of the fee; the merchant gives back 79.70
        refund(coFunded, "50.00");
        // 500.00 back: fee 3.00 reversed, the plan's fee recomputed on 500.01 (11.25), 11.25 back: 485.75
        refund(instalments, "500.00");

        LocalDate day = LocalDate.of(2015, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update card_transaction set settlement_day = ?2 where merchant_id = ?1")
                    .setParameter(1, UUID.fromString(merchant)).setParameter(2, day).executeUpdate();
            em.createNativeQuery("update card_refund set settlement_day = ?2 where merchant_id = ?1")
                    .setParameter(1, UUID.fromString(merchant)).setParameter(2, day).executeUpdate();
        });
        String path = "/v1/merchants/" + merchant + "/settlements?date=" + day;
        as("merchant-ops").get(path).then().statusCode(404).body("detail", containsString("has not completed"));

        Metrics before = Metrics.scrape();
        assertTrue(QuarkusTransaction.requiringNew().call(() -> settlements.submit(day, "test")).isPresent());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> settlements.submit(day, "test")).isEmpty(),
                "one job per day");
        JsonNode statement = await(path);

        assertAmount("642.76", decimal(statement, "/netPayable"));
        assertAmount("1277.78", decimal(statement, "/grossSales"));
        assertAmount("600.00", decimal(statement, "/grossRefunded"));
        assertAmount("500.01", decimal(statement, "/instalmentPrincipal"));
        assertAmount("11.25", decimal(statement, "/merchantInstalmentFees"));
        assertEquals(5, statement.path("lineCount").asInt());
        // the settlement totals (other days' jobs may store statements meanwhile: at least this one's figures)
        awaitTotals(before, 1277.78, 600.00, 642.76);

        Map<String, String> independent = new LinkedHashMap<>();
        independent.put("/grossSales", "select coalesce(sum(amount), 0) from card_transaction where %s");
        independent.put("/grossRefunded", "select coalesce(sum(amount + discount_merchant + discount_bank"
                + " + discount_network), 0) from card_refund where %s");
        for (String funder : List.of("merchant", "bank", "network")) {
            independent.put("/discounts/" + funder, "select (select coalesce(sum(discount_" + funder + "), 0) from"
                    + " card_transaction where %1$s) - (select coalesce(sum(discount_" + funder + "), 0) from"
                    + " card_refund where %1$s)");
        }
        independent.put("/cardholderRefunds", "select coalesce(sum(amount), 0) from card_refund where %s");
        for (String party : List.of("issuer", "acquirer", "network")) {
            independent.put("/fees/" + party, "select (select coalesce(sum(fee_" + party + "), 0) from"
                    + " card_transaction where %1$s) - (select coalesce(sum(fee_" + party + "), 0) from"
                    + " card_refund where %1$s)");
        }
        independent.put("/instalmentPrincipal", "select (select coalesce(sum(cardholder_pays), 0) from"
                + " card_transaction where instalment_tenor is not null and %1$s) - (select"
                + " coalesce(sum(principal_reduced), 0) from card_refund where %1$s)");
        independent.put("/merchantInstalmentFees", "select (select coalesce(sum(merchant_instalment_fee), 0) from"
                + " card_transaction where %1$s) - (select coalesce(sum(merchant_instalment_fee_reversed), 0)"
                + " from card_refund where %1$s)");
        independent.put("/netPayable", "select (select coalesce(sum(merchant_net), 0) from card_transaction where"
                + " %1$s) - (select coalesce(sum(merchant_net_reversed), 0) from card_refund where %1$s)");
        String where = "merchant_id = '" + merchant + "' and settlement_day = '" + day + "'";
        for (Map.Entry<String, String> figure : independent.entrySet()) {
            BigDecimal sum = QuarkusTransaction.requiringNew().call(() -> (BigDecimal) em.createNativeQuery(
                    String.format(figure.getValue(), where)).getSingleResult());
            assertEquals(0, sum.compareTo(decimal(statement, figure.getKey())), figure.getKey() + ": " + sum);
        }
        BigDecimal lines = BigDecimal.ZERO;
        for (JsonNode line : statement.path("lines")) {
            lines = lines.add(new BigDecimal(line.path("net").asText()));
        }
        assertAmount("642.76", lines);
        assertEquals(List.of("SALE", "SALE", "SALE", "REFUND", "REFUND"),
                statement.findValuesAsText("kind"));

        Response csv = as("integration").accept("text/csv").get(path);
        assertEquals(200, csv.statusCode(), csv.asString());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        String[] rows = csv.asString().split("\r\n");
        assertEquals(7, rows.length);
        assertTrue(rows[0].startsWith("kind,seq,reference,at,gross,"));
        assertTrue(rows[1].startsWith("SALE,1," + coFunded + ","), rows[1]);
        assertTrue(rows[1].endsWith(",159.40"), rows[1]);
        assertEquals("TOTAL,,,,677.78,20.00,30.00,0.00,550.00,2.64,0.75,0.38,500.01,11.25,0.00,0.00,642.76", rows[6]);

        as("merchant-ops").get("/v1/merchants/" + merchant + "/settlements?date=" + day.plusDays(1)).then()
                .statusCode(404);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        as("merchant-ops").get("/v1/merchants/" + merchant + "/settlements?date=" + today.plusDays(2)).then()
                .statusCode(404).body("detail", containsString("closes at"));
    }

    @Test
    void refusesWhatIsNotADayOrNotAMerchantOrNotAllowed() {
        String merchant = Merchants.register(Merchants.application());
        as("merchant-ops").get("/v1/merchants/" + merchant + "/settlements?date=2026-13-01").then().statusCode(400)
                .body("errors[0].field", equalTo("date"));
        as("merchant-ops").get("/v1/merchants/" + merchant + "/settlements").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        as("merchant-ops").get("/v1/merchants/" + UUID.randomUUID() + "/settlements?date=2020-01-01").then()
                .statusCode(404);
        as("risk-analyst").get("/v1/merchants/" + merchant + "/settlements?date=2020-01-01").then().statusCode(403);
    }

    private static String sale(String merchant, String terminal, String amount, Integer tenor) {
        Map<String, Object> sale = CardFixtures.sale(merchant, terminal, amount);
        if (tenor != null) {
            sale.put("instalmentTenor", tenor);
        }
        return as("integration").body(sale).post("/v1/card-transactions").then().statusCode(201).extract().path("id");
    }

    private static void refund(String transaction, String amount) {
        CardFixtures.refund(transaction, amount);
    }

    private static void awaitTotals(Metrics before, double grossSales, double grossRefunded, double payable)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Metrics after = Metrics.scrape();
            double statements = after.value("crm_settlement_statements_total") - before.value("crm_settlement_statements_total");
            double sales = delta(before, after, "gross_sales");
            double refunded = delta(before, after, "gross_refunded");
            double paid = delta(before, after, "payable");
            if (statements >= 1 && sales >= grossSales - 0.001 && refunded >= grossRefunded - 0.001
                    && paid >= payable - 0.001) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("settlement totals moved by " + statements + " statements, gross sales "
                        + sales + ", refunded " + refunded + ", payable " + paid);
            }
            Thread.sleep(100);
        }
    }

    private static double delta(Metrics before, Metrics after, String figure) {
        Map<String, String> labels = Map.of("figure", figure, "currency", "CNY");
        return after.value("crm_settlement_amount_total", labels) - before.value("crm_settlement_amount_total", labels);
    }

    private static JsonNode await(String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Response r = as("merchant-ops").get(path);
            if (r.statusCode() == 200) {
                return new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                        .readTree(r.asString());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no statement at " + path + ": " + r.asString());
            }
            Thread.sleep(250);
        }
    }

    /** Equal amounts, whatever their scale in the JSON (the figures worked out by hand). */
    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), expected + " expected, was " + actual);
    }

    private static BigDecimal decimal(JsonNode node, String pointer) {
        return new BigDecimal(node.at(pointer).asText());
    }
}
