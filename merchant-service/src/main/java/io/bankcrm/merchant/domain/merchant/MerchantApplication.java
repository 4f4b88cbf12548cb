package io.bankcrm.merchant.domain.merchant;

import java.time.LocalDate;

/**
 * What a merchant submits to become a card partner. {@link MerchantApplicationRules} checks it.
 *
 * @param licenceNumber the business licence number: since the three-in-one reform the licence shows the unified
 *                      social credit code itself (18 characters); older licences carry a 15-digit registration
 *                      number
 * @param licenceExpiry the last day the licence is valid; {@code null} for a licence without a term (长期)
 * @param mcc           the ISO 18245 merchant category code
 */
public record MerchantApplication(
        String registeredName,
        String creditCode,
        String licenceNumber,
        LocalDate licenceExpiry,
        LegalRepresentative legalRepresentative,
        String mcc,
        Address registeredAddress,
        Address businessAddress,
        SettlementAccount settlementAccount) {
}
