package io.bankcrm.platform.security;

import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** Tokens must be issued for the suite (aud, platform default {@code mp.jwt.verify.audiences}). */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class AudienceTest {

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        given().header("Authorization", "Bearer " + TestTokens.token("admin", Roles.CRM_ADMIN))
                .get("/test/widgets").then().statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.tokenFor("payments-gateway", "admin", Roles.CRM_ADMIN))
                .get("/test/widgets").then().statusCode(401).contentType("application/problem+json");
    }
}
