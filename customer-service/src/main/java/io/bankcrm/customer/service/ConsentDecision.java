package io.bankcrm.customer.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The customer's decision for one purpose on one channel, and where it was given (e.g. "BRANCH_FORM"). */
public record ConsentDecision(@NotNull Boolean granted, @NotBlank @Size(max = 100) String source) {
}
