package io.bankcrm.merchant.domain.merchant;

/**
 * Where the merchant's net payable is paid.
 *
 * @param accountName   must be the merchant's registered name, or the legal representative's for an individual
 *                      business (个体工商户) that settles to its owner's account
 * @param bankCode      the branch's 12-digit CNAPS code (联行号)
 * @param accountNumber 8 to 32 digits
 */
public record SettlementAccount(String accountName, String bankCode, String accountNumber) {
}
