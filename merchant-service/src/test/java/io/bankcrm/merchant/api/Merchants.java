package io.bankcrm.merchant.api;

import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.identifiers.UnifiedSocialCreditCode;
import io.bankcrm.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Test data and calls for the merchant API: valid applications with fresh credit codes, onboarding to ACTIVE. */
public final class Merchants {

    private Merchants() {
    }

    public static RequestSpecification as(String... roles) {
        return given().header("Authorization", TestTokens.bearer(roles)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asUser(String user, String... roles) {
        return given().header("Authorization", "Bearer " + TestTokens.token(user, roles)).contentType(ContentType.JSON);
    }

    public static String creditCode() {
        String first17 = "91350100" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    public static String residentId() {
        String first17 = "35010219800101" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    public static String terminalId() {
        return String.format("T%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    /** A valid application of a supermarket (MCC 5411, ESSENTIALS: four documents). */
    public static Map<String, Object> application() {
        return application("5411");
    }

    public static Map<String, Object> application(String mcc) {
        String code = creditCode();
        Map<String, Object> address = Map.of("province", "福建省", "city", "福州市", "district", "鼓楼区",
                "street", "五四路 158 号", "postcode", "350001");
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("registeredName", "福州闽江超市有限公司");
        a.put("creditCode", code);
        a.put("licenceNumber", code);
        a.put("licenceExpiry", "2035-12-31");
        a.put("legalRepresentative", Map.of("name", "林晓峰", "residentIdNumber", residentId()));
        a.put("mcc", mcc);
        a.put("registeredAddress", address);
        a.put("businessAddress", address);
        a.put("settlementAccount", Map.of("accountName", "福州闽江超市有限公司", "bankCode", "313391080007",
                "accountNumber", "35010012345678"));
        return new HashMap<>(a);
    }

    public static String register(Map<String, Object> application) {
        return as("merchant-ops").body(application).post("/v1/merchants").then().statusCode(201).extract().path("id");
    }

    public static String etag(String merchantId) {
        return as("merchant-ops").get("/v1/merchants/" + merchantId).then().statusCode(200).extract().header("ETag");
    }

    public static void step(String merchantId, String role, Map<String, Object> step) {
        as(role).header("If-Match", etag(merchantId)).body(step)
                .post("/v1/merchants/" + merchantId + "/onboarding/steps").then().statusCode(200);
    }

    /** Hands in the four documents a supermarket owes. */
    public static void handInDocuments(String id) {
        for (String type : List.of("BUSINESS_LICENCE", "LEGAL_REPRESENTATIVE_ID", "SETTLEMENT_ACCOUNT_PROOF",
                "PREMISES_PHOTOS")) {
            as("merchant-ops").body(Map.of("type", type)).post("/v1/merchants/" + id + "/onboarding/documents")
                    .then().statusCode(200);
        }
    }

    /** Registers a supermarket and takes it all the way to ACTIVE with these terminals. */
    public static String active(List<String> terminals) {
        String id = register(application());
        handInDocuments(id);
        step(id, "merchant-ops", Map.of("step", "VERIFY_DOCUMENTS"));
        step(id, "risk-analyst", Map.of("step", "ASSESS_RISK", "riskDecision", "APPROVED", "riskScore", 20,
                "riskReasons", List.of("no chargebacks at the previous acquirer")));
        step(id, "merchant-ops", Map.of("step", "SIGN_AGREEMENT"));
        step(id, "merchant-ops", Map.of("step", "INSTALL_TERMINALS", "terminalIds", terminals));
        step(id, "merchant-ops", Map.of("step", "COMPLETE_TRAINING"));
        step(id, "merchant-ops", Map.of("step", "ACTIVATE"));
        return id;
    }
}
