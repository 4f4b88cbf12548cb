package io.bankcrm.merchant.api;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.bankcrm.merchant.api.Merchants.as;
import static org.hamcrest.Matchers.equalTo;

/**
 * The set-up the card tests share, through the API: the fee rule for supermarket credit cards, an ACTIVE shop with
 * its terminal, LIVE offers, instalment programmes, sales and refunds.
 */
public final class CardFixtures {

    private CardFixtures() {
    }

    /** An ACTIVE supermarket and its one terminal. */
    public record Shop(String merchant, String terminal) {

        /** A credit-card sale of {@code amount} at this shop, not yet posted (a fresh switch reference and card). */
        public Map<String, Object> sale(String amount) {
            return CardFixtures.sale(merchant, terminal, amount);
        }

        /** The same sale with the cardholder's customer id. */
        public Map<String, Object> saleTo(UUID customer, String amount) {
            Map<String, Object> sale = sale(amount);
            sale.put("customerId", customer.toString());
            return sale;
        }

        /** Posts a sale (201 expected) and gives its id. */
        public String sell(Map<String, Object> sale) {
            return as("integration").body(sale).post("/v1/card-transactions").then().statusCode(201).extract()
                    .path("id");
        }

        /** Posts a plain sale of {@code amount} and gives its id. */
        public String sell(String amount) {
            return sell(sale(amount));
        }

        /** The co-funded half price: merchant 20 %, bank 30 %, with these budgets, STOP_OFFER, priority 1. */
        public String coFundedHalfPrice(int merchantBudget, int bankBudget) {
            return liveOffer(merchant, "CO_FUNDED", Map.of("merchant", 0.20, "bank", 0.30),
                    Map.of("merchant", merchantBudget, "bank", bankBudget), "STOP_OFFER", 1);
        }

        /** An instalment programme of 3 months at 0.75 % and 12 months at 0.60 % a month, from 600.00. */
        public String instalmentProgramme(String feeBearer) {
            return as("merchant-ops").body(instalmentTerms(merchant, feeBearer)).post("/v1/instalment-programmes")
                    .then().statusCode(201).extract().path("id");
        }
    }

    /** Registers a supermarket with a fresh terminal and takes it to ACTIVE. */
    public static Shop activeShop() {
        String terminal = Merchants.terminalId();
        return new Shop(Merchants.active(List.of(terminal)), terminal);
    }

    /** The fee rule every card test relies on (0.6 %, 7:2:1), created once per database. */
    public static void feeRuleForSupermarketCreditCards() {
        boolean present = as("crm-admin").get("/v1/fee-split-rules?mccGroup=ESSENTIALS&limit=200").then()
                .statusCode(200).extract().<List<String>>path("items.cardType").contains("CREDIT");
        if (!present) {
            as("crm-admin").body(Map.of("mccGroup", "ESSENTIALS", "cardType", "CREDIT", "effectiveFrom", "2020-01-01",
                    "merchantDiscountRate", 0.006, "issuerShare", 7, "acquirerShare", 2, "networkShare", 1,
                    "onUsViaNetwork", false)).post("/v1/fee-split-rules").then().statusCode(201);
        }
    }

    /** A LIVE offer (scheduled, valid from yesterday) of the merchant. */
    public static String liveOffer(String merchant, String type, Map<String, Object> shares,
                                   Map<String, Object> budgets, String policy, int priority) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Object> form = new HashMap<>();
        form.put("merchantId", merchant);
        form.put("name", type + " offer");
        form.put("type", type);
        form.put("shares", shares);
        form.put("validFrom", today.minusDays(1).toString());
        form.put("validTo", today.plusDays(30).toString());
        form.put("priority", priority);
        form.put("exhaustionPolicy", policy);
        form.put("budgets", budgets);
        ExtractableResponse<Response> created = as("merchant-ops").body(form).post("/v1/offers").then()
                .statusCode(201).body("status", equalTo("DRAFT")).extract();
        String id = created.path("id");
        as("merchant-ops").header("If-Match", created.header("ETag")).body(Map.of("action", "SCHEDULE"))
                .post("/v1/offers/" + id + "/status").then().statusCode(200).body("status", equalTo("LIVE"));
        return id;
    }

    /** The body of an instalment programme of the merchant (3 and 12 months, from 600.00). */
    public static Map<String, Object> instalmentTerms(String merchant, String feeBearer) {
        return Map.of("merchantId", merchant, "feeBearer", feeBearer, "minPrincipal", new BigDecimal("600.00"),
                "rates", List.of(Map.of("tenorMonths", 3, "monthlyFeeRate", new BigDecimal("0.0075")),
                        Map.of("tenorMonths", 12, "monthlyFeeRate", new BigDecimal("0.0060"))));
    }

    public static Map<String, Object> sale(String merchant, String terminal, String amount) {
        Map<String, Object> sale = new HashMap<>();
        sale.put("switchReference", "SW" + unique());
        sale.put("merchantId", merchant);
        sale.put("terminalId", terminal);
        sale.put("cardToken", "tok_" + unique());
        sale.put("cardLastFour", "1234");
        sale.put("cardBin", "400000");
        sale.put("cardType", "CREDIT");
        sale.put("amount", new BigDecimal(amount));
        sale.put("currency", "CNY");
        sale.put("occurredAt", Instant.now().toString());
        return sale;
    }

    /** A refund of {@code amount} with a fresh reference, not yet posted. */
    public static Map<String, Object> refund(String amount) {
        return Map.of("refundReference", "RF" + unique(), "amount", new BigDecimal(amount));
    }

    /** Posts a refund of the transaction and expects 201. */
    public static ExtractableResponse<Response> refund(String transaction, String amount) {
        return as("integration").body(refund(amount)).post("/v1/card-transactions/" + transaction + "/refunds")
                .then().statusCode(201).extract();
    }

    /**
     * 36 characters of a random UUID with a letter after every six hex digits: never a run of 12 digits, which the
     * card number screen would take for a PAN one time in ten (a UUID's last group is all digits 1 in 280).
     */
    public static String unique() {
        return lettered(UUID.randomUUID().toString());
    }

    /** The id's 32 hex digits with an x after every six. */
    public static String lettered(String uuid) {
        String hex = uuid.replace("-", "");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < hex.length(); i++) {
            s.append(hex.charAt(i));
            if (i % 6 == 5) {
                s.append('x');
            }
        }
        return s.toString();
    }
}
