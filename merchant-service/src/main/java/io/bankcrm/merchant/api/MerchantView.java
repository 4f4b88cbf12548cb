package io.bankcrm.merchant.api;

import io.bankcrm.merchant.domain.merchant.Address;
import io.bankcrm.merchant.domain.merchant.MccGroup;
import io.bankcrm.merchant.domain.merchant.SettlementAccount;
import io.bankcrm.merchant.domain.onboarding.OnboardingStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A merchant as the API shows it; the legal representative's resident ID is masked unless the caller is a pii-reader. */
@Schema(name = "Merchant")
public record MerchantView(
        UUID id,
        String registeredName,
        String creditCode,
        String licenceNumber,
        LocalDate licenceExpiry,
        LegalRepresentativeView legalRepresentative,
        String mcc,
        MccGroup mccGroup,
        Address registeredAddress,
        Address businessAddress,
        SettlementAccount settlementAccount,
        OnboardingStatus status,
        @Schema(description = "True when personal identifiers are masked for this caller") boolean piiMasked,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public record LegalRepresentativeView(String name,
                                          @Schema(description = "Masked (110101********1234) unless pii-reader")
                                          String residentIdNumber) {
    }
}
