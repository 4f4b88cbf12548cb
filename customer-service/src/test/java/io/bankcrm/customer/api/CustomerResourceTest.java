package io.bankcrm.customer.api;

import io.bankcrm.customer.CustomerMother;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The customer REST API end to end, against the real PostgreSQL: validation, duplicates, masking, concurrency. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class CustomerResourceTest {

    /** A request by user "tester" of the test customers' branch, holding these roles. */
    static RequestSpecification as(String... roles) {
        return asAt(CustomerMother.BRANCH, roles);
    }

    static RequestSpecification asAt(String branch, String... roles) {
        return given().header("Authorization", "Bearer " + TestTokens.tokenAt("tester", branch, roles))
                .contentType(ContentType.JSON);
    }

    /** Registers the profile as a relationship manager of its branch. */
    static ExtractableResponse<Response> register(Map<String, Object> profile) {
        return asAt((String) profile.get("homeBranch"), "relationship-manager").body(profile).post("/v1/customers")
                .then().statusCode(201).extract();
    }

    @Test
    void registersAnIndividualAndReadsItBackWithAnETag() {
        Map<String, Object> profile = CustomerMother.individual();
        ExtractableResponse<Response> created = register(profile);
        String id = created.path("id");
        assertEquals("\"0\"", created.header("ETag"));
        assertEquals("PROSPECT", created.path("status"));
        assertEquals(100, (int) created.path("completeness.score"));

        as("relationship-manager", "pii-reader").get("/v1/customers/" + id).then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("fullName", equalTo(profile.get("fullName")))
                .body("idNumber", equalTo(profile.get("idNumber")))
                .body("dateOfBirth", notNullValue())
                .body("valueTier", nullValue());
    }

    @Test
    void masksPersonalDataUnlessTheCallerIsAPiiReader() {
        Map<String, Object> profile = CustomerMother.individual();
        String id = register(profile).path("id");
        String idNumber = (String) profile.get("idNumber");
        String mobile = (String) profile.get("mobile");

        as("relationship-manager").get("/v1/customers/" + id).then().statusCode(200)
                .body("piiMasked", equalTo(true))
                .body("idNumber", equalTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14)))
                .body("mobile", equalTo(mobile.substring(0, 3) + "****" + mobile.substring(7)))
                .body("email", equalTo("z***@example.com"));

        as("relationship-manager", "pii-reader").get("/v1/customers/" + id).then().statusCode(200)
                .body("piiMasked", equalTo(false))
                .body("idNumber", equalTo(idNumber))
                .body("mobile", equalTo(mobile))
                .body("email", equalTo(profile.get("email")));
    }

    @Test
    void refusesAWrongResidentIdCheckDigitNamingTheField() {
        Map<String, Object> profile = CustomerMother.individual();
        String valid = (String) profile.get("idNumber");
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        profile.put("idNumber", valid.substring(0, 17) + wrong);
        as("relationship-manager").body(profile).post("/v1/customers").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("idNumber"))
                .body("errors[0].message", containsString("check character"));
    }

    @Test
    void refusesAnImpossibleBirthDateInsideTheIdNumber() {
        Map<String, Object> profile = CustomerMother.individual();
        String first17 = "11010519990230" + "123"; // 30 February
        profile.put("idNumber", first17 + io.bankcrm.identifiers.ResidentIdNumber.checkCharacter(first17));
        as("relationship-manager").body(profile).post("/v1/customers").then()
                .statusCode(400).body("errors.field", hasItem("idNumber"))
                .body("errors[0].message", containsString("calendar date"));
    }

    @Test
    void refusesAWrongCreditCodeAndAWrongMobile() {
        Map<String, Object> corporate = CustomerMother.corporate();
        String code = (String) corporate.get("creditCode");
        corporate.put("creditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
        as("relationship-manager").body(corporate).post("/v1/customers").then()
                .statusCode(400).body("errors.field", hasItem("creditCode"));

        Map<String, Object> individual = CustomerMother.individual();
        individual.put("mobile", "12345678901");
        as("relationship-manager").body(individual).post("/v1/customers").then()
                .statusCode(400).body("errors.field", hasItem("mobile"));
    }

    @Test
    void refusesFieldsOfTheOtherKind() {
        Map<String, Object> individual = CustomerMother.individual();
        individual.put("creditCode", CustomerMother.creditCode());
        as("relationship-manager").body(individual).post("/v1/customers").then()
                .statusCode(400).body("errors.field", hasItem("creditCode"));
    }

    @Test
    void theSameIdNumberTwiceIsAConflictNamingTheExistingCustomer() {
        Map<String, Object> first = CustomerMother.individual();
        String existing = register(first).path("id");
        Map<String, Object> second = CustomerMother.individual();
        second.put("idNumber", ((String) first.get("idNumber")).toLowerCase());
        as("relationship-manager").body(second).post("/v1/customers").then()
                .statusCode(409)
                .body("existingCustomerId", equalTo(existing))
                .body("detail", containsString(existing));
    }

    @Test
    void theSameCreditCodeTwiceIsAConflict() {
        Map<String, Object> first = CustomerMother.corporate();
        String existing = register(first).path("id");
        Map<String, Object> second = CustomerMother.corporate();
        second.put("creditCode", first.get("creditCode"));
        as("relationship-manager").body(second).post("/v1/customers").then()
                .statusCode(409).body("existingCustomerId", equalTo(existing));
    }

    @Test
    void withoutATokenIs401AndWithTheWrongRoleIs403() {
        given().contentType(ContentType.JSON).body(CustomerMother.individual()).post("/v1/customers").then()
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().header("Authorization", TestTokens.forgedBearer("crm-admin")).get("/v1/customers").then()
                .statusCode(401).contentType("application/problem+json");
        as("merchant-ops").body(CustomerMother.individual()).post("/v1/customers").then()
                .statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        as("risk-analyst").body(CustomerMother.individual()).post("/v1/customers").then().statusCode(403);
    }

    @Test
    void healthAndOpenApiStayOpen() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("outbox"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/v1/customers"));
    }

    @Test
    void malformedJsonUnknownEnumsWrongTypesAndUnknownFieldsAreClear400s() {
        as("relationship-manager").body("{\"kind\": ").post("/v1/customers").then()
                .statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON")).body("detail", not(containsString("at io.")));
        as("relationship-manager").body(Map.of("kind", "ALIEN", "fullName", "x")).post("/v1/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("INDIVIDUAL"));
        as("relationship-manager").body(Map.of("kind", "CORPORATE", "registeredCapital", "lots")).post("/v1/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("registeredCapital"));
        as("relationship-manager").body(Map.of("kind", "INDIVIDUAL", "fullName", "李雷", "nickname", "x"))
                .post("/v1/customers").then().statusCode(400).body("errors[0].field", equalTo("nickname"));
        as("relationship-manager").body(Map.of("fullName", "李雷")).post("/v1/customers").then()
                .statusCode(400).body("errors.field", hasItem("kind"));
        as("relationship-manager").get("/v1/customers/not-a-uuid").then()
                .statusCode(404).contentType("application/problem+json");
        as("relationship-manager").get("/v1/customers?limit=0").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
        as("relationship-manager").get("/v1/customers?cursor=%%%").then().statusCode(400);
    }

    @Test
    void anUnknownCustomerIs404Problem() {
        as("relationship-manager").get("/v1/customers/00000000-0000-0000-0000-000000000000").then()
                .statusCode(404).contentType("application/problem+json").body("type", containsString("not-found"));
    }

    @Test
    void updatesNeedTheCurrentETag() {
        String id = register(CustomerMother.individual()).path("id");
        as("relationship-manager").contentType("application/merge-patch+json")
                .body(Map.of("occupation", "Doctor")).patch("/v1/customers/" + id).then()
                .statusCode(428);
        given().header("Authorization", "Bearer " + TestTokens.tokenAt("rm-wang", CustomerMother.BRANCH,
                        "relationship-manager"))
                .contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("occupation", "Doctor")).patch("/v1/customers/" + id).then()
                .statusCode(200).header("ETag", "\"1\"").body("occupation", equalTo("Doctor"))
                .body("createdBy", equalTo("tester")).body("updatedBy", equalTo("rm-wang"));
        as("relationship-manager").contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("occupation", "Lawyer")).patch("/v1/customers/" + id).then()
                .statusCode(412).contentType("application/problem+json");
        as("relationship-manager").get("/v1/customers/" + id).then().body("occupation", equalTo("Doctor"));
    }

    @Test
    void aMergePatchNullClearsAFieldAndLowersCompleteness() {
        String id = register(CustomerMother.individual()).path("id");
        as("relationship-manager").contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"email\": null}").patch("/v1/customers/" + id).then()
                .statusCode(200).body("email", nullValue()).body("completeness.score", equalTo(90))
                .body("completeness.issues.field", hasItem("email"));
        as("relationship-manager").contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("mobile", "123")).patch("/v1/customers/" + id).then()
                .statusCode(400).body("errors.field", hasItem("mobile"));
    }

    @Test
    void moneyInAMergePatchIsExactAndAnUnchangedPatchKeepsTheVersion() {
        String id = register(CustomerMother.corporate()).path("id");
        String body = as("relationship-manager").contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"registeredCapital\": 12345678901234567.89, \"registeredCapitalCurrency\": \"CNY\"}")
                .patch("/v1/customers/" + id).then().statusCode(200).header("ETag", "\"1\"").extract().asString();
        assertEquals(true, body.contains("\"registeredCapital\":12345678901234567.89"), body);
        as("relationship-manager").contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"registeredCapital\": 12345678901234567.89, \"industry\": \"Software\"}").patch("/v1/customers/" + id).then()
                .statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void statusFollowsTheLifecycle() {
        String id = register(CustomerMother.individual()).path("id");
        as("relationship-manager").header("If-Match", "\"0\"").body(Map.of("status", "DORMANT"))
                .post("/v1/customers/" + id + "/status").then().statusCode(409)
                .body("detail", containsString("PROSPECT"));
        as("relationship-manager").header("If-Match", "\"0\"").body(Map.of("status", "ACTIVE"))
                .post("/v1/customers/" + id + "/status").then().statusCode(200).body("status", equalTo("ACTIVE"));
        as("relationship-manager").header("If-Match", "\"1\"").body(Map.of("status", "CLOSED", "reason", "moved abroad"))
                .post("/v1/customers/" + id + "/status").then().statusCode(200);
        as("relationship-manager").header("If-Match", "\"2\"").body(Map.of("status", "ACTIVE"))
                .post("/v1/customers/" + id + "/status").then().statusCode(409);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        Map<String, Object> profile = CustomerMother.individual();
        String key = "reg-" + profile.get("idNumber");
        String first = as("relationship-manager").header("Idempotency-Key", key).body(profile)
                .post("/v1/customers").then().statusCode(201).extract().path("id");
        as("relationship-manager").header("Idempotency-Key", key).body(profile).post("/v1/customers").then()
                .statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(first));
        Map<String, Object> other = CustomerMother.individual();
        as("relationship-manager").header("Idempotency-Key", key).body(other).post("/v1/customers").then()
                .statusCode(422).contentType("application/problem+json");
        // keys belong to their caller: another system using the same key is not answered with this customer
        given().header("Authorization", "Bearer " + TestTokens.token("core-banking", "integration"))
                .contentType(ContentType.JSON).header("Idempotency-Key", key).body(other)
                .post("/v1/customers").then().statusCode(201).body("id", not(equalTo(first)));
    }

    @Test
    void anIndividualNeedsAnIdNumberOrAMobileAndJsonBodiesAreBounded() {
        as("relationship-manager").body(Map.of("kind", "INDIVIDUAL", "fullName", "王五")).post("/v1/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("idNumber"));
        as("relationship-manager").body("{\"kind\":\"INDIVIDUAL\",\"note\":\"" + "x".repeat(1_100_000) + "\"}")
                .post("/v1/customers").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void searchesByChineseNamePrefixPhoneAndFiltersWithCursorPaging() {
        String branch = "SH" + System.nanoTime() % 100000;
        for (int i = 0; i < 3; i++) {
            Map<String, Object> p = CustomerMother.individual();
            p.put("fullName", "欧阳" + branch + i);
            p.put("homeBranch", branch);
            register(p);
        }
        ExtractableResponse<Response> page1 = as("relationship-manager")
                .queryParam("namePrefix", "欧阳" + branch).queryParam("limit", 2)
                .get("/v1/customers").then().statusCode(200).body("items", hasSize(2)).extract();
        String cursor = page1.path("nextCursor");
        as("relationship-manager").queryParam("namePrefix", "欧阳" + branch).queryParam("limit", 2)
                .queryParam("cursor", cursor).get("/v1/customers").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].fullName", equalTo("欧阳" + branch + "2"))
                .body("nextCursor", nullValue());
        as("team-lead").queryParam("branch", branch).queryParam("kind", "INDIVIDUAL")
                .get("/v1/customers").then().statusCode(200).body("items", hasSize(3));

        Map<String, Object> p = CustomerMother.individual();
        String id = register(p).path("id");
        as("relationship-manager").body(Map.of("phone", "+86 " + p.get("mobile")))
                .post("/v1/customers/search").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id));
        as("relationship-manager").body(Map.of("idNumber", p.get("idNumber")))
                .post("/v1/customers/search").then().statusCode(200).body("items[0].id", equalTo(id));
        // identifiers stay out of URLs: refused, not silently ignored (which would list everyone)
        as("relationship-manager").queryParam("phone", p.get("mobile")).get("/v1/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("phone"));
    }

    @Test
    void matchesByIdNumberPhoneOrNameWithDateOfBirth() {
        Map<String, Object> p = CustomerMother.individual();
        String id = register(p).path("id");
        String dob = as("relationship-manager").get("/v1/customers/" + id).path("dateOfBirth");
        List<Map<String, Object>> candidates = as("integration")
                .body(Map.of("name", p.get("fullName"), "dateOfBirth", dob, "mobile", p.get("mobile")))
                .post("/v1/customers/match").then().statusCode(200).extract().path("");
        assertEquals(1, candidates.size());
        assertEquals(List.of("mobile", "nameAndDateOfBirth"), candidates.get(0).get("matchedOn"));
        as("integration").body(Map.of()).post("/v1/customers/match").then().statusCode(400);
    }

    @Test
    void listsCustomersBelowACompletenessLevelForABranch() {
        String branch = "GZ" + System.nanoTime() % 100000;
        Map<String, Object> complete = CustomerMother.individual();
        complete.put("homeBranch", branch);
        register(complete);
        Map<String, Object> sparse = Map.of("kind", "INDIVIDUAL", "fullName", "陈静", "mobile", CustomerMother.mobile(),
                "homeBranch", branch);
        String sparseId = register(new java.util.HashMap<>(sparse)).path("id");
        as("team-lead").queryParam("branch", branch).queryParam("below", 80)
                .get("/v1/customers/incomplete").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(sparseId))
                .body("items[0].completeness.issues.field", hasItem("idNumber"));
        as("team-lead").queryParam("below", 80).get("/v1/customers/incomplete").then().statusCode(400);
    }
}
