package io.bankcrm.crosssell.service;

import io.bankcrm.platform.domain.Violation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the roster job asks of customer-service, and all it asks: register or match a person, link them to the
 * employer, end a link. Every call carries an Idempotency-Key, and the answers that mean "done already" count as
 * done, so a retried or resumed call never does anything twice. {@link CustomerServiceClient} is the HTTP adapter;
 * a client generated from customer-service's OpenAPI document replaces it behind this interface.
 */
public interface CustomerDirectory {

    /**
     * Registers the person (kind INDIVIDUAL) or matches the customer who has the ID number already.
     *
     * @throws CustomerServiceUnavailable when customer-service cannot answer now (the caller waits and retries)
     */
    Registration register(Person person, String idempotencyKey);

    /**
     * Links the customer to the employer; an open link of the same kind counts as done.
     *
     * @return the relationship's id
     */
    UUID link(UUID customerId, UUID employerId, String type, String office, LocalDate validFrom,
              String idempotencyKey);

    /** Ends the relationship on {@code validTo}; one ended already counts as done. */
    void end(UUID customerId, UUID relationshipId, LocalDate validTo, String reason, String idempotencyKey);

    /** A roster's person as customer-service registers them. The ID number and mobile are never stored here. */
    record Person(String fullName, String idNumber, String mobile, String homeBranch, String occupation) {

        @Override
        public String toString() {
            return "Person[masked]";
        }
    }

    /** customer-service's answer to a registration. */
    sealed interface Registration {
        /** @param matched the person was a customer already (409 with existingCustomerId) */
        record Registered(UUID customerId, boolean matched) implements Registration {
        }

        /** customer-service refused the row (400): its field messages become the row's errors. */
        record Refused(List<Violation> errors) implements Registration {
        }
    }
}
