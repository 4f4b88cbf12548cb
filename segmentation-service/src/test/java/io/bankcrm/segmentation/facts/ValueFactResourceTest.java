package io.bankcrm.segmentation.facts;

import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.segmentation.Api;
import io.bankcrm.segmentation.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import static io.bankcrm.segmentation.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** One month of one customer over HTTP on real PostgreSQL: created, replaced, versioned, refused when wrong. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class ValueFactResourceTest {

    @Inject
    TestData data;

    @Test
    void theSameMonthSentAgainReplacesTheFigures() {
        UUID customer = TestData.customerIds(1).get(0);
        String path = "/v1/customers/" + customer + "/value-facts/2026-09";
        as(Api.INTEGRATION).body(Api.figures("10.00")).put(path).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith(path)).header("ETag", "\"1\"").body("contribution", equalTo(new BigDecimal("10.00")));
        as(Api.INTEGRATION).body(Api.figures("25.50")).put(path).then().statusCode(200).header("ETag", "\"2\"");
        as(Api.MANAGER).get(path).then().statusCode(200).body("netInterestIncome", equalTo(new BigDecimal("25.50")))
                .body("period", equalTo("2026-09")).body("currency", equalTo("CNY"));
        as(Api.INTEGRATION).header("If-Match", "\"1\"").body(Api.figures("30.00")).put(path).then().statusCode(412);
        as(Api.INTEGRATION).header("If-Match", "\"2\"").body(Api.figures("30.00")).put(path).then().statusCode(200);
    }

    @Test
    void wrongFiguresAreA400NamingTheFields() {
        UUID customer = TestData.customerIds(1).get(0);
        Map<String, Object> figures = Api.figures("10.001");
        figures.put("costToServe", "-1.00");
        figures.put("creditRating", "Z");
        figures.put("currency", "EUR");
        as(Api.INTEGRATION).body(figures).put("/v1/customers/" + customer + "/value-facts/2026-09").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("netInterestIncome"))
                .body("errors.field", hasItem("costToServe"))
                .body("errors.field", hasItem("creditRating"))
                .body("errors.field", hasItem("currency"));
        as(Api.INTEGRATION).body(Api.figures("1.00")).put("/v1/customers/" + customer + "/value-facts/2099-01")
                .then().statusCode(400).body("errors[0].field", equalTo("period"));
        as(Api.MANAGER).body(Api.figures("1.00")).put("/v1/customers/" + customer + "/value-facts/2026-09")
                .then().statusCode(403);
    }
}
