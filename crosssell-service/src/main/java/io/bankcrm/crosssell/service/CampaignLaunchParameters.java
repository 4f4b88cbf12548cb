package io.bankcrm.crosssell.service;

import java.util.UUID;

/** The job parameters of a campaign's launch. */
public record CampaignLaunchParameters(UUID campaignId) {
}
