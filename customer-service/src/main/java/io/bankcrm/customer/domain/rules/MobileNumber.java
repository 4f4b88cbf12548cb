package io.bankcrm.customer.domain.rules;

import io.bankcrm.identifiers.ValidationResult;
import java.util.Objects;

/**
 * Mainland China mobile number: 11 digits, a leading {@code 1}, and a second digit from 3 to 9.
 *
 * <p>Input may carry the country code ({@code +86} or {@code 86}) and spaces or hyphens as typed
 * by customers; {@link #normalise} strips them so only the 11 national digits are stored.
 */
public final class MobileNumber {

    public static final int LENGTH = 11;

    private static final String COUNTRY_CODE = "86";

    private MobileNumber() {
    }

    /** Validates {@code value} after {@link #normalise normalisation}. */
    public static ValidationResult validate(String value) {
        if (value == null || value.isBlank()) {
            return ValidationResult.invalid("mobile number is missing");
        }
        String digits = normalise(value);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return ValidationResult.invalid("mobile number may contain only digits, spaces, hyphens and a +86 prefix");
        }
        if (digits.length() != LENGTH) {
            return ValidationResult.invalid("mobile number must have 11 digits, got " + digits.length());
        }
        if (digits.charAt(0) != '1') {
            return ValidationResult.invalid("mobile number must start with 1");
        }
        char second = digits.charAt(1);
        if (second < '3' || second > '9') {
            return ValidationResult.invalid("the second digit of a mobile number must be between 3 and 9");
        }
        return ValidationResult.ok();
    }

    /**
     * Removes spaces, hyphens and the China country code. Does not validate: a malformed input comes
     * back stripped but otherwise unchanged.
     */
    public static String normalise(String value) {
        String compact = Objects.requireNonNull(value, "value").replaceAll("[\\s-]", "");
        if (compact.startsWith("+" + COUNTRY_CODE)) {
            return compact.substring(COUNTRY_CODE.length() + 1);
        }
        // Mobile numbers start with 1, so a bare 86 is the country code only when 11 digits follow it.
        if (compact.startsWith(COUNTRY_CODE) && compact.length() == COUNTRY_CODE.length() + LENGTH) {
            return compact.substring(COUNTRY_CODE.length());
        }
        return compact;
    }
}
