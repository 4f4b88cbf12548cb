package io.bankcrm.customer.api;

import io.bankcrm.customer.domain.RelationshipType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A relationship seen from one customer: OUTGOING when this customer is the subject ("is EMPLOYEE_OF"),
 * INCOMING when the other is (an employer sees its employees this way).
 */
public record RelationshipView(
        UUID id,
        String direction,
        UUID customerId,
        UUID relatedCustomerId,
        RelationshipType type,
        String office,
        LocalDate validFrom,
        LocalDate validTo,
        boolean active,
        String endReason,
        Instant createdAt) {
}
