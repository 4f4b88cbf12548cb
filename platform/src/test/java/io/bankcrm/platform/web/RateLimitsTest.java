package io.bankcrm.platform.web;

import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

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
class RateLimitsTest {

    /** Test-only roles with low limits (platform test application.properties): 5 and 8 requests per hour. */
    static final String LIMITED = "rate-limited";
    static final String LIMITED_MORE = "rate-limited-more";

    private static Response read(String bearer) {
        return bearer == null ? given().get("/test/widgets")
                : given().header("Authorization", bearer).get("/test/widgets");
    }

    /** A new user who may read widgets, holding these roles besides. */
    private static String user(String... roles) {
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of(Roles.RELATIONSHIP_MANAGER),
                java.util.Arrays.stream(roles)).toArray(String[]::new);
        return "Bearer " + TestTokens.token("user-" + UUID.randomUUID(), all);
    }

    @Test
    void pastItsLimitACallerIsAnswered429WithRetryAfterAsProblemDetails() {
        String rm = user(LIMITED);
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
        String first = user(LIMITED);
        for (int i = 0; i < 5; i++) {
            read(first);
        }
        assertEquals(429, read(first).statusCode());
        assertEquals(200, read(user(LIMITED)).statusCode());
    }

    @Test
    void theLimitIsTheLargestAmongTheCallersRoles() {
        assertEquals("5", read(user(LIMITED)).header("RateLimit-Limit"));
        assertEquals("8", read(user(LIMITED_MORE)).header("RateLimit-Limit"));
        assertEquals("8", read(user(LIMITED, LIMITED_MORE)).header("RateLimit-Limit"));
        // a role without a limit of its own (relationship-manager) does not lower the largest listed one
        assertEquals("1000000", read(user()).header("RateLimit-Limit"), "crm.rate-limit.authenticated in tests");
    }

    @Test
    void requestsWithoutAValidTokenAreLimitedPerAddressBeforeTheyAreRefused() {
        // the address's bucket (3 per hour) is shared with every refused token of this test JVM: within four
        // requests without a token it is empty, and then the answer is 429 instead of 401
        StringBuilder seen = new StringBuilder();
        Response last = null;
        for (int i = 1; i <= 4 && (last == null || last.statusCode() != 429); i++) {
            last = read(null);
            seen.append(last.statusCode()).append(' ').append(last.header("RateLimit-Remaining")).append("; ");
            if (last.statusCode() != 429) {
                assertEquals(401, last.statusCode());
            }
            assertEquals("3", last.header("RateLimit-Limit"));
        }
        assertEquals(429, last.statusCode(), seen.toString());
        assertTrue(last.contentType().startsWith("application/problem+json"));
        assertTrue(Long.parseLong(last.header("Retry-After")) > 0);
        // a refused token is still answered by authentication (401), and counts against the address
        assertEquals(401, read(TestTokens.forgedBearer(Roles.CRM_ADMIN)).statusCode());
        assertEquals(429, read(null).statusCode());
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
