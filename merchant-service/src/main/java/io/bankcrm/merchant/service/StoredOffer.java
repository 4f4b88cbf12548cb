package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.offer.FunderBudget;
import io.bankcrm.merchant.domain.offer.Offer;

import java.time.Instant;
import java.util.List;

/** An offer as stored: the domain offer, its budgets, who created and changed it, its version. */
public record StoredOffer(Offer offer, List<FunderBudget> budgets, Instant createdAt, String createdBy,
                          Instant updatedAt, String updatedBy, long version) {
}
