package io.bankcrm.segmentation.api;

import io.bankcrm.platform.testing.CrmTestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** Operations on the real stack: the OpenAPI document lists the contract's paths, and the service is ready. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class OpenApiAndHealthTest {

    @Test
    void theOpenApiDocumentHasTheContractsPaths() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/v1/value-facts:"), containsString("/v1/customers/{customerId}/value-facts:"),
                        containsString("/v1/tiering-policies:"), containsString("/v1/tiering-runs/{id}/pareto:"),
                        containsString("/v1/customers/{customerId}/tier:"),
                        containsString("/v1/customers/{customerId}/tier-history:"), containsString("/v1/tiers:"),
                        containsString("image/svg+xml"));
    }

    @Test
    void theServiceIsReady() {
        given().get("/q/health/ready").then().statusCode(200);
    }
}
