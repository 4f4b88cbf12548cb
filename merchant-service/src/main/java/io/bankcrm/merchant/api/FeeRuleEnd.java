package io.bankcrm.merchant.api;

import jakarta.validation.constraints.NotNull;

/** The last day a fee split rule is in force. */
public record FeeRuleEnd(@NotNull java.time.LocalDate effectiveTo) {
}
