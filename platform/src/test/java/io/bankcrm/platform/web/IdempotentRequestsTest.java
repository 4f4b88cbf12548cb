package io.bankcrm.platform.web;

import io.bankcrm.platform.jobs.Gates;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@code Idempotency-Key} over HTTP and the real database: a retry replays the first answer, a concurrent retry
 * waits for it, another body under the same key is refused, and keys belong to their caller.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class IdempotentRequestsTest {

    private static final String ADMIN = TestTokens.bearer(Roles.CRM_ADMIN);

    @Inject
    EntityManager em;

    @Test
    void aRetryWithTheSameKeyAndBodyReplaysTheFirstAnswerAndCreatesNothingMore() {
        String key = UUID.randomUUID().toString();
        String name = "w-" + key;
        ExtractableResponse<Response> first = post(ADMIN, key, name);
        assertEquals(201, first.statusCode());
        assertNull(first.header("Idempotency-Replayed"));
        ExtractableResponse<Response> again = post(ADMIN, key, name);
        assertEquals(201, again.statusCode());
        assertEquals("true", again.header("Idempotency-Replayed"));
        assertEquals(first.<String>path("id"), again.path("id"));
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(1, widgets(name));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() {
        String key = UUID.randomUUID().toString();
        post(ADMIN, key, "first-" + key);
        ExtractableResponse<Response> other = post(ADMIN, key, "second-" + key);
        assertEquals(422, other.statusCode());
        assertEquals("application/problem+json", other.contentType());
        assertEquals(0, widgets("second-" + key));
    }

    @Test
    void aKeyBelongsToItsCaller() {
        String key = UUID.randomUUID().toString();
        String name = "shared-" + key;
        String mine = post("Bearer " + TestTokens.token("alice", Roles.CRM_ADMIN), key, name).path("id");
        ExtractableResponse<Response> theirs = post("Bearer " + TestTokens.token("bob", Roles.CRM_ADMIN), key, name);
        assertEquals(201, theirs.statusCode());
        assertNull(theirs.header("Idempotency-Replayed"));
        assertNotEquals(mine, theirs.path("id"));
        assertEquals("bob", theirs.path("createdBy"));
        assertEquals(2, widgets(name));
    }

    @Test
    void aConcurrentRetryWaitsForTheFirstRequestAndGetsItsAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "slow-" + key;
        Gates.close(name);
        CompletableFuture<ExtractableResponse<Response>> first = CompletableFuture.supplyAsync(() -> post(ADMIN, key, name));
        Gates.awaitArrival(name);
        CompletableFuture<ExtractableResponse<Response>> retry = CompletableFuture.supplyAsync(() -> post(ADMIN, key, name));
        Gates.open(name);
        ExtractableResponse<Response> a = first.get(60, TimeUnit.SECONDS);
        ExtractableResponse<Response> b = retry.get(60, TimeUnit.SECONDS);
        assertEquals(201, a.statusCode());
        assertEquals(201, b.statusCode());
        assertEquals(a.<String>path("id"), b.path("id"));
        assertEquals(1, widgets(name));
    }

    @Test
    void withoutAKeyEveryRequestCreatesAndAMalformedKeyIsRefused() {
        String name = "nokey-" + UUID.randomUUID();
        assertEquals(201, post(ADMIN, null, name).statusCode());
        assertEquals(201, post(ADMIN, null, name).statusCode());
        assertEquals(2, widgets(name));
        assertEquals(400, post(ADMIN, "has spaces in it", name).statusCode());
        assertEquals(400, post(ADMIN, "k".repeat(201), name).statusCode());
        assertEquals(2, widgets(name));
    }

    private static ExtractableResponse<Response> post(String bearer, String key, String name) {
        var request = given().header("Authorization", bearer).contentType(ContentType.JSON).body(Map.of("name", name));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/test/widgets").then().extract();
    }

    private long widgets(String name) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from test_widget where name = ?1").setParameter(1, name).getSingleResult()).longValue());
    }
}
