package io.bankcrm.merchant.domain.merchant;

import java.util.Objects;

/**
 * One ISO 18245 merchant category code.
 *
 * @param partnerEligible whether the bank signs merchants of this category as card partners (it does not sign
 *                        gambling, for example)
 */
public record Mcc(String code, String description, MccGroup group, boolean partnerEligible) {

    public Mcc {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(group, "group");
        if (!code.matches("\\d{4}")) {
            throw new IllegalArgumentException("an MCC is four digits, not " + code);
        }
    }
}
