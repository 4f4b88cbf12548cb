package io.bankcrm.merchant.api;

import io.bankcrm.merchant.domain.onboarding.DocumentType;
import jakarta.validation.constraints.NotNull;

/** A document the merchant handed in. */
public record DocumentReceipt(@NotNull DocumentType type) {
}
