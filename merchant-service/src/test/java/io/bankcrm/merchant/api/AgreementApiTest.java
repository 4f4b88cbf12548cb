package io.bankcrm.merchant.api;

import io.bankcrm.platform.testing.CrmTestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.bankcrm.merchant.api.Merchants.as;
import static io.bankcrm.merchant.api.Merchants.asUser;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Agreements' in-kind obligations end to end: "the bank promotes the merchant in 20 branches during the offer" added
 * under the agreement's ETag, fulfilments by branch staff adding up to FULFILLED (and beyond), who and when, 412/428,
 * 409 before the agreement is signed or for a day before it, 404 and 400 with nothing stored.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class AgreementApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void theBanksPromotionInTwentyBranchesIsRecordedUntilFulfilled() {
        String merchant = Merchants.active(List.of(Merchants.terminalId()));
        ExtractableResponse<Response> agreement = as("merchant-ops").get("/v1/merchants/" + merchant + "/agreement")
                .then().statusCode(200).body("merchantId", equalTo(merchant)).body("signedOn", equalTo(TODAY.toString()))
                .body("signedBy", notNullValue()).body("obligations", hasSize(0)).extract();
        String etag = agreement.header("ETag");
        Map<String, Object> promise = Map.of("obligor", "BANK", "description", "本行在 20 家网点宣传该商户的五折优惠",
                "target", 20, "unit", "branches", "dueBy", TODAY.plusDays(30).toString());

        as("merchant-ops").body(promise).post("/v1/merchants/" + merchant + "/agreement/obligations").then()
                .statusCode(428);
        as("merchant-ops").header("If-Match", "\"99\"").body(promise)
                .post("/v1/merchants/" + merchant + "/agreement/obligations").then().statusCode(412);
        ExtractableResponse<Response> added = asUser("ops.chen", "merchant-ops").header("If-Match", etag).body(promise)
                .post("/v1/merchants/" + merchant + "/agreement/obligations").then().statusCode(201)
                .body("state", equalTo("OPEN")).body("fulfilled", equalTo(0)).body("outstanding", equalTo(20))
                .body("createdBy", equalTo("ops.chen")).extract();
        String obligation = added.path("id");
        String fulfilments = "/v1/merchants/" + merchant + "/agreement/obligations/" + obligation + "/fulfilments";

        String next = asUser("lead.lin", "team-lead").header("If-Match", added.header("ETag"))
                .body(Map.of("quantity", 8, "on", TODAY.toString(), "evidence", "鼓楼、台江等 8 家网点海报照片"))
                .post(fulfilments).then().statusCode(201).body("state", equalTo("IN_PROGRESS"))
                .body("fulfilled", equalTo(8)).body("outstanding", equalTo(12))
                .body("fulfilments[0].recordedBy", equalTo("lead.lin")).extract().header("ETag");
        // the ETag moved on: the one before is stale
        as("team-lead").header("If-Match", added.header("ETag")).body(Map.of("quantity", 1, "on", TODAY.toString()))
                .post(fulfilments).then().statusCode(412);
        next = as("team-lead").header("If-Match", next).body(Map.of("quantity", 13, "on", TODAY.toString()))
                .post(fulfilments).then().statusCode(201).body("state", equalTo("FULFILLED"))
                .body("fulfilled", equalTo(21)).body("outstanding", equalTo(0)).extract().header("ETag");

        as("integration").get("/v1/merchants/" + merchant + "/agreement/obligations").then().statusCode(200)
                .header("ETag", next).body("", hasSize(1)).body("[0].fulfilments.quantity", contains(8, 13));
        as("crm-admin").get("/v1/merchants/" + merchant + "/agreement").then().statusCode(200).header("ETag", next)
                .body("version", equalTo(3)).body("obligations[0].state", equalTo("FULFILLED"));
    }

    @Test
    void badFulfilmentsAndObligationsAreRefusedAndChangeNothing() {
        String merchant = Merchants.active(List.of(Merchants.terminalId()));
        String base = "/v1/merchants/" + merchant + "/agreement/obligations";
        String etag = as("merchant-ops").get("/v1/merchants/" + merchant + "/agreement").then().extract().header("ETag");
        as("merchant-ops").header("If-Match", etag).body(Map.of("obligor", "MERCHANT", "description", " ",
                        "target", 0, "unit", "posters", "dueBy", TODAY.toString())).post(base).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("description", "target"));
        as("merchant-ops").header("If-Match", etag).body(Map.of("obligor", "MERCHANT", "description", "门店张贴海报",
                "target", 5, "unit", "posters", "dueBy", TODAY.minusDays(3).toString())).post(base).then()
                .statusCode(400).body("errors[0].field", equalTo("dueBy"));
        as("team-lead").header("If-Match", etag).body(Map.of("obligor", "MERCHANT", "description", "门店张贴海报",
                "target", 5, "unit", "posters", "dueBy", TODAY.toString())).post(base).then().statusCode(403);
        String obligation = as("merchant-ops").header("If-Match", etag).body(Map.of("obligor", "MERCHANT",
                        "description", "门店张贴海报", "target", 5, "unit", "posters", "dueBy", TODAY.toString()))
                .post(base).then().statusCode(201).extract().path("id");
        String now = as("merchant-ops").get("/v1/merchants/" + merchant + "/agreement").then().extract().header("ETag");

        as("merchant-ops").header("If-Match", now).body(Map.of("quantity", 1, "on", TODAY.plusDays(1).toString()))
                .post(base + "/" + obligation + "/fulfilments").then().statusCode(400)
                .body("errors[0].field", equalTo("on"));
        as("merchant-ops").header("If-Match", now).body(Map.of("quantity", 1, "on", TODAY.minusDays(1).toString()))
                .post(base + "/" + obligation + "/fulfilments").then().statusCode(409)
                .body("type", equalTo("https://problems.bankcrm.io/fulfilment-before-agreement"));
        as("merchant-ops").header("If-Match", now).body(Map.of("quantity", 1, "on", TODAY.toString()))
                .post(base + "/" + UUID.randomUUID() + "/fulfilments").then().statusCode(404);
        as("merchant-ops").get("/v1/merchants/" + merchant + "/agreement").then().header("ETag", now)
                .body("obligations[0].fulfilments", hasSize(0));
    }

    @Test
    void beforeTheSignatureThereIsNoAgreement() {
        String merchant = Merchants.register(Merchants.application());
        as("merchant-ops").get("/v1/merchants/" + merchant + "/agreement").then().statusCode(404);
        as("merchant-ops").header("If-Match", "\"0\"").body(Map.of("obligor", "BANK", "description", "网点宣传",
                        "target", 1, "unit", "branches", "dueBy", TODAY.toString()))
                .post("/v1/merchants/" + merchant + "/agreement/obligations").then().statusCode(409)
                .body("type", equalTo("https://problems.bankcrm.io/agreement-not-signed"));
        as("merchant-ops").get("/v1/merchants/" + UUID.randomUUID() + "/agreement").then().statusCode(404);
        assertEquals(404, as("merchant-ops").get("/v1/merchants/" + merchant + "/agreement/obligations").statusCode());
    }
}
