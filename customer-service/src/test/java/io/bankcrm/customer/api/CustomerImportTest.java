package io.bankcrm.customer.api;

import io.bankcrm.customer.CustomerMother;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bulk import as a job, against the real PostgreSQL: good rows land, bad rows are reported, re-runs add nobody. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class CustomerImportTest {

    @Test
    void anNdjsonFileWithGoodAndBadRowsLandsTheGoodOnesAndReportsTheBad() {
        String branch = "IMP" + System.nanoTime() % 1_000_000;
        String good1 = json(individual(branch));
        Map<String, Object> badIdRow = individual(branch);
        String id = (String) badIdRow.get("idNumber");
        badIdRow.put("idNumber", id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'));
        String good2 = json(CustomerMother.corporate(), branch);
        String file = good1 + "\n" + "{this is not json\n" + "\n" + json(badIdRow) + "\n" + good2 + "\n"
                + json(individual(branch)) + "\n";

        ExtractableResponse<Response> job = submit(file, "application/x-ndjson");
        assertEquals(5, (int) job.path("totalRows"));
        Map<String, Object> done = awaitFinished(job.header("Location"));
        assertEquals("COMPLETED", done.get("status"));
        assertEquals(5, done.get("rowsDone"));
        assertEquals(3, done.get("rowsAccepted"));
        assertEquals(2, done.get("rowsRejected"));

        List<Map<String, Object>> errors = given().header("Authorization", TestTokens.bearer("crm-admin"))
                .get(job.header("Location") + "/errors").then().statusCode(200).extract().path("items");
        assertEquals(2, errors.get(0).get("row"));
        assertEquals("row", errors.get(0).get("field"));
        assertEquals(3, errors.get(1).get("row"));
        assertEquals("idNumber", errors.get(1).get("field"));
        assertEquals(3, customersOf(branch));
        given().header("Authorization", TestTokens.bearer("crm-admin")).queryParam("branch", branch)
                .get("/v1/customers").then().body("items.createdBy", org.hamcrest.Matchers.everyItem(equalTo("tester")));

        // The same file again: the rows that landed are recognised, nobody is created twice.
        Map<String, Object> again = awaitFinished(submit(file, "application/x-ndjson").header("Location"));
        assertEquals(3, again.get("rowsAccepted"));
        assertEquals(3, customersOf(branch));
    }

    @Test
    void aCsvFileMapsColumnsByHeaderAndReportsRowsWithWrongShape() {
        String branch = "CSV" + System.nanoTime() % 1_000_000;
        String csv = "kind,fullName,idNumber,mobile,homeBranch\n"
                + "INDIVIDUAL,\"孙,丽\"," + CustomerMother.residentId() + "," + CustomerMother.mobile() + "," + branch + "\n"
                + "INDIVIDUAL,周杰,,," + branch + ",extra\n"
                + "INDIVIDUAL,吴敏,," + CustomerMother.mobile() + "," + branch + "\n"
                + "ROBOT,x,,," + branch + "\n";
        ExtractableResponse<Response> job = submit(csv, "text/csv");
        Map<String, Object> done = awaitFinished(job.header("Location"));
        assertEquals(2, done.get("rowsAccepted"));
        assertEquals(2, done.get("rowsRejected"));
        List<String> fields = given().header("Authorization", TestTokens.bearer("integration"))
                .get(job.header("Location") + "/errors").then().statusCode(200).extract().path("items.field");
        assertEquals(List.of("row", "kind"), fields);
        assertEquals(2, customersOf(branch));
    }

    @Test
    void aFileThatCannotBeReadIsRefusedBeforeAnyRowIsApplied() {
        given().header("Authorization", TestTokens.bearer("crm-admin")).contentType("text/csv")
                .body("kind,nickname\nINDIVIDUAL,x\n").post("/v1/customer-imports").then()
                .statusCode(400).body("errors[0].field", equalTo("header"));
        given().header("Authorization", TestTokens.bearer("crm-admin")).contentType("text/plain")
                .body("hello").post("/v1/customer-imports").then().statusCode(415);
        given().header("Authorization", TestTokens.bearer("crm-admin")).contentType("application/x-ndjson")
                .body("\n\n".getBytes(StandardCharsets.UTF_8)).post("/v1/customer-imports").then().statusCode(400);
        given().header("Authorization", TestTokens.bearer("relationship-manager")).contentType("text/csv")
                .body("kind\nINDIVIDUAL\n").post("/v1/customer-imports").then().statusCode(403);
    }

    private static Map<String, Object> individual(String branch) {
        Map<String, Object> p = CustomerMother.individual();
        p.put("homeBranch", branch);
        return p;
    }

    private static String json(Map<String, Object> profile, String branch) {
        profile.put("homeBranch", branch);
        return json(profile);
    }

    private static String json(Map<String, Object> profile) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(profile);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ExtractableResponse<Response> submit(String body, String contentType) {
        return given().header("Authorization", TestTokens.bearer("integration")).contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/v1/customer-imports").then().statusCode(202).extract();
    }

    static Map<String, Object> awaitFinished(String location) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Map<String, Object> job = given().header("Authorization", TestTokens.bearer("crm-admin"))
                    .get(location).then().statusCode(200).extract().path("");
            if ("COMPLETED".equals(job.get("status")) || "FAILED".equals(job.get("status"))) {
                return job;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("import job did not finish: " + job);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static int customersOf(String branch) {
        List<?> items = given().header("Authorization", TestTokens.bearer("crm-admin"))
                .queryParam("branch", branch).queryParam("limit", 200)
                .get("/v1/customers").then().statusCode(200).extract().path("items");
        return items.size();
    }
}
