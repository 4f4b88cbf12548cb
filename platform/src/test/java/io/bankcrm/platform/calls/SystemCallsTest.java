package io.bankcrm.platform.calls;

import io.bankcrm.platform.jobs.JobContext;
import io.bankcrm.platform.jobs.JobProgress;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The system-caller mechanism against a real HTTP peer: the token and trace it sends, retries that honour
 * Retry-After, the circuit breaker, "unavailable" as one outcome (a job waits, a request answers 503), and OAuth2
 * client credentials from a token endpoint. Settings: the test application's {@code crm.system-caller.*}.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class SystemCallsTest {

    static final Path TOKEN_FILE = Path.of("target/system-caller.token");

    @Inject
    SystemCalls calls;

    @Inject
    ServiceToken serviceToken;

    @Inject
    OidcClients oidcClients;

    private static String name() {
        return "peer-" + UUID.randomUUID();
    }

    @Test
    void aCallCarriesTheTokenOfTheFileAndATokenChangedOnDiskIsSentNext() throws Exception {
        try (Peer peer = new Peer()) {
            Dependency dependency = calls.dependency(name(), peer.url());
            Files.writeString(TOKEN_FILE, "first-token\n");
            assertEquals("{}", dependency.call(() -> PeerResource.send(dependency, "/v1/things")));
            Files.writeString(TOKEN_FILE, "second-token");
            Files.setLastModifiedTime(TOKEN_FILE, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));
            dependency.call(() -> PeerResource.send(dependency, "/v1/things"));
            List<Peer.Received> got = peer.received();
            assertEquals("Bearer first-token", got.get(0).header("Authorization"));
            assertEquals("Bearer second-token", got.get(1).header("Authorization"));
        }
    }

    @Test
    void aRetryWaitsWhatRetryAfterAsksAndThenTheAnswerComesThrough() throws Exception {
        Files.writeString(TOKEN_FILE, "token");
        try (Peer peer = new Peer().then(new Peer.Answer(503, Map.of("Retry-After", "1"), ""),
                Peer.Answer.of(200, "{\"ok\":true}"))) {
            Dependency dependency = calls.dependency(name(), peer.url());
            assertEquals("{\"ok\":true}", dependency.call(() -> PeerResource.send(dependency, "/v1/things")));
            List<Peer.Received> got = peer.received();
            assertEquals(2, got.size());
            Duration between = Duration.between(got.get(0).at(), got.get(1).at());
            assertTrue(between.compareTo(Duration.ofMillis(950)) >= 0, "waited " + between);
        }
    }

    @Test
    void aRetryAfterLongerThanTheLongestDelayEndsTheCallAtOnceAsUnavailable() {
        try (Peer peer = new Peer().then(new Peer.Answer(429, Map.of("Retry-After", "120"), ""))) {
            Dependency dependency = calls.dependency(name(), peer.url());
            DependencyUnavailable e = assertThrows(DependencyUnavailable.class,
                    () -> dependency.call(() -> PeerResource.send(dependency, "/v1/things")));
            assertEquals(Optional.of(Duration.ofSeconds(120)), e.retryAfter());
            assertEquals(1, peer.received().size());
        }
    }

    @Test
    void anAnswerThatIsNotUnavailabilityComesOutUnchangedAndIsNotRetried() {
        try (Peer peer = new Peer().then(Peer.Answer.of(404, "{\"status\":404}"))) {
            Dependency dependency = calls.dependency(name(), peer.url());
            PeerResource.PeerRefused e = assertThrows(PeerResource.PeerRefused.class,
                    () -> dependency.call(() -> PeerResource.send(dependency, "/v1/things")));
            assertEquals(404, e.status);
            assertEquals(1, peer.received().size());
        }
    }

    @Test
    void repeatedFailuresOpenTheCircuitThenCallsFailWithoutReachingThePeer() {
        try (Peer peer = new Peer().then(Peer.Answer.of(500, "{}"))) {
            Dependency dependency = calls.dependency(name(), peer.url());
            assertThrows(DependencyUnavailable.class, () -> dependency.call(() -> PeerResource.send(dependency, "/v1/things")));
            int reached = peer.received().size();
            assertEquals(4, reached, "the first attempt and three retries");
            DependencyUnavailable open = assertThrows(DependencyUnavailable.class,
                    () -> dependency.call(() -> PeerResource.send(dependency, "/v1/things")));
            assertTrue(open.getMessage().contains("circuit is open"), open.getMessage());
            assertEquals(reached, peer.received().size());
        }
    }

    @Test
    void aPeerThatDoesNotListenIsUnavailable() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Dependency dependency = calls.dependency(name(), "http://127.0.0.1:" + port);
        DependencyUnavailable e = assertThrows(DependencyUnavailable.class,
                () -> dependency.call(() -> PeerResource.send(dependency, "/v1/things")));
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }

    @Test
    void aJobWaitsWhileThePeerIsUnavailableAndGoesOnOnceItAnswers() throws Exception {
        Files.writeString(TOKEN_FILE, "token");
        Peer.Answer down = Peer.Answer.of(503, "{}");
        // the first call spends its four attempts and opens the circuit; the job waits, then the peer answers
        try (Peer peer = new Peer().then(down, down, down, down, Peer.Answer.of(201, "{\"id\":1}"))) {
            Dependency dependency = calls.dependency(name(), peer.url());
            CountingJob job = new CountingJob();
            AtomicInteger waits = new AtomicInteger();
            assertEquals("{\"id\":1}", dependency.awaitIn(job, waits::incrementAndGet,
                    () -> PeerResource.send(dependency, "/v1/things")));
            assertEquals(1, waits.get(), "shown once, however long it waits");
            assertTrue(job.checkpoints.get() >= 1, "cancellable while waiting");
            assertEquals(5, peer.received().size());
        }
    }

    @Test
    void aRequestWhoseDependencyIsUnavailableAnswers503ProblemWithRetryAfter() {
        try (Peer peer = new Peer().then(new Peer.Answer(503, Map.of("Retry-After", "60"), ""))) {
            given().header("Authorization", TestTokens.bearer(Roles.INTEGRATION))
                    .queryParam("name", name()).queryParam("url", peer.url())
                    .get("/test/peer")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "60")
                    .body("type", equalTo("https://problems.bankcrm.io/dependency-unavailable"))
                    .body("status", equalTo(503));
        }
    }

    @Test
    void clientCredentialsFetchATokenFromTheAuthorizationServerAndKeepItUntilItExpires() {
        try (Peer authorization = new Peer().then(Peer.Answer.of(200,
                "{\"access_token\":\"cc-token-1\",\"token_type\":\"Bearer\",\"expires_in\":300}"))) {
            OidcClient client = oidcClients.newClient(new OidcClientConfigBuilder()
                    .id("system-caller-test")
                    .discoveryEnabled(false)
                    .tokenPath(authorization.url() + "/oauth2/token")
                    .clientId("crosssell-service")
                    .credentials("s3cret")
                    .build()).await().atMost(Duration.ofSeconds(20));
            assertEquals("cc-token-1", serviceToken.fromClientCredentials("customer-service", client));
            assertEquals("cc-token-1", serviceToken.fromClientCredentials("customer-service", client));
            List<Peer.Received> got = authorization.received();
            assertEquals(1, got.size(), "kept until it expires");
            assertEquals("POST", got.get(0).method());
            assertTrue(got.get(0).body().contains("grant_type=client_credentials"), got.get(0).body());
            assertEquals("Basic " + Base64.getEncoder().encodeToString("crosssell-service:s3cret".getBytes()),
                    got.get(0).header("Authorization"));
        }
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(7)), Dependency.retryAfter(Optional.of("7"), now));
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                Dependency.retryAfter(Optional.of("Wed, 02 Dec 2026 10:01:30 GMT"), now));
        assertEquals(Optional.empty(), Dependency.retryAfter(Optional.of("soon"), now));
        assertEquals(Optional.empty(), Dependency.retryAfter(Optional.empty(), now));
    }

    /** What a job sees, enough for a wait: its id, and the checkpoints it passes; nothing else is asked. */
    static final class CountingJob implements JobContext {
        final AtomicInteger checkpoints = new AtomicInteger();
        private final UUID id = UUID.randomUUID();

        @Override
        public UUID id() {
            return id;
        }

        @Override
        public void checkpoint() {
            checkpoints.incrementAndGet();
        }

        @Override
        public boolean cancelRequested() {
            return false;
        }

        @Override
        public String kind() {
            return "test";
        }

        @Override
        public String submittedBy() {
            return "test";
        }

        @Override
        public int attempt() {
            return 1;
        }

        @Override
        public JobProgress progress() {
            throw new UnsupportedOperationException("not asked while waiting");
        }

        @Override
        public <T> T parameters(Class<T> type) {
            throw new UnsupportedOperationException("not asked while waiting");
        }

        @Override
        public <T> T result(Class<T> type) {
            throw new UnsupportedOperationException("not asked while waiting");
        }

        @Override
        public void progress(String phase, long done, Long total) {
            throw new UnsupportedOperationException("the caller shows its phase in onWait");
        }

        @Override
        public void progress(String phase, long done, Long total, Object result) {
            throw new UnsupportedOperationException("the caller shows its phase in onWait");
        }

        @Override
        public void complete(Object result) {
            throw new UnsupportedOperationException("not asked while waiting");
        }
    }
}
