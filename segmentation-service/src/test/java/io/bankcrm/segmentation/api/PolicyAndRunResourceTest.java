package io.bankcrm.segmentation.api;

import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.segmentation.Api;
import io.bankcrm.segmentation.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.bankcrm.segmentation.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Web layer on the real stack: versioned policies with ETag/If-Match, idempotent run requests, run listing. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class PolicyAndRunResourceTest {

    @Inject
    TestData data;

    @Test
    void aRevisionAddsAVersionAndNeedsTheCurrentETag() {
        Map<String, Object> document = Api.policy("PARETO", 12, 3, 3, 0, "PLATINUM", 50, "GOLD", 80, "MASS", null);
        String location = as(Api.ADMIN).body(document).post("/v1/tiering-policies").then().statusCode(201)
                .header("ETag", "\"1\"").body("bands[0].profitShareUpTo", notNullValue())
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        document.put("windowMonths", 6);
        as(Api.ADMIN).body(document).put("/v1/tiering-policies/" + id).then().statusCode(428);
        as(Api.ADMIN).header("If-Match", "\"7\"").body(document).put("/v1/tiering-policies/" + id).then()
                .statusCode(412);
        as(Api.ADMIN).header("If-Match", "\"1\"").body(document).put("/v1/tiering-policies/" + id).then()
                .statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2)).body("windowMonths", equalTo(6));
        as(Api.ANALYST).get("/v1/tiering-policies/" + id).then().statusCode(200).body("version", equalTo(2));
        as(Api.ANALYST).get("/v1/tiering-policies/" + id + "/versions/1").then().statusCode(200)
                .body("windowMonths", equalTo(12));
        as(Api.ANALYST).get("/v1/tiering-policies?segment=RETAIL").then().statusCode(200)
                .body("items.id", hasItem(id));
        document.put("segment", "CORPORATE");
        as(Api.ADMIN).header("If-Match", "\"2\"").body(document).put("/v1/tiering-policies/" + id).then()
                .statusCode(400).body("errors[0].field", equalTo("segment"));
        as(Api.ANALYST).get("/v1/tiering-policies?segment=SOMETHING").then().statusCode(400);
    }

    @Test
    void aRunRequestSentTwiceWithTheSameKeyStartsOneRun() {
        data.reset();
        UUID policy = Api.createPolicy(Api.policy("PARETO", 12, 3, 3, 0, "GOLD", 80, "MASS", null));
        Map<String, Object> request = Map.of("policyId", policy, "asOfMonth", "2026-10", "dryRun", true);
        String first = as(Api.ANALYST).header("Idempotency-Key", "run-1").body(request).post("/v1/tiering-runs")
                .then().statusCode(202).extract().path("id");
        as(Api.ANALYST).header("Idempotency-Key", "run-1").body(request).post("/v1/tiering-runs").then()
                .statusCode(202).header("Idempotency-Replayed", "true").body("id", equalTo(first));
        as(Api.ANALYST).header("Idempotency-Key", "run-1").body(Map.of("policyId", policy, "asOfMonth", "2026-09",
                "dryRun", true)).post("/v1/tiering-runs").then().statusCode(422);
        Api.awaitRun(first);
        as(Api.ANALYST).get("/v1/tiering-runs").then().statusCode(200).body("items.id", equalTo(java.util.List.of(first)))
                .body("items[0].status", equalTo("COMPLETED")).body("items[0].progress.percent", equalTo(100));
        as(Api.ANALYST).get("/v1/tiering-runs/" + UUID.randomUUID()).then().statusCode(404);
    }
}
