package io.bankcrm.merchant.api;

import io.bankcrm.merchant.service.OfferAction;
import jakarta.validation.constraints.NotNull;

/** A life-cycle step of an offer. */
public record OfferStatusChange(@NotNull OfferAction action) {
}
