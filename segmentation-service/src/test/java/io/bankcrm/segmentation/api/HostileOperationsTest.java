package io.bankcrm.segmentation.api;

import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.bankcrm.platform.testing.hostile.HostileInput;
import io.bankcrm.platform.testing.hostile.StoredRows;
import io.bankcrm.segmentation.Api;
import io.bankcrm.segmentation.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;

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
        String customer = TestData.customerIds(1).get(0).toString();
        HostileInput.against(base)
                .authorization("Bearer " + TestTokens.token("fuzzer", "crm-admin", "integration", "risk-analyst",
                        "relationship-manager", "team-lead"))
                .storedRows(() -> StoredRows.count(database))
                .pathValue("customerId", customer)
                .pathValue("id", customer)
                .pathValue("period", "2025-06")
                .baseBody("PUT /v1/customers/{customerId}/value-facts/{period}", () -> Api.figures("10.00"))
                .tries(Integer.getInteger("hostile.tries", 250))
                .check();
    }
}
