package io.bankcrm.merchant.domain.merchant;

/**
 * A postal address in mainland China.
 *
 * @param postcode six digits
 */
public record Address(String province, String city, String district, String street, String postcode) {
}
