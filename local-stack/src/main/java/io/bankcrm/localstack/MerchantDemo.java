package io.bankcrm.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.identifiers.UnifiedSocialCreditCode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Flow 2 of the demo, through merchant-service's public API: a supermarket applies and is onboarded to ACTIVE (with
 * its agreement's in-kind obligation: the bank promotes it in 20 branches), a co-funded half-price offer (merchant
 * 20 %, bank 30 %) goes live, a cardholder pays 200.00 with a card and gets 100.00 back in part, and the day's
 * settlement statement is pointed at (built by the settlement job after the day's cut-off). Skipped, saying so,
 * when merchant-service is not running. {@link DemoData} calls it after flow 1.
 */
final class MerchantDemo {

    private static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    private MerchantDemo(String base, PrivateKey key, String issuer) throws Exception {
        this.base = base;
        for (String role : List.of("merchant-ops", "risk-analyst", "crm-admin", "integration")) {
            tokens.put(role, DevToken.token(key, issuer, "demo-" + role, DevToken.DEFAULT_BRANCH, List.of(role), 3600));
        }
    }

    /** Runs flow 2 against merchant-service at {@code CRM_MERCHANT_URL} (default: ./crm's port 8084). */
    static void load(PrivateKey key, String issuer) throws Exception {
        String base = System.getenv().getOrDefault("CRM_MERCHANT_URL", "http://localhost:8084");
        MerchantDemo demo = new MerchantDemo(base, key, issuer);
        if (!demo.running()) {
            System.out.println("merchant-service is not running at " + base + ": flow 2 (merchants) skipped");
            return;
        }
        demo.flow();
    }

    private boolean running() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void flow() throws IOException, InterruptedException {
        System.out.println();
        System.out.println("flow 2: a partner merchant, a co-funded offer, a card transaction, a refund, settlement ...");
        boolean ruled = call("crm-admin", "GET", "/v1/fee-split-rules?mccGroup=ESSENTIALS&limit=200", null, null)
                .body().path("items").findValuesAsText("cardType").contains("CREDIT");
        if (!ruled) {
            call("crm-admin", "POST", "/v1/fee-split-rules", Map.of("mccGroup", "ESSENTIALS", "cardType", "CREDIT",
                    "effectiveFrom", "2020-01-01", "merchantDiscountRate", new BigDecimal("0.006"), "issuerShare", 7,
                    "acquirerShare", 2, "networkShare", 1, "onUsViaNetwork", false), null);
        }
        String first17 = "91350102MA2Y" + String.format("%05d", Math.floorMod(Instant.now().getEpochSecond(), 100_000));
        String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        String rep17 = "35010219780315002";
        Map<String, Object> address = Map.of("province", "福建省", "city", "福州市", "district", "鼓楼区",
                "street", "五四路 158 号", "postcode", "350001");
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("registeredName", "福州闽江超市有限公司");
        application.put("creditCode", code);
        application.put("licenceNumber", code);
        application.put("licenceExpiry", "2035-12-31");
        application.put("legalRepresentative", Map.of("name", "林晓峰",
                "residentIdNumber", rep17 + ResidentIdNumber.checkCharacter(rep17)));
        application.put("mcc", "5411");
        application.put("registeredAddress", address);
        application.put("businessAddress", address);
        application.put("settlementAccount", Map.of("accountName", "福州闽江超市有限公司", "bankCode", "313391080007",
                "accountNumber", "35010012345678"));
        String merchant = call("merchant-ops", "POST", "/v1/merchants", application, null).body().path("id").asText();
        for (String type : List.of("BUSINESS_LICENCE", "LEGAL_REPRESENTATIVE_ID", "SETTLEMENT_ACCOUNT_PROOF",
                "PREMISES_PHOTOS")) {
            call("merchant-ops", "POST", "/v1/merchants/" + merchant + "/onboarding/documents", Map.of("type", type), null);
        }
        String terminal = String.format("FZ%06d", Math.floorMod(Instant.now().getEpochSecond(), 1_000_000));
        step(merchant, "merchant-ops", Map.of("step", "VERIFY_DOCUMENTS"));
        step(merchant, "risk-analyst", Map.of("step", "ASSESS_RISK", "riskDecision", "APPROVED", "riskScore", 18,
                "riskReasons", List.of("三年无拒付记录")));
        step(merchant, "merchant-ops", Map.of("step", "SIGN_AGREEMENT"));
        step(merchant, "merchant-ops", Map.of("step", "INSTALL_TERMINALS", "terminalIds", List.of(terminal)));
        step(merchant, "merchant-ops", Map.of("step", "COMPLETE_TRAINING"));
        step(merchant, "merchant-ops", Map.of("step", "ACTIVATE"));
        System.out.println("  merchant " + merchant + " onboarded to ACTIVE, terminal " + terminal);

        LocalDate today = LocalDate.now(BANK_ZONE);
        String agreement = call("merchant-ops", "GET", "/v1/merchants/" + merchant + "/agreement", null, null).etag();
        call("merchant-ops", "POST", "/v1/merchants/" + merchant + "/agreement/obligations", Map.of("obligor", "BANK",
                "description", "本行在 20 家网点宣传该商户的五折优惠", "target", 20, "unit", "branches",
                "dueBy", today.plusDays(30).toString()), agreement);
        System.out.println("  its agreement: the bank promotes it in 20 branches by " + today.plusDays(30));

        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("merchantId", merchant);
        offer.put("name", "周末半价 (商户 20% + 本行 30%)");
        offer.put("type", "CO_FUNDED");
        offer.put("shares", Map.of("merchant", new BigDecimal("0.20"), "bank", new BigDecimal("0.30")));
        offer.put("validFrom", today.minusDays(1).toString());
        offer.put("validTo", today.plusDays(30).toString());
        offer.put("priority", 1);
        offer.put("exhaustionPolicy", "STOP_OFFER");
        offer.put("budgets", Map.of("merchant", new BigDecimal("2000.00"), "bank", new BigDecimal("3000.00")));
        Answer created = call("merchant-ops", "POST", "/v1/offers", offer, null);
        String offerId = created.body().path("id").asText();
        call("merchant-ops", "POST", "/v1/offers/" + offerId + "/status", Map.of("action", "SCHEDULE"), created.etag());
        System.out.println("  co-funded half-price offer " + offerId + " LIVE (budgets: merchant 2,000.00, bank 3,000.00)");

        Map<String, Object> sale = new LinkedHashMap<>();
        sale.put("switchReference", "SWDEMO" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "x");
        sale.put("merchantId", merchant);
        sale.put("terminalId", terminal);
        sale.put("cardToken", "tok_demo_" + UUID.randomUUID().toString().substring(0, 8) + "x");
        sale.put("cardLastFour", "4321");
        sale.put("cardBin", "622588");
        sale.put("cardType", "CREDIT");
        sale.put("customerId", UUID.randomUUID().toString());
        sale.put("amount", new BigDecimal("200.00"));
        sale.put("currency", "CNY");
        sale.put("occurredAt", Instant.now().toString());
        JsonNode tx = call("integration", "POST", "/v1/card-transactions", sale, null).body();
        String transaction = tx.path("id").asText();
        System.out.println("  card transaction " + transaction + ": 200.00, the cardholder pays "
                + tx.path("cardholderPays").asText() + " (merchant " + tx.at("/offer/merchantPart").asText()
                + " + bank " + tx.at("/offer/bankPart").asText() + " off), fee " + tx.at("/fee/fee").asText() + " = "
                + tx.at("/fee/issuer").asText() + " issuer + " + tx.at("/fee/acquirer").asText() + " acquirer + "
                + tx.at("/fee/network").asText() + " network, merchant net " + tx.path("merchantNet").asText());
        JsonNode refund = call("integration", "POST", "/v1/card-transactions/" + transaction + "/refunds",
                Map.of("refundReference", "RFDEMO" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "x",
                        "amount", new BigDecimal("50.00")), null).body();
        System.out.println("  refund of 50.00: merchant's discount back " + refund.path("merchantDiscountReversed").asText()
                + ", bank's " + refund.path("bankDiscountReversed").asText() + ", the merchant gives back "
                + refund.path("merchantNetReversed").asText() + "; " + refund.path("remaining").asText() + " left");
        String day = tx.path("settlementDay").asText();
        System.out.println();
        System.out.println("  the transaction   " + base + "/v1/card-transactions/" + transaction);
        System.out.println("  the offer         " + base + "/v1/offers/" + offerId + " (budgets drawn)");
        System.out.println("  the agreement     " + base + "/v1/merchants/" + merchant + "/agreement");
        System.out.println("  the statement     " + base + "/v1/merchants/" + merchant + "/settlements?date=" + day
                + " (built by the settlement job once " + day + "'s cut-off has passed; CSV with Accept: text/csv)");
        System.out.println("  call them with    curl -H \"Authorization: Bearer $(./crm token merchant-ops)\" URL");
    }

    private void step(String merchant, String role, Map<String, Object> step) throws IOException, InterruptedException {
        String etag = call("merchant-ops", "GET", "/v1/merchants/" + merchant, null, null).etag();
        call(role, "POST", "/v1/merchants/" + merchant + "/onboarding/steps", step, etag);
    }

    private record Answer(JsonNode body, String etag) {
    }

    private Answer call(String role, String method, String path, Object body, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.get(role)).header("Content-Type", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoData.DemoFailed(method + " " + base + path + " failed: " + e.getMessage());
        }
        if (answer.statusCode() / 100 != 2) {
            throw new DemoData.DemoFailed(method + " " + base + path + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return new Answer(answer.body().isEmpty() ? json.createObjectNode() : json.readTree(answer.body()),
                answer.headers().firstValue("ETag").orElse(null));
    }
}
