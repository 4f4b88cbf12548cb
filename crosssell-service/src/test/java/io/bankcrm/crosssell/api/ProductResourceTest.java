package io.bankcrm.crosssell.api;

import io.bankcrm.crosssell.Api;
import io.bankcrm.crosssell.TestData;
import io.bankcrm.platform.testing.CrmTestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.bankcrm.crosssell.Api.ADMIN;
import static io.bankcrm.crosssell.Api.MANAGER;
import static io.bankcrm.crosssell.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue and the eligibility endpoint over HTTP on the real database. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class ProductResourceTest {

    @Inject
    TestData data;

    @Test
    void theStandardCatalogueIsThereAndAdminsAddAndEditProducts() {
        as(MANAGER).get("/v1/products").then().statusCode(200)
                .body("code", hasItems("PAYROLL_CARD", "PERSONAL_LOAN", "WEALTH_MANAGEMENT", "CREDIT_CARD"));
        String code = "GOLD_SAVER_" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
        Map<String, Object> product = Map.of("code", code, "name", "Gold saver", "category", "DEPOSIT", "active", true,
                "eligibility", Map.of("kinds", List.of("INDIVIDUAL"), "minimumTier", "GOLD",
                        "consentChannels", List.of("SMS"), "excludeHolders", true));
        as(MANAGER).body(product).post("/v1/products").then().statusCode(403);
        var created = as(ADMIN).body(product).post("/v1/products").then().statusCode(201)
                .body("eligibility.minimumTier", equalTo("GOLD")).extract();
        as(ADMIN).body(product).post("/v1/products").then().statusCode(409);

        Map<String, Object> wrongTier = new java.util.HashMap<>(product);
        wrongTier.put("eligibility", Map.of("kinds", List.of("INDIVIDUAL"), "minimumTier", "STRATEGIC",
                "consentChannels", List.of(), "excludeHolders", true));
        as(ADMIN).header("If-Match", created.header("ETag")).body(wrongTier).put("/v1/products/" + code)
                .then().statusCode(400).body("errors[0].field", equalTo("eligibility.minimumTier"));
        Map<String, Object> retired = new java.util.HashMap<>(product);
        retired.put("active", false);
        as(ADMIN).header("If-Match", created.header("ETag")).body(retired).put("/v1/products/" + code)
                .then().statusCode(200).body("active", equalTo(false));
        as(ADMIN).header("If-Match", created.header("ETag")).body(retired).put("/v1/products/" + code)
                .then().statusCode(412);
        as(MANAGER).get("/v1/products/NO_SUCH").then().statusCode(404);
    }

    @Test
    void eligibilityNamesEveryRefusal() {
        UUID noConsent = data.individual("SH-001", "MASS");
        JsonPath refused = as(MANAGER).get("/v1/customers/" + noConsent + "/eligibility").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> card = refused.getMap("find { it.product == 'PAYROLL_CARD' }");
        assertEquals(false, card.get("eligible"));
        assertEquals("NO_MARKETING_CONSENT", refused.getString("find { it.product == 'PAYROLL_CARD' }.refusals[0].reason"));

        UUID consenting = data.individual("SH-001", "GOLD", "SMS");
        data.update("insert into product_holding (customer_id, product_code, since, source, recorded_at) values (?, 'CREDIT_CARD', current_date, 'test', now())",
                consenting);
        JsonPath decided = as(MANAGER).get("/v1/customers/" + consenting + "/eligibility").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(true, decided.getBoolean("find { it.product == 'PAYROLL_CARD' }.eligible"));
        assertEquals(List.of("SMS"), decided.getList("find { it.product == 'PAYROLL_CARD' }.contactChannels"));
        List<String> creditCard = decided.getList("find { it.product == 'CREDIT_CARD' }.refusals.reason");
        assertTrue(creditCard.contains("ALREADY_HELD") && creditCard.contains("SALARY_BAND"), creditCard.toString());

        as(MANAGER).get("/v1/customers/" + UUID.randomUUID() + "/eligibility").then().statusCode(404);
    }
}
