package io.bankcrm.platform.web;

import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-caller rate limit over HTTP, with limits low enough to reach: each caller has a bucket of its own, sized
 * by its roles; past it the answer is 429 problem details with {@code Retry-After}; management paths stay open.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
@TestProfile(RateLimitsTest.LowLimits.class)
class RateLimitsTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crm.rate-limit.period", "1h",
                    "crm.rate-limit.anonymous", "3",
                    "crm.rate-limit.authenticated", "5",
                    "crm.rate-limit.roles.integration", "8",
                    "crm.rate-limit.roles.crm-admin", "4");
        }
    }

    private static Response read(String bearer) {
        return bearer == null ? given().get("/test/widgets")
                : given().header("Authorization", bearer).get("/test/widgets");
    }

    private static String user(String... roles) {
        return "Bearer " + TestTokens.token("user-" + UUID.randomUUID(), roles);
    }

    @Test
    void pastItsLimitACallerIsAnswered429WithRetryAfterAsProblemDetails() {
        String rm = user(Roles.RELATIONSHIP_MANAGER);
        for (int i = 1; i <= 5; i++) {
            Response ok = read(rm);
            assertEquals(200, ok.statusCode());
            assertEquals("5", ok.header("RateLimit-Limit"));
            assertEquals(Integer.toString(5 - i), ok.header("RateLimit-Remaining"));
        }
        Response refused = read(rm);
        assertEquals(429, refused.statusCode());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals(429, refused.<Integer>path("status"));
        assertEquals("https://problems.bankcrm.io/too-many-requests", refused.path("type"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        // one request comes back every 12 minutes (5 per hour)
        assertTrue(retryAfter > 0 && retryAfter <= 720, "Retry-After " + retryAfter);
        assertEquals("5", refused.header("RateLimit-Limit"));
        assertEquals("0", refused.header("RateLimit-Remaining"));
    }

    @Test
    void eachCallerHasABucketOfItsOwn() {
        String first = user(Roles.RELATIONSHIP_MANAGER);
        for (int i = 0; i < 5; i++) {
            read(first);
        }
        assertEquals(429, read(first).statusCode());
        assertEquals(200, read(user(Roles.RELATIONSHIP_MANAGER)).statusCode());
    }

    @Test
    void theLimitIsTheLargestAmongTheCallersRoles() {
        assertEquals("8", read(user(Roles.INTEGRATION)).header("RateLimit-Limit"));
        assertEquals("4", read(user(Roles.CRM_ADMIN)).header("RateLimit-Limit"));
        assertEquals("8", read(user(Roles.CRM_ADMIN, Roles.INTEGRATION)).header("RateLimit-Limit"));
        assertEquals("5", read(user(Roles.RELATIONSHIP_MANAGER)).header("RateLimit-Limit"));
    }

    @Test
    void requestsWithoutAValidTokenAreLimitedPerAddressBeforeTheyAreRefused() {
        StringBuilder seen = new StringBuilder();
        int refusedAt = 0;
        for (int i = 1; i <= 4 && refusedAt == 0; i++) {
            Response next = read(i == 2 ? TestTokens.forgedBearer(Roles.CRM_ADMIN) : null);
            seen.append(i).append(": ").append(next.statusCode()).append(' ').append(next.header("RateLimit-Limit"))
                    .append('/').append(next.header("RateLimit-Remaining")).append("; ");
            if (next.statusCode() == 429) {
                refusedAt = i;
                assertTrue(next.contentType().startsWith("application/problem+json"));
                assertEquals("3", next.header("RateLimit-Limit"));
            } else {
                assertEquals(401, next.statusCode());
            }
        }
        // the forged token (second) is refused by authentication, and counts against the address all the same
        assertEquals(4, refusedAt, "the fourth request without a valid token is over the limit of 3: " + seen);
    }

    @Test
    void healthMetricsAndTheOpenApiDocumentAreNeverLimited() {
        for (int i = 0; i < 12; i++) {
            Response health = given().get("/q/health/live");
            assertEquals(200, health.statusCode());
            assertNull(health.header("RateLimit-Limit"));
            assertEquals(200, given().get("/q/metrics").statusCode());
            assertEquals(200, given().get("/q/openapi").statusCode());
        }
    }
}
