package io.bankcrm.customer.api;

import io.bankcrm.customer.CustomerMother;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.bankcrm.platform.testing.hostile.HostileInput;
import io.bankcrm.platform.testing.hostile.StoredRows;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.util.Map;

import static io.bankcrm.customer.api.CustomerResourceTest.register;

/**
 * Generated hostile requests (platform-testing's jqwik generators) against every operation of this service's
 * OpenAPI document: no 5xx, every error problem+json, nothing stored.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class HostileOperationsTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource database;

    @Test
    void everyOperationRefusesHostileInputAndStoresNothing() {
        String customer = register(CustomerMother.individual()).path("id");
        String company = register(CustomerMother.corporate()).path("id");
        HostileInput.against(base)
                .authorization("Bearer " + TestTokens.tokenAt("fuzzer", CustomerMother.BRANCH, "crm-admin",
                        "integration", "relationship-manager", "team-lead", "risk-analyst"))
                .storedRows(() -> StoredRows.count(database))
                .pathValue("id", customer)
                .baseBody("POST /v1/customers", CustomerMother::individual)
                .baseBody("PATCH /v1/customers/{id}", () -> Map.of("occupation", "Doctor"))
                .baseBody("POST /v1/customers/{id}/status", () -> Map.of("status", "ACTIVE"))
                .baseBody("POST /v1/customers/search", () -> Map.of("namePrefix", "张"))
                .baseBody("POST /v1/customers/match", () -> Map.of("name", "张伟", "mobile", CustomerMother.mobile()))
                .baseBody("POST /v1/customers/{id}/relationships",
                        () -> Map.of("relatedCustomerId", company, "type", "EMPLOYEE_OF"))
                .baseBody("POST /v1/customers/{id}/relationships/{relationshipId}/end", () -> Map.of("reason", "left"))
                .baseBody("PUT /v1/customers/{id}/consents/{purpose}/{channel}",
                        () -> Map.of("granted", true, "source", "BRANCH_FORM"))
                .baseBody("POST /v1/customers/{id}/interactions",
                        () -> Map.of("channel", "PHONE", "purpose", "SERVICE", "outcome", "COMPLETED"))
                .tries(Integer.getInteger("hostile.tries", 250))
                .check();
    }
}
