package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.referral.ReferralProgramme;

import java.time.Instant;

/** A referral programme as stored: the domain programme, who created and last changed it, its version. */
public record StoredReferralProgramme(ReferralProgramme programme, Instant createdAt, String createdBy,
                                      Instant updatedAt, String updatedBy, long version) {
}
