package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.CustomerStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Moves a customer along its lifecycle. */
public record StatusChange(@NotNull CustomerStatus status, @Size(max = 200) String reason) {
}
