package io.bankcrm.crosssell.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.clients.customer.ApiClient;
import io.bankcrm.clients.customer.ApiException;
import io.bankcrm.clients.customer.api.CustomersApi;
import io.bankcrm.clients.customer.api.RelationshipsApi;
import io.bankcrm.clients.customer.model.CustomerKind;
import io.bankcrm.clients.customer.model.CustomerProfile;
import io.bankcrm.clients.customer.model.RelationshipEnd;
import io.bankcrm.clients.customer.model.RelationshipRequest;
import io.bankcrm.clients.customer.model.RelationshipType;
import io.bankcrm.crosssell.config.CrosssellConfig;
import io.bankcrm.platform.calls.Dependency;
import io.bankcrm.platform.calls.SystemCalls;
import io.bankcrm.platform.domain.Violation;
import io.bankcrm.platform.jobs.JobContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the roster job asks of customer-service, and all it asks: register or match a person, link them to the
 * employer, end a link — through the client generated from customer-service's OpenAPI document
 * ({@code clients/customer-client}), as a system caller by platform's {@link SystemCalls}: the service token, the
 * trace, retries with backoff honouring Retry-After, a circuit breaker, and, while customer-service cannot answer,
 * a job that waits ({@link Dependency#awaitIn}) and goes on from the same row. Every call carries an
 * Idempotency-Key, and the answers that mean "done already" count as done, so a retried or resumed call never does
 * anything twice.
 */
@ApplicationScoped
public class CustomerDirectory {

    static final String NAME = "customer-service";

    private final Dependency customerService;
    private final CustomersApi customers;
    private final RelationshipsApi relationships;
    private final ObjectMapper json;

    public CustomerDirectory(SystemCalls calls, CrosssellConfig config, ObjectMapper json) {
        this.customerService = calls.dependency(NAME, config.customerService().url());
        ApiClient client = new ApiClient();
        client.updateBaseUri(customerService.baseUri().toString());
        client.setRequestInterceptor(customerService::prepare);
        client.setResponseInterceptor(customerService::inspect);
        this.customers = new CustomersApi(client);
        this.relationships = new RelationshipsApi(client);
        this.json = json;
    }

    /**
     * Registers the person (kind INDIVIDUAL) or matches the customer who has the ID number already; waits in
     * {@code job} while customer-service is unavailable ({@code onWait} shows it).
     */
    public Registration register(JobContext job, Runnable onWait, Person person, String idempotencyKey) {
        CustomerProfile profile = new CustomerProfile().kind(CustomerKind.INDIVIDUAL).fullName(person.fullName())
                .idNumber(person.idNumber()).mobile(person.mobile()).homeBranch(person.homeBranch())
                .occupation(person.occupation()).sourceChannel("PAYROLL_ROSTER");
        try {
            return customerService.awaitIn(job, onWait, () -> {
                try {
                    return new Registration.Registered(customers.registerCustomer(profile, idempotencyKey).getId(), false);
                } catch (ApiException e) {
                    JsonNode problem = problem(e);
                    if (e.getCode() == 409 && problem.hasNonNull("existingCustomerId")) {
                        return new Registration.Registered(UUID.fromString(problem.get("existingCustomerId").asText()), true);
                    }
                    if (e.getCode() == 400 || e.getCode() == 422) {
                        return new Registration.Refused(violations(problem));
                    }
                    throw e;
                }
            });
        } catch (ApiException e) {
            throw unexpected("POST /v1/customers", e);
        }
    }

    /** Links the customer to the employer; an open link of the same kind counts as done. Returns its id. */
    public UUID link(JobContext job, Runnable onWait, UUID customerId, UUID employerId, String type, String office,
                     LocalDate validFrom, String idempotencyKey) {
        RelationshipRequest request = new RelationshipRequest().relatedCustomerId(employerId)
                .type(RelationshipType.fromValue(type)).office(office).validFrom(validFrom);
        try {
            return customerService.awaitIn(job, onWait, () -> {
                try {
                    return relationships.linkCustomers(customerId, request, idempotencyKey).getId();
                } catch (ApiException e) {
                    JsonNode problem = problem(e);
                    if (e.getCode() == 409 && problem.hasNonNull("existingRelationshipId")) {
                        return UUID.fromString(problem.get("existingRelationshipId").asText());
                    }
                    throw e;
                }
            });
        } catch (ApiException e) {
            throw unexpected("POST /v1/customers/" + customerId + "/relationships", e);
        }
    }

    /** Ends the relationship on {@code validTo}; one ended already (409) counts as done. */
    public void end(JobContext job, Runnable onWait, UUID customerId, UUID relationshipId, LocalDate validTo,
                    String reason, String idempotencyKey) {
        RelationshipEnd request = new RelationshipEnd().validTo(validTo).reason(reason);
        try {
            customerService.awaitIn(job, onWait, () -> {
                try {
                    return relationships.endRelationship(customerId, relationshipId, request, idempotencyKey).getId();
                } catch (ApiException e) {
                    if (e.getCode() == 409) {
                        return relationshipId; // ended already: by an earlier attempt whose answer was lost, or by someone else
                    }
                    throw e;
                }
            });
        } catch (ApiException e) {
            throw unexpected("POST /v1/customers/" + customerId + "/relationships/" + relationshipId + "/end", e);
        }
    }

    private JsonNode problem(ApiException e) {
        try {
            String body = e.getResponseBody();
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException unreadable) {
            return json.createObjectNode();
        }
    }

    private static List<Violation> violations(JsonNode problem) {
        List<Violation> found = new ArrayList<>();
        for (JsonNode e : problem.path("errors")) {
            found.add(new Violation(e.path("field").asText("row"), e.path("message").asText("refused")));
        }
        if (found.isEmpty()) {
            found.add(new Violation("row", problem.path("detail").asText("refused by customer-service")));
        }
        return found;
    }

    /** An answer that no retry changes (401, 403, an unexpected 4xx): the job fails with an incident. */
    private static IllegalStateException unexpected(String call, ApiException e) {
        return new IllegalStateException("customer-service answered " + e.getCode() + " to " + call, e);
    }

    /** A roster's person as customer-service registers them. The ID number and mobile are never stored here. */
    public record Person(String fullName, String idNumber, String mobile, String homeBranch, String occupation) {

        @Override
        public String toString() {
            return "Person[masked]";
        }
    }

    /** customer-service's answer to a registration. */
    public sealed interface Registration {
        /** @param matched the person was a customer already (409 with existingCustomerId) */
        record Registered(UUID customerId, boolean matched) implements Registration {
        }

        /** customer-service refused the row (400): its field messages become the row's errors. */
        record Refused(List<Violation> errors) implements Registration {
        }
    }
}
