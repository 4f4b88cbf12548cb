package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.RelationshipType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/** Links this customer to another: "this customer is EMPLOYEE_OF / OFFICER_OF / … the related one". */
public record RelationshipRequest(
        @NotNull UUID relatedCustomerId,
        @NotNull RelationshipType type,
        @Size(max = 100) String office,
        LocalDate validFrom,
        LocalDate validTo) {
}
