package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.merchant.Address;
import io.bankcrm.merchant.domain.merchant.LegalRepresentative;
import io.bankcrm.merchant.domain.merchant.MerchantApplication;
import io.bankcrm.merchant.domain.merchant.SettlementAccount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * A merchant application as the caller writes it (the body of {@code POST /v1/merchants}). The sizes bound the
 * input; {@code MerchantApplicationRules} then checks every field and answers all faults at once.
 */
@Schema(description = "A merchant's application to become a card partner")
public record MerchantForm(
        @Size(max = 100) String registeredName,
        @Schema(description = "Unified social credit code (GB 32100-2015), its check character validated")
        @Size(max = 18) String creditCode,
        @Schema(description = "The licence number: the credit code itself (18 characters) or a legacy 15-digit registration number")
        @Size(max = 18) String licenceNumber,
        @Schema(description = "Last day the business licence is valid; absent for a licence without a term")
        LocalDate licenceExpiry,
        @Valid LegalRepresentativeForm legalRepresentative,
        @Schema(description = "ISO 18245 merchant category code from the bank's list", pattern = "^[0-9]{4}$")
        @Size(max = 4) String mcc,
        @Valid AddressForm registeredAddress,
        @Valid AddressForm businessAddress,
        @Valid SettlementAccountForm settlementAccount) {

    public record LegalRepresentativeForm(
            @Size(max = 50) String name,
            @Schema(description = "Resident ID number (GB 11643-1999); personal data, stored encrypted, shown masked")
            @Size(max = 18) String residentIdNumber) {
    }

    public record AddressForm(
            @Size(max = 50) String province,
            @Size(max = 50) String city,
            @Size(max = 50) String district,
            @Size(max = 200) String street,
            @Schema(pattern = "^[0-9]{6}$") @Size(max = 6) String postcode) {

        Address toAddress() {
            return new Address(province, city, district, street, postcode);
        }
    }

    public record SettlementAccountForm(
            @Schema(description = "The merchant's registered name, or its legal representative's for an individual business")
            @Size(max = 100) String accountName,
            @Schema(description = "12-digit CNAPS code of the branch", pattern = "^[0-9]{12}$") @Size(max = 12) String bankCode,
            @Schema(pattern = "^[0-9]{8,32}$") @Size(max = 32) String accountNumber) {
    }

    public MerchantApplication toApplication() {
        return new MerchantApplication(registeredName, creditCode, licenceNumber, licenceExpiry,
                legalRepresentative == null ? null
                        : new LegalRepresentative(legalRepresentative.name(), legalRepresentative.residentIdNumber()),
                mcc,
                registeredAddress == null ? null : registeredAddress.toAddress(),
                businessAddress == null ? null : businessAddress.toAddress(),
                settlementAccount == null ? null : new SettlementAccount(settlementAccount.accountName(),
                        settlementAccount.bankCode(), settlementAccount.accountNumber()));
    }
}
