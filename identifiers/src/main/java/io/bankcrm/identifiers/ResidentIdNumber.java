package io.bankcrm.identifiers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * PRC 18-character resident identity number (GB 11643-1999).
 *
 * <p>Layout: 6-digit administrative region code, 8-digit date of birth {@code yyyyMMdd},
 * 3-digit sequence number (odd for men, even for women), and a check character computed with
 * ISO 7064 MOD 11-2 over the first 17 digits ({@code 0-9} or {@code X} for the value 10).
 */
public final class ResidentIdNumber {

    public static final int LENGTH = 18;

    /** Earliest date of birth accepted; older values are data-entry errors, not customers. */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ResidentIdNumber() {
    }

    /**
     * Validates {@code value} after {@link #normalise normalisation}.
     *
     * @param today the reference date for rejecting births in the future; passed in so callers control the clock
     */
    public static ValidationResult validate(String value, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (value == null || value.isBlank()) {
            return ValidationResult.invalid("resident id number is missing");
        }
        String id = normalise(value);
        if (id.length() != LENGTH) {
            return ValidationResult.invalid("resident id number must be 18 characters, got " + id.length());
        }
        if (!allDigits(id, 0, LENGTH - 1)) {
            return ValidationResult.invalid("the first 17 characters must be digits");
        }
        char actual = id.charAt(LENGTH - 1);
        if (!isDigit(actual) && actual != 'X') {
            return ValidationResult.invalid("the last character must be a digit or X");
        }
        if (id.charAt(0) == '0') {
            return ValidationResult.invalid("region code must not start with 0");
        }
        LocalDate birthDate;
        try {
            birthDate = parseBirthDate(id);
        } catch (DateTimeException e) {
            return ValidationResult.invalid("date of birth " + id.substring(6, 14) + " is not a calendar date");
        }
        if (birthDate.isAfter(today)) {
            return ValidationResult.invalid("date of birth " + birthDate + " is in the future");
        }
        if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            return ValidationResult.invalid("date of birth " + birthDate + " is before " + EARLIEST_BIRTH_DATE);
        }
        char expected = checkCharacter(id.substring(0, LENGTH - 1));
        if (actual != expected) {
            return ValidationResult.invalid("check character should be " + expected + ", not " + actual);
        }
        return ValidationResult.ok();
    }

    /**
     * Date of birth encoded in an id number that has passed {@link #validate}.
     *
     * @throws IllegalArgumentException if the date segment cannot be read
     */
    public static LocalDate birthDate(String valid) {
        String id = normalise(Objects.requireNonNull(valid, "valid"));
        if (id.length() != LENGTH || !allDigits(id, 6, 14)) {
            throw new IllegalArgumentException("not a resident id number: " + valid);
        }
        try {
            return parseBirthDate(id);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("resident id number has no valid date of birth: " + valid, e);
        }
    }

    /** Canonical stored form: trimmed, with a lowercase check {@code x} upper-cased. Does not validate. */
    public static String normalise(String value) {
        return Objects.requireNonNull(value, "value").trim().toUpperCase(Locale.ROOT);
    }

    /**
     * ISO 7064 MOD 11-2 check character for the first 17 digits.
     *
     * @throws IllegalArgumentException unless {@code first17} is exactly 17 digits
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1 || !allDigits(first17, 0, LENGTH - 1)) {
            throw new IllegalArgumentException("expected 17 digits, got: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    private static LocalDate parseBirthDate(String id) {
        // LocalDate.of rejects impossible dates such as 19990230 rather than rolling them over.
        return LocalDate.of(
                Integer.parseInt(id.substring(6, 10)),
                Integer.parseInt(id.substring(10, 12)),
                Integer.parseInt(id.substring(12, 14)));
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // Character.isDigit would also accept full-width and other Unicode digits.
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
