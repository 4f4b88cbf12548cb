package io.bankcrm.events.customer;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A relationship from {@code customerId} to {@code relatedCustomerId} began.
 *
 * @param type EMPLOYEE_OF, OFFICER_OF, HOUSEHOLD_MEMBER, SUBSIDIARY_OF or PAYER_OF
 * @param office the office held, for OFFICER_OF (e.g. "CFO"); otherwise null
 */
public record RelationshipLinked(
        UUID relationshipId,
        UUID customerId,
        UUID relatedCustomerId,
        String type,
        String office,
        LocalDate validFrom,
        LocalDate validTo) {
}
