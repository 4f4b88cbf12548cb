package io.bankcrm.segmentation.api;

import io.bankcrm.platform.testing.ApiDocuments;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** API layer: the published OpenAPI document is complete, names the roles @RolesAllowed names, and its examples are accepted. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class ApiDocumentTest {

    @Test
    void everyOperationIsDocumentedCompletelyWithTheRolesItAllows() {
        ApiDocuments.check("io.bankcrm.segmentation.api");
    }

    @Test
    void thePolicyExampleIsAccepted() {
        given().header("Authorization", TestTokens.bearer("crm-admin")).contentType(ContentType.JSON)
                .body(ApiExamples.PARETO_POLICY.replace("零售客户二八分层", "example " + UUID.randomUUID()))
                .post("/v1/tiering-policies").then().statusCode(201).body("method", equalTo("PARETO"));
    }

    @Test
    void theValueFiguresExampleIsAccepted() {
        given().header("Authorization", TestTokens.bearer("integration")).contentType(ContentType.JSON)
                .body(ApiExamples.VALUE_FIGURES)
                .put("/v1/customers/" + UUID.randomUUID() + "/value-facts/2026-10").then().statusCode(201);
    }
}
