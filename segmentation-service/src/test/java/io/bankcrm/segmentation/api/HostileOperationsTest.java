package io.bankcrm.segmentation.api;

import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.bankcrm.platform.testing.hostile.HostileInput;
import io.bankcrm.platform.testing.hostile.HostileOperations;
import io.bankcrm.segmentation.Api;
import io.bankcrm.segmentation.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** platform-testing's hostile-input test over every operation of this service, with its bodies and records. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class HostileOperationsTest extends HostileOperations {

    @Override
    protected HostileInput requests(HostileInput input) {
        String customer = TestData.customerIds(1).get(0).toString();
        return input
                .authorization("Bearer " + TestTokens.token("fuzzer", "crm-admin", "integration", "risk-analyst",
                        "relationship-manager", "team-lead"))
                .pathValue("customerId", customer)
                .pathValue("id", customer)
                .pathValue("period", "2025-06")
                .baseBody("PUT /v1/customers/{customerId}/value-facts/{period}", () -> Api.figures("10.00"));
    }
}
