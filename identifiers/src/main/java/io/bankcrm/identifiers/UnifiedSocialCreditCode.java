package io.bankcrm.identifiers;

import java.util.Locale;
import java.util.Objects;

/**
 * Unified social credit code of a legal entity or other organisation (GB 32100-2015).
 *
 * <p>Layout of the 18 characters: registration authority (1), organisation type (1),
 * administrative division code (6 digits), organisation code (9), check character (1).
 * Every character comes from a 31-symbol alphabet that omits I, O, Z, S and V to avoid
 * confusion with 1, 0, 2, 5 and U.
 */
public final class UnifiedSocialCreditCode {

    public static final int LENGTH = 18;

    /** Position in this string is the character's numeric value in the check computation. */
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int MODULUS = 31;
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode() {
    }

    /** Validates {@code value} after {@link #normalise normalisation}. */
    public static ValidationResult validate(String value) {
        if (value == null || value.isBlank()) {
            return ValidationResult.invalid("unified social credit code is missing");
        }
        String code = normalise(value);
        if (code.length() != LENGTH) {
            return ValidationResult.invalid("unified social credit code must be 18 characters, got " + code.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = code.charAt(i);
            if (CHARSET.indexOf(c) < 0) {
                return ValidationResult.invalid("character '" + c + "' at position " + (i + 1) + " is not allowed");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!isDigit(code.charAt(i))) {
                return ValidationResult.invalid("administrative division code (positions 3-8) must be digits");
            }
        }
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        char actual = code.charAt(LENGTH - 1);
        if (actual != expected) {
            return ValidationResult.invalid("check character should be " + expected + ", not " + actual);
        }
        return ValidationResult.ok();
    }

    /** Canonical stored form: trimmed and upper-cased. Does not validate. */
    public static String normalise(String value) {
        return Objects.requireNonNull(value, "value").trim().toUpperCase(Locale.ROOT);
    }

    /**
     * GB 32100-2015 check character: {@code 31 - (weighted sum mod 31)}, where 31 maps to {@code 0}.
     *
     * @throws IllegalArgumentException unless {@code first17} is 17 characters from the code alphabet
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("expected 17 characters, got: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character '" + first17.charAt(i) + "' is not in the code alphabet");
            }
            sum += value * WEIGHTS[i];
        }
        return CHARSET.charAt((MODULUS - sum % MODULUS) % MODULUS);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
