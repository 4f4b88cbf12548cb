package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.CustomerKind;
import io.bankcrm.customer.domain.CustomerStatus;
import io.bankcrm.customer.domain.IdType;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer's profile as a caller writes it: the body of registration, a bulk-import row, and the document
 * a merge patch applies to. Individual fields are for kind INDIVIDUAL, corporate fields for CORPORATE; the
 * service refuses fields of the other kind.
 */
@Schema(description = "A customer profile; fields of the other kind must be absent")
public record CustomerProfile(
        @NotNull CustomerKind kind,
        @Schema(description = "Initial status: PROSPECT (default) or ACTIVE") CustomerStatus status,
        @Size(max = 200) String fullName,
        @Schema(description = "Defaults to RESIDENT_ID when idNumber is given") IdType idType,
        @Size(max = 40) String idNumber,
        LocalDate dateOfBirth,
        @Size(max = 20) String mobile,
        @Size(max = 254) String email,
        @Size(max = 500) String address,
        @Size(max = 100) String occupation,
        @Size(max = 200) String employer,
        @Size(max = 200) String registeredName,
        @Size(max = 18) String creditCode,
        @Size(max = 100) String legalRepresentative,
        @Size(max = 100) String industry,
        @PositiveOrZero @Digits(integer = 17, fraction = 2) BigDecimal registeredCapital,
        @Size(max = 3) @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String registeredCapitalCurrency,
        @Size(max = 50) String homeBranch,
        @Size(max = 100) String relationshipManager,
        @Size(max = 50) String sourceChannel) {
}
