package io.bankcrm.customer.service;

import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Ends a relationship on {@code validTo} (default today); the link stays in the history. */
public record RelationshipEnd(LocalDate validTo, @Size(max = 200) String reason) {
}
