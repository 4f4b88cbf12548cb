package io.bankcrm.customer.api;

import io.bankcrm.customer.domain.CustomerKind;
import io.bankcrm.customer.domain.CustomerStatus;
import io.bankcrm.customer.domain.IdType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The OpenAPI shape of a merge patch of a customer (the resource reads it as a JSON tree and applies it to the
 * stored {@code CustomerProfile}, whose bounds it then checks): every field optional, null clears one.
 */
@Schema(name = "CustomerPatch", description = "Profile fields to change; null clears a field, absent ones stay. "
        + "kind, if sent, must be the customer's own.")
record ProfilePatch(
        CustomerKind kind,
        CustomerStatus status,
        @Schema(maxLength = 200) String fullName,
        IdType idType,
        @Schema(maxLength = 40) String idNumber,
        LocalDate dateOfBirth,
        @Schema(maxLength = 20) String mobile,
        @Schema(maxLength = 254) String email,
        @Schema(maxLength = 500) String address,
        @Schema(maxLength = 100) String occupation,
        @Schema(maxLength = 200) String employer,
        @Schema(maxLength = 200) String registeredName,
        @Schema(maxLength = 18) String creditCode,
        @Schema(maxLength = 100) String legalRepresentative,
        @Schema(maxLength = 100) String industry,
        @Schema(minimum = "0", multipleOf = 0.01) BigDecimal registeredCapital,
        @Schema(pattern = "^[A-Z]{3}$", maxLength = 3) String registeredCapitalCurrency,
        @Schema(maxLength = 50) String homeBranch,
        @Schema(maxLength = 100) String relationshipManager,
        @Schema(maxLength = 50) String sourceChannel) {
}
