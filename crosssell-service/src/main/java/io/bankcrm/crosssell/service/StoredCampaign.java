package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.campaign.CampaignTarget;
import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.platform.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A campaign as stored.
 *
 * @param status      DRAFT until launched, then LAUNCHED
 * @param launchJobId the job of the last launch; null for a draft
 */
public record StoredCampaign(UUID id, String name, ProductCode product, CampaignTarget target, LocalDate startsOn,
                             LocalDate endsOn, Money budget, Money actualCost, String status, UUID launchJobId,
                             long version, Instant createdAt, String createdBy, Instant updatedAt) {

    public static final String DRAFT = "DRAFT";
    public static final String LAUNCHED = "LAUNCHED";
}
