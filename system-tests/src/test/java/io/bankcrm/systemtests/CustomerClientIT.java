package io.bankcrm.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.clients.customer.ApiClient;
import io.bankcrm.clients.customer.ApiException;
import io.bankcrm.clients.customer.api.CustomersApi;
import io.bankcrm.clients.customer.api.RelationshipsApi;
import io.bankcrm.clients.customer.model.CustomerKind;
import io.bankcrm.clients.customer.model.CustomerPatch;
import io.bankcrm.clients.customer.model.CustomerProfile;
import io.bankcrm.clients.customer.model.CustomerView;
import io.bankcrm.clients.customer.model.RelationshipRequest;
import io.bankcrm.clients.customer.model.RelationshipType;
import io.bankcrm.clients.customer.model.RelationshipView;
import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.identifiers.UnifiedSocialCreditCode;
import io.bankcrm.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * customer-service's packaged jar called through the client generated from its OpenAPI document
 * (module clients/customer-client), the way another bank system calls it: register, read, patch with If-Match,
 * link, and a refusal read as problem details.
 */
class CustomerClientIT {

    @Test
    void anotherBankSystemWorksThroughTheGeneratedClient() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("customer-service", "customer_client", Map.of())) {
            ApiClient client = new ApiClient();
            client.updateBaseUri(service.baseUrl());
            String authorization = TestTokens.bearer("integration");
            client.setRequestInterceptor(request -> request.header("Authorization", authorization));
            CustomersApi customers = new CustomersApi(client);

            long run = System.nanoTime() % 1_000_000;
            String first17 = "110105" + "1985" + "0612" + String.format("%03d", run % 1000);
            // sent through the generated client, not RestAssured: recorded for the scan of the logs
            PersonalValues.record(first17 + ResidentIdNumber.checkCharacter(first17), "139" + String.format("%08d", run));
            CustomerView person = customers.registerCustomer(new CustomerProfile().kind(CustomerKind.INDIVIDUAL)
                    .fullName("刘洋").idNumber(first17 + ResidentIdNumber.checkCharacter(first17))
                    .mobile("139" + String.format("%08d", run)), "client-it-" + UUID.randomUUID());
            String code17 = "91110000" + String.format("MA%07d", run);
            CustomerView company = customers.registerCustomer(new CustomerProfile().kind(CustomerKind.CORPORATE)
                    .registeredName("北京云桥科技有限公司" + run)
                    .creditCode(code17 + UnifiedSocialCreditCode.checkCharacter(code17)), null);

            CustomerView read = customers.getCustomer(person.getId());
            assertEquals("刘洋", read.getFullName());
            assertEquals(Boolean.TRUE, read.getPiiMasked());

            CustomerView changed = customers.updateCustomer(person.getId(), "\"" + read.getVersion() + "\"",
                    new CustomerPatch().occupation("工程师"));
            assertEquals("工程师", changed.getOccupation());
            assertEquals(read.getVersion() + 1, changed.getVersion());

            RelationshipView link = new RelationshipsApi(client).linkCustomers(person.getId(),
                    new RelationshipRequest().relatedCustomerId(company.getId()).type(RelationshipType.EMPLOYEE_OF), null);
            assertEquals(company.getId(), link.getRelatedCustomerId());

            ApiException stale = assertThrows(ApiException.class, () -> customers.updateCustomer(person.getId(),
                    "\"" + read.getVersion() + "\"", new CustomerPatch().occupation("会计")));
            assertEquals(412, stale.getCode());
            JsonNode problem = new ObjectMapper().readTree(stale.getResponseBody());
            assertEquals(412, problem.path("status").asInt());
            assertTrue(problem.path("type").asText().startsWith("https://problems.bankcrm.io/"));
        }
    }
}
