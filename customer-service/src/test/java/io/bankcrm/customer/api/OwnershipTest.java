package io.bankcrm.customer.api;

import io.bankcrm.customer.CustomerMother;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * Who may change whose customers, on every changing operation: a relationship manager their branch's and those they
 * manage, a team lead their branch's, crm-admin and integration any; a change outside is 403 and changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class OwnershipTest {

    static final String RM = "relationship-manager";
    static final String ADMIN = "Bearer " + TestTokens.token("admin", "crm-admin");

    static String branch() {
        return "OW" + System.nanoTime() % 100_000_000;
    }

    static RequestSpecification as(String user, String branch, String... roles) {
        return bearer("Bearer " + TestTokens.tokenAt(user, branch, roles));
    }

    static RequestSpecification bearer(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    /** A customer of {@code branch} managed by rm-owner, registered by an administrator. */
    static String customerOf(String branch, Map<String, Object> profile) {
        profile.put("homeBranch", branch);
        profile.put("relationshipManager", "rm-owner");
        return bearer(ADMIN).body(profile).post("/v1/customers").then().statusCode(201).extract().path("id");
    }

    static void refused(ValidatableResponse response) {
        response.statusCode(403).contentType("application/problem+json").body("status", equalTo(403))
                .body("type", endsWith("/not-owner"));
    }

    static RequestSpecification patch(RequestSpecification request) {
        return request.contentType("application/merge-patch+json").header("If-Match", "\"0\"");
    }

    @Test
    void aRelationshipManagerOfAnotherBranchChangesNothing() {
        String branch = branch();
        String id = customerOf(branch, CustomerMother.individual());
        String company = customerOf(branch, CustomerMother.corporate());
        String outsider = branch();
        RequestSpecification other = as("rm-other", outsider, RM);

        Map<String, Object> newcomer = CustomerMother.individual();
        newcomer.put("homeBranch", branch);
        refused(other.body(newcomer).post("/v1/customers").then());
        bearer(ADMIN).queryParam("branch", branch).get("/v1/customers").then().body("items", hasSize(2));

        refused(patch(as("rm-other", outsider, RM)).body(Map.of("occupation", "Pilot"))
                .patch("/v1/customers/" + id).then());
        refused(as("rm-other", outsider, RM).header("If-Match", "\"0\"").body(Map.of("status", "ACTIVE"))
                .post("/v1/customers/" + id + "/status").then());
        bearer(ADMIN).get("/v1/customers/" + id).then().header("ETag", "\"0\"")
                .body("occupation", equalTo("Engineer")).body("status", equalTo("PROSPECT"));

        refused(as("rm-other", outsider, RM).body(Map.of("relatedCustomerId", company, "type", "EMPLOYEE_OF"))
                .post("/v1/customers/" + id + "/relationships").then());
        bearer(ADMIN).get("/v1/customers/" + id + "/relationships").then().body("items", hasSize(0));
        String link = bearer(ADMIN).body(Map.of("relatedCustomerId", company, "type", "EMPLOYEE_OF"))
                .post("/v1/customers/" + id + "/relationships").then().statusCode(201).extract().path("id");
        refused(as("rm-other", outsider, RM).body(Map.of("reason", "left"))
                .post("/v1/customers/" + id + "/relationships/" + link + "/end").then());
        refused(as("rm-other", outsider, RM).body(Map.of("reason", "left"))
                .post("/v1/customers/" + company + "/relationships/" + link + "/end").then());
        bearer(ADMIN).get("/v1/customers/" + id + "/relationships").then().body("items", hasSize(1))
                .body("items[0].active", equalTo(true));

        refused(as("rm-other", outsider, RM).body(Map.of("granted", true, "source", "BRANCH_FORM"))
                .put("/v1/customers/" + id + "/consents/MARKETING/SMS").then());
        bearer(ADMIN).get("/v1/customers/" + id + "/consents").then().body("granted", everyItem(equalTo(false)));
        bearer(ADMIN).get("/v1/customers/" + id + "/consents/history").then().body("items", hasSize(0));

        refused(as("rm-other", outsider, RM).body(Map.of("channel", "PHONE", "purpose", "SERVICE",
                "outcome", "COMPLETED")).post("/v1/customers/" + id + "/interactions").then());
        bearer(ADMIN).get("/v1/customers/" + id + "/interactions").then().body("items", hasSize(0));
    }

    @Test
    void aRelationshipManagerChangesTheirBranchsCustomersAndThoseTheyManage() {
        String branch = branch();
        String id = customerOf(branch, CustomerMother.individual());
        patch(as("rm-colleague", branch, RM)).body(Map.of("occupation", "Pilot"))
                .patch("/v1/customers/" + id).then().statusCode(200).body("occupation", equalTo("Pilot"));
        // rm-owner works at another branch but manages this customer
        String elsewhere = branch();
        as("rm-owner", elsewhere, RM).header("If-Match", "\"1\"").body(Map.of("status", "ACTIVE"))
                .post("/v1/customers/" + id + "/status").then().statusCode(200);
        as("rm-owner", elsewhere, RM).body(Map.of("granted", true, "source", "BRANCH_FORM"))
                .put("/v1/customers/" + id + "/consents/MARKETING/SMS").then().statusCode(200);
        Map<String, Object> managed = CustomerMother.individual();
        managed.put("homeBranch", branch);
        managed.put("relationshipManager", "rm-owner");
        as("rm-owner", elsewhere, RM).body(managed).post("/v1/customers").then().statusCode(201);
        // without a branch claim, only the customers they manage
        refused(as("rm-colleague", null, RM).contentType("application/merge-patch+json").header("If-Match", "\"2\"")
                .body(Map.of("occupation", "Chef")).patch("/v1/customers/" + id).then());
    }

    @Test
    void aTeamLeadRecordsContactOnlyInTheirBranch() {
        String branch = branch();
        String id = customerOf(branch, CustomerMother.individual());
        Map<String, Object> call = Map.of("channel", "PHONE", "purpose", "SERVICE", "outcome", "COMPLETED");
        refused(as("tl-other", branch(), "team-lead").body(call).post("/v1/customers/" + id + "/interactions").then());
        as("tl-here", branch, "team-lead").body(call).post("/v1/customers/" + id + "/interactions").then()
                .statusCode(201);
        bearer(ADMIN).get("/v1/customers/" + id + "/interactions").then().body("items", hasSize(1));
    }

    @Test
    void crmAdminAndIntegrationChangeAnyCustomer() {
        String id = customerOf(branch(), CustomerMother.individual());
        patch(bearer("Bearer " + TestTokens.token("core-banking", "integration"))).body(Map.of("occupation", "Pilot"))
                .patch("/v1/customers/" + id).then().statusCode(200);
        bearer(ADMIN).header("If-Match", "\"1\"").body(Map.of("status", "ACTIVE"))
                .post("/v1/customers/" + id + "/status").then().statusCode(200);
    }
}
