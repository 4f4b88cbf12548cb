package io.bankcrm.segmentation.api;

import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.segmentation.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.bankcrm.segmentation.Api.as;
import static org.hamcrest.Matchers.equalTo;

/** Web layer on the real stack: the tiers' entitlements, readable by all, editable by crm-admin with If-Match. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class TierResourceTest {

    @Test
    void everyoneReadsTheTiersAndOnlyCrmAdminEditsThemWithTheCurrentETag() {
        as(Api.MANAGER).get("/v1/tiers?segment=RETAIL").then().statusCode(200)
                .body("items.code", equalTo(List.of("PLATINUM", "GOLD", "SILVER", "MASS")))
                .body("items[0].serviceModel", equalTo("DEDICATED_RELATIONSHIP_MANAGER"));
        as(Api.MANAGER).get("/v1/tiers?segment=CORPORATE").then().statusCode(200)
                .body("items[0].code", equalTo("STRATEGIC")).body("items[0].serviceModel", equalTo("STRATEGIC_ADVISORY"));
        String etag = as(Api.MANAGER).get("/v1/tiers/SILVER").then().statusCode(200).extract().header("ETag");

        Map<String, Object> change = Map.of("name", "Silver", "serviceModel", "ONE_STOP_BRANCH",
                "feeWaivers", List.of("ACCOUNT_MAINTENANCE", "DOMESTIC_TRANSFER"), "priority", 3,
                "description", "Priority counters, and domestic transfers free of charge.");
        as(Api.MANAGER).header("If-Match", etag).body(change).put("/v1/tiers/SILVER").then().statusCode(403);
        as(Api.ADMIN).body(change).put("/v1/tiers/SILVER").then().statusCode(428);
        String next = as(Api.ADMIN).header("If-Match", etag).body(change).put("/v1/tiers/SILVER").then()
                .statusCode(200).body("feeWaivers", equalTo(List.of("ACCOUNT_MAINTENANCE", "DOMESTIC_TRANSFER")))
                .extract().header("ETag");
        as(Api.ADMIN).header("If-Match", etag).body(change).put("/v1/tiers/SILVER").then().statusCode(412);
        as(Api.MANAGER).get("/v1/tiers/SILVER").then().header("ETag", next).body("updatedBy", equalTo("tester"));

        as(Api.ADMIN).header("If-Match", next).body(Map.of("name", "Silver", "serviceModel", "VIP_LOUNGE",
                "feeWaivers", List.of(), "priority", 3)).put("/v1/tiers/SILVER").then().statusCode(400)
                .body("errors[0].field", equalTo("serviceModel"));
        as(Api.ADMIN).header("If-Match", next).body(Map.of("name", "Silver", "serviceModel", "ONE_STOP_BRANCH",
                "feeWaivers", List.of("free coffee"), "priority", 0)).put("/v1/tiers/SILVER").then().statusCode(400);
        as(Api.MANAGER).get("/v1/tiers/WOOD").then().statusCode(404);
    }
}
