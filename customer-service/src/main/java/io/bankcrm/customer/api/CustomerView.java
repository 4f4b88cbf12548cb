package io.bankcrm.customer.api;

import io.bankcrm.customer.domain.CustomerKind;
import io.bankcrm.customer.domain.CustomerStatus;
import io.bankcrm.customer.domain.IdType;
import io.bankcrm.customer.domain.rules.FieldIssue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A customer as the API shows it. {@code idNumber}, {@code mobile} and {@code email} are masked unless the
 * caller holds pii-reader; {@code piiMasked} says which.
 */
public record CustomerView(
        UUID id,
        CustomerKind kind,
        CustomerStatus status,
        String displayName,
        String fullName,
        IdType idType,
        String idNumber,
        LocalDate dateOfBirth,
        String mobile,
        String email,
        String address,
        String occupation,
        String employer,
        String registeredName,
        String creditCode,
        String legalRepresentative,
        String industry,
        BigDecimal registeredCapital,
        String registeredCapitalCurrency,
        String homeBranch,
        String relationshipManager,
        String sourceChannel,
        ValueTierView valueTier,
        CompletenessView completeness,
        boolean piiMasked,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    /** The segmentation read model: empty until a tiering run has tiered this customer. */
    public record ValueTierView(String tier, List<String> flags, List<String> reasons, Instant changedAt) {
    }

    public record CompletenessView(int score, List<FieldIssue> issues) {
    }
}
