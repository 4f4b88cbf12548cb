package io.bankcrm.platform.testing.contract;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The contract filter against a tiny service (the JDK's HTTP server) that publishes a small document at
 * {@code /q/openapi} and answers whatever a request's {@code answer} query parameter asks for: documented answers
 * pass, an undocumented status, a body that breaks the schema, an undeclared Content-Type and an answer to an
 * undocumented path fail, naming the operation, the status and the schema path; and the auto-detected extension
 * fails the test that made the request.
 */
class ContractFilterTest {

    private static final String THING = "{\"id\":\"3f6d2a5e-8c1b-4e7a-9d2f-0b1c2d3e4f50\",\"name\":\"张伟\",\"count\":2,"
            + "\"createdAt\":\"2025-06-01T08:00:00.123456Z\",\"tags\":null}";
    private static final String PROBLEM = "{\"type\":\"https://problems.bankcrm.io/x\",\"title\":\"No\",\"status\":%d}";
    private static final Map<String, Answer> ANSWERS = Map.ofEntries(
            Map.entry("good", new Answer(200, "application/json", THING)),
            Map.entry("created", new Answer(201, "application/json;charset=UTF-8", THING)),
            Map.entry("found", new Answer(200, "application/json", "[" + THING + "," + THING + "]")),
            Map.entry("teapot", new Answer(418, "application/problem+json", PROBLEM.formatted(418))),
            Map.entry("long-name", new Answer(200, "application/json", THING.replace("张伟", "张伟张伟张伟"))),
            Map.entry("bad-id", new Answer(200, "application/json", THING.replace("3f6d2a5e-", "not-a-uuid-"))),
            Map.entry("no-name", new Answer(200, "application/json", "{\"id\":\"3f6d2a5e-8c1b-4e7a-9d2f-0b1c2d3e4f50\"}")),
            Map.entry("fraction", new Answer(200, "application/json", THING.replace("\"count\":2", "\"count\":2.5"))),
            Map.entry("second-long", new Answer(200, "application/json",
                    "[" + THING + "," + THING.replace("张伟", "张伟张伟张伟") + "]")),
            Map.entry("text", new Answer(200, "text/plain", "hello")),
            Map.entry("not-json", new Answer(200, "application/json", "{\"id\":")),
            Map.entry("gone", new Answer(204, null, "")),
            Map.entry("accepted-with-body", new Answer(202, "application/json", "{}")),
            Map.entry("csv", new Answer(200, "text/csv", "id,name\n1,x\n")),
            Map.entry("not-found", new Answer(404, "application/problem+json", PROBLEM.formatted(404))),
            Map.entry("not-found-html", new Answer(404, "text/html", "<h1>Not found</h1>")),
            Map.entry("not-allowed", new Answer(405, "application/problem+json", PROBLEM.formatted(405))),
            Map.entry("bad", new Answer(400, "application/problem+json", PROBLEM.formatted(400))),
            Map.entry("bad-problem", new Answer(400, "application/problem+json", "{\"title\":\"No\",\"status\":\"x\"}")),
            Map.entry("crash", new Answer(500, "text/plain", "boom")));

    private record Answer(int status, String type, String body) {
    }

    private static HttpServer server;
    static String base;
    static volatile boolean victimRun;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ContractFilterTest::answer);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        ContractFilter.install();
    }

    @AfterAll
    static void stop() {
        ContractFilter.uninstall();
        server.stop(0);
    }

    @Test
    void documentedAnswersPass() {
        assertEquals(200, call("GET", "/v1/things/abc", "good"));
        assertEquals(201, call("POST", "/v1/things", "created"));
        assertEquals(200, call("POST", "/v1/things/search", "found"), "a literal segment wins over {id}");
        assertEquals(404, call("GET", "/v1/things/abc", "not-found"));
        assertEquals(400, call("POST", "/v1/things", "bad"), "a response given by $ref");
        assertEquals(204, call("DELETE", "/v1/things/abc", "gone"));
        assertEquals(200, call("GET", "/v1/things/abc/export", "csv"));
        assertEquals(200, call("GET", "/v1/things/%E5%BC%A0", "good"));
    }

    @Test
    void anUndocumentedStatusFails() {
        String message = violation("GET", "/v1/things/abc", "teapot");
        assertTrue(message.contains("GET /v1/things/{id} (getThing) answered 418"), message);
        assertTrue(message.contains("documented: 200, 404"), message);
        assertTrue(violation("POST", "/v1/things", "good").contains("answered 200"), "200 where 201 is documented");
    }

    @Test
    void aBodyThatBreaksTheSchemaFails() {
        String tooLong = violation("GET", "/v1/things/abc", "long-name");
        assertTrue(tooLong.contains("GET /v1/things/{id} (getThing) answered 200 application/json with a body that "
                + "breaks the documented schema"), tooLong);
        assertTrue(tooLong.contains("$.name"), tooLong);
        assertTrue(tooLong.contains("#/components/schemas/Thing/properties/name/maxLength"), tooLong);
        String badId = violation("GET", "/v1/things/abc", "bad-id");
        assertTrue(badId.contains("$.id") && badId.contains("/properties/id/format"), badId);
        String noName = violation("GET", "/v1/things/abc", "no-name");
        assertTrue(noName.contains("name") && noName.contains("/components/schemas/Thing/required"), noName);
        String fraction = violation("GET", "/v1/things/abc", "fraction");
        assertTrue(fraction.contains("$.count"), fraction);
        String item = violation("POST", "/v1/things/search", "second-long");
        assertTrue(item.contains("$[1].name") && !item.contains("$[0]"), item);
        String problem = violation("POST", "/v1/things", "bad-problem");
        assertTrue(problem.contains("#/components/schemas/Problem"), problem);
        assertTrue(violation("GET", "/v1/things/abc", "not-json").contains("not JSON"));
    }

    @Test
    void anUndeclaredContentTypeOrAnUndeclaredBodyFails() {
        String text = violation("GET", "/v1/things/abc", "text");
        assertTrue(text.contains("text/plain") && text.contains("[application/json]"), text);
        String gone = violation("DELETE", "/v1/things/abc", "accepted-with-body");
        assertTrue(gone.contains("declares none"), gone);
    }

    @Test
    void anAnswerOutsideTheDocumentedOperationsMayOnlyBeA404Or405Problem() {
        assertEquals(404, call("GET", "/v1/nothing/here", "not-found"));
        assertEquals(405, call("PUT", "/v1/things/abc", "not-allowed"));
        assertEquals(404, call("PUT", "/v1/things/abc", "not-found"));
        String unknown = violation("GET", "/v1/nothing/here", "good");
        assertTrue(unknown.contains("GET /v1/nothing/here matches no documented path"), unknown);
        String method = violation("PUT", "/v1/things/abc", "good");
        assertTrue(method.contains("/v1/things/{id} documents only [GET, DELETE]"), method);
        String html = violation("GET", "/v1/nothing", "not-found-html");
        assertTrue(html.contains("text/html instead of application/problem+json"), html);
    }

    @Test
    void quarkusEndpointsAreExempt() {
        assertEquals(500, call("GET", "/q/health", "crash"));
    }

    @Test
    void theAutodetectedExtensionFailsTheTestThatMadeTheRequest() {
        Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Victim.class))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter(ContractExtension.SWITCH, "on")
                .build();
        Launcher launcher = LauncherFactory.create();
        victimRun = true;
        ContractFilter.uninstall(); // the extension installs it
        try {
            launcher.execute(request, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                    if (test.isTest()) {
                        results.put(test.getDisplayName(), result);
                    }
                }
            });
        } finally {
            victimRun = false;
            ContractFilter.install();
        }
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, results.get("documented()").getStatus(), results::toString);
        TestExecutionResult undocumented = results.get("undocumented()");
        assertEquals(TestExecutionResult.Status.FAILED, undocumented.getStatus(), results::toString);
        String message = undocumented.getThrowable().orElseThrow().getMessage();
        assertTrue(message.contains("GET /v1/things/{id} (getThing) answered 418"), message);
        TestExecutionResult swallowed = results.get("onAnotherThread()");
        assertEquals(TestExecutionResult.Status.FAILED, swallowed.getStatus(), results::toString);
        String later = swallowed.getThrowable().orElseThrow().getMessage();
        assertTrue(later.contains("did not reach the test") && later.contains("$.name"), later);
    }

    /** Run only by the test above, through the launcher with the extension auto-detected. */
    static class Victim {

        @BeforeAll
        static void onlyFromTheLauncher() {
            Assumptions.assumeTrue(victimRun, "run by ContractFilterTest");
        }

        @Test
        void documented() {
            given().get(base + "/v1/things/abc?answer=good").then().statusCode(200);
        }

        @Test
        void undocumented() {
            given().get(base + "/v1/things/abc?answer=teapot");
        }

        @Test
        void onAnotherThread() {
            CompletableFuture.runAsync(() -> given().get(base + "/v1/things/abc?answer=long-name"))
                    .exceptionally(swallowed -> null).join();
        }
    }

    // ---- helpers

    private static int call(String method, String path, String answer) {
        return given().request(method, base + path + "?answer=" + answer).statusCode();
    }

    private static String violation(String method, String path, String answer) {
        AssertionError error = assertThrows(AssertionError.class, () -> call(method, path, answer),
                method + " " + path + " answered '" + answer + "' and passed");
        assertTrue(error.getMessage().startsWith("API contract (" + base + "/q/openapi): "), error.getMessage());
        return error.getMessage();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().equals("/q/openapi")) {
                try (InputStream document = ContractFilterTest.class.getResourceAsStream("/contract/things.json")) {
                    send(exchange, new Answer(200, "application/json", new String(document.readAllBytes(),
                            StandardCharsets.UTF_8)));
                }
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            String name = query == null ? "" : query.replace("answer=", "");
            send(exchange, ANSWERS.getOrDefault(name, new Answer(500, "text/plain", "no answer " + name)));
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        if (answer.type() != null) {
            exchange.getResponseHeaders().add("Content-Type", answer.type());
        }
        boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(answer.status(), empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
