package io.bankcrm.customer.api;

import io.bankcrm.customer.CustomerMother;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The classes of defect a fuzzer found, each reproduced against the real stack: every one is a 4xx problem that
 * names what is wrong, and nothing is stored.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class HostileInputTest {

    static final String RM = TestTokens.bearer("relationship-manager");
    static final String ADMIN = TestTokens.bearer("crm-admin");

    static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("detail", not(containsString("io.bankcrm")))
                .body("detail", not(containsString("java.")));
    }

    static Map<String, Object> profile(String branch) {
        Map<String, Object> p = CustomerMother.individual();
        p.put("homeBranch", branch);
        p.put("relationshipManager", "tester"); // the RM user's own customers: ownership lets RM change them
        return p;
    }

    static int customersOf(String branch) {
        return given().header("Authorization", ADMIN).queryParam("branch", branch).get("/v1/customers")
                .then().statusCode(200).extract().path("items.size()");
    }

    static String branch() {
        return "H" + System.nanoTime() % 100_000_000;
    }

    @Test
    void oddCharactersInAPathSegmentAreProblemsWithOrWithoutAToken() throws IOException {
        for (String segment : List.of("%20", "%7B", "%7D", "%7C", "%22", "%00", "a%20b", "%7Bid%7D")) {
            for (boolean token : List.of(true, false)) {
                RequestSpecification request = given().urlEncodingEnabled(false);
                if (token) {
                    request.header("Authorization", RM);
                }
                int status = request.get("/v1/customers/" + segment).then()
                        .contentType("application/problem+json").extract().statusCode();
                assertTrue(status == 400 || status == 404 || status == 401, segment + " answered " + status);
            }
        }
        // the same characters unencoded, as a client that does not encode sends them
        for (String raw : List.of("{", "}", "|", "\"", "{id}", "%zz", "%")) {
            String answer = rawRequest("GET /v1/customers/" + raw + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + RM + "\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 404") || answer.startsWith("HTTP/1.1 400"), raw + ": " + answer);
            assertTrue(answer.contains("application/problem+json"), raw + ": " + answer);
        }
    }

    @Test
    void aNulCharacterIsRefusedInBodiesQueriesAndPaths() {
        String branch = branch();
        Map<String, Object> p = profile(branch);
        p.put("fullName", "张\u0000伟");
        problem(as(RM).body(p).post("/v1/customers").then(), 400).body("errors[0].field", equalTo("fullName"));
        problem(as(RM).queryParam("namePrefix", "张\u0000").get("/v1/customers").then(), 400)
                .body("errors[0].field", equalTo("namePrefix"));
        problem(given().urlEncodingEnabled(false).header("Authorization", RM)
                .get("/v1/customers?branch=BJ%00").then(), 400);
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("phone", "139\u0000");
        problem(as(RM).body(search).post("/v1/customers/search").then(), 400)
                .body("errors[0].field", equalTo("phone"));
        assertEquals(0, customersOf(branch));
    }

    @Test
    void aRepeatedMemberOrJunkAfterTheDocumentIsA400() {
        String branch = branch();
        String body = json(profile(branch));
        String repeated = body.substring(0, body.length() - 1) + ",\"fullName\":\"李四\"}";
        problem(as(RM).body(repeated).post("/v1/customers").then(), 400);
        problem(as(RM).body(body + "{}").post("/v1/customers").then(), 400)
                .body("errors[0].message", equalTo("must be one JSON document, with nothing after it"));
        problem(as(RM).body(body + " x").post("/v1/customers").then(), 400);
        assertEquals(0, customersOf(branch));
    }

    @Test
    void scalarsAreNotCoerced() {
        String branch = branch();
        Map<String, Object> p = profile(branch);
        p.put("occupation", 12);
        problem(as(RM).body(p).post("/v1/customers").then(), 400).body("errors[0].field", equalTo("occupation"));
        p = profile(branch);
        p.put("employer", true);
        problem(as(RM).body(p).post("/v1/customers").then(), 400).body("errors[0].field", equalTo("employer"));
        p = profile(branch);
        p.put("kind", 0);
        problem(as(RM).body(p).post("/v1/customers").then(), 400).body("errors[0].field", equalTo("kind"));
        p = profile(branch);
        p.put("dateOfBirth", 480000000);
        problem(as(RM).body(p).post("/v1/customers").then(), 400).body("errors[0].field", equalTo("dateOfBirth"));
        assertEquals(0, customersOf(branch));

        String id = register(profile(branch));
        problem(as(RM).body(Map.of("channel", 7, "purpose", "SERVICE", "outcome", "COMPLETED"))
                .post("/v1/customers/" + id + "/interactions").then(), 400).body("errors[0].field", equalTo("channel"));
        problem(as(RM).body(Map.of("channel", "PHONE", "purpose", "SERVICE", "outcome", "COMPLETED",
                        "occurredAt", 1_700_000_000))
                .post("/v1/customers/" + id + "/interactions").then(), 400)
                .body("errors[0].field", equalTo("occurredAt"));
        problem(as(RM).body(Map.of("granted", 1, "source", "BRANCH_FORM"))
                .put("/v1/customers/" + id + "/consents/MARKETING/SMS").then(), 400)
                .body("errors[0].field", equalTo("granted"));
        problem(as(RM).body(Map.of("namePrefix", "张", "limit", 1.5)).post("/v1/customers/search").then(), 400)
                .body("errors[0].field", equalTo("limit"));
        as(RM).get("/v1/customers/" + id + "/interactions").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void malformedQueryValuesAre400sNamingTheParameter() {
        for (String query : List.of("limit=abc", "limit=1.5", "limit=99999999999", "kind=PERSON", "status=1")) {
            String parameter = query.substring(0, query.indexOf('='));
            problem(as(RM).get("/v1/customers?" + query).then(), 400).body("errors[0].field", equalTo(parameter));
        }
        problem(as(RM).get("/v1/customers/incomplete?below=abc").then(), 400).body("errors[0].field", equalTo("below"));
        String id = register(profile(branch()));
        problem(as(RM).get("/v1/customers/" + id + "/relationships?includeEnded=maybe").then(), 400)
                .body("errors[0].field", equalTo("includeEnded"));
        problem(as(RM).get("/v1/customers/" + id + "/relationships?includeEnded=1").then(), 400);
        as(RM).get("/v1/customers/" + id + "/relationships?includeEnded=true").then().statusCode(200);
    }

    @Test
    void aBodyWithoutContentTypeAndAnEmptyIdempotencyKeyAreRefused() throws IOException {
        String branch = branch();
        byte[] body = json(profile(branch)).getBytes(StandardCharsets.UTF_8);
        String answer = rawRequest("POST /v1/customers HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + RM
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n"
                + new String(body, StandardCharsets.UTF_8));
        assertTrue(answer.startsWith("HTTP/1.1 415") && answer.contains("application/problem+json"), answer);
        problem(as(RM).header("Idempotency-Key", "").body(profile(branch)).post("/v1/customers").then(), 400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        problem(as(RM).header("Idempotency-Key", "  ").body(profile(branch)).post("/v1/customers").then(), 400);
        assertEquals(0, customersOf(branch));
    }

    @Test
    void lengthsCountCharactersAndAreEnforced() {
        String branch = branch();
        Map<String, Object> emoji = profile(branch);
        emoji.put("occupation", "😀".repeat(100));
        register(emoji);
        Map<String, Object> tooLong = profile(branch);
        tooLong.put("fullName", "张".repeat(10_000));
        problem(as(RM).body(tooLong).post("/v1/customers").then(), 400).body("errors[0].field", equalTo("fullName"));
        assertEquals(1, customersOf(branch));
    }

    @Test
    void aCreateAnswersTheStoredInstant() {
        Map<String, Object> p = profile(branch());
        var created = as(RM).body(p).post("/v1/customers").then().statusCode(201).extract();
        String id = created.path("id");
        String createdAt = created.path("createdAt");
        String readAt = as(RM).get("/v1/customers/" + id).then().statusCode(200).extract().path("createdAt");
        assertEquals(Instant.parse(readAt), Instant.parse(createdAt));
        assertEquals(readAt, createdAt);
    }

    @Test
    void theWrongJsonShapeIsDescribedWithoutJavaClassNames() {
        String id = register(profile(branch()));
        problem(as(RM).header("If-Match", "\"0\"").body("[\"ACTIVE\"]").post("/v1/customers/" + id + "/status").then(), 400)
                .body("errors[0].message", not(containsString("StatusChange")))
                .body("errors[0].message", not(containsString("io.bankcrm")));
        problem(as(RM).header("If-Match", "\"0\"").body("\"ACTIVE\"").post("/v1/customers/" + id + "/status").then(), 400);
    }

    @Test
    void importFilesThatDoNotReadAreA400() {
        String header = "kind,fullName,idNumber,mobile,homeBranch\n";
        String branch = branch();
        String unbalanced = header + "INDIVIDUAL,\"张伟," + CustomerMother.residentId() + "," + CustomerMother.mobile()
                + "," + branch + "\n";
        problem(given().header("Authorization", ADMIN).contentType("text/csv").body(unbalanced)
                .post("/v1/customer-imports").then(), 400).body("errors[0].field", equalTo("file"));
        byte[] prefix = (header + "INDIVIDUAL,").getBytes(StandardCharsets.UTF_8);
        byte[] rest = ("," + CustomerMother.residentId() + "," + CustomerMother.mobile() + "," + branch + "\n")
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream invalid = new ByteArrayOutputStream();
        invalid.writeBytes(prefix);
        invalid.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        invalid.writeBytes(rest);
        problem(given().header("Authorization", ADMIN).contentType("text/csv").body(invalid.toByteArray())
                .post("/v1/customer-imports").then(), 400).body("detail", containsString("UTF-8"));
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        ndjson.writeBytes("{\"kind\":\"INDIVIDUAL\",\"fullName\":\"".getBytes(StandardCharsets.UTF_8));
        ndjson.writeBytes(new byte[] {(byte) 0xFF});
        ndjson.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        problem(given().header("Authorization", ADMIN).contentType("application/x-ndjson").body(ndjson.toByteArray())
                .post("/v1/customer-imports").then(), 400);
        assertEquals(0, customersOf(branch));
    }

    @Test
    void errorsOfTheHttpServerItselfAreProblems() throws IOException {
        problem(given().header("Authorization", RM).get("/v1/customers?namePrefix=" + "a".repeat(9000)).then(), 414);
        problem(given().header("Authorization", RM).header("X-Padding", "b".repeat(20_000))
                .get("/v1/customers").then(), 431);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            String answer = rawRequest("GET /v1/customers HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0001b\r\n"
                    + "Connection: close\r\n\r\n");
            all.append(i).append(answer.contains("application/problem+json")).append(' ');
        }
        assertTrue(!all.toString().contains("false"), all.toString());
    }

    static String register(Map<String, Object> profile) {
        return as(RM).body(profile).post("/v1/customers").then().statusCode(201).extract().path("id");
    }

    static String json(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends bytes exactly as given (no client-side encoding or validation) and returns the whole answer. */
    static String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
