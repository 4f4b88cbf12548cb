package io.bankcrm.customer.api;

import io.bankcrm.customer.CustomerMother;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.bankcrm.platform.testing.hostile.HostileInput;
import io.bankcrm.platform.testing.hostile.HostileOperations;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.Map;

import static io.bankcrm.customer.api.CustomerResourceTest.register;

/** platform-testing's hostile-input test over every operation of this service, with its bodies and records. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class HostileOperationsTest extends HostileOperations {

    @Override
    protected HostileInput requests(HostileInput input) {
        String customer = register(CustomerMother.individual()).path("id");
        String company = register(CustomerMother.corporate()).path("id");
        return input
                .authorization("Bearer " + TestTokens.tokenAt("fuzzer", CustomerMother.BRANCH, "crm-admin",
                        "integration", "relationship-manager", "team-lead", "risk-analyst"))
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
                        () -> Map.of("channel", "PHONE", "purpose", "SERVICE", "outcome", "COMPLETED"));
    }
}
