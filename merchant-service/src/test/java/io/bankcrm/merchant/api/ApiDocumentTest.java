package io.bankcrm.merchant.api;

import io.bankcrm.platform.testing.ApiDocuments;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.contract.ContractFilter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * API layer: the published OpenAPI document is complete and names the roles @RolesAllowed names, and the contract filter
 * holds every answer of this module's tests to it.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class ApiDocumentTest {

    @Test
    void everyOperationIsDocumentedCompletelyWithTheRolesItAllows() {
        ApiDocuments.check("io.bankcrm.merchant.api");
    }

    @Test
    void theContractFilterChecksEveryAnswerThisModulesTestsReceive() {
        // on through the pom's bankcrm.contract.filter and junit-platform.properties' extension auto-detection
        assertTrue(RestAssured.filters().stream().anyMatch(f -> f.getClass().getName()
                .equals(ContractFilter.class.getName())), "the contract filter is installed: " + RestAssured.filters());
    }
}
