package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.merchant.MerchantApplication;
import io.bankcrm.merchant.domain.onboarding.Onboarding;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored merchant: its application (the legal representative's ID decrypted), its onboarding, who created and
 * last changed it, and its version (the ETag).
 */
public record Merchant(UUID id, MerchantApplication application, Onboarding onboarding, Instant createdAt,
                       String createdBy, Instant updatedAt, String updatedBy, long version) {
}
