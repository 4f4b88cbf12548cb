package io.bankcrm.customer.domain.rules;

import io.bankcrm.identifiers.ValidationResult;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Pragmatic e-mail address check: {@code local@domain.tld} in plain ASCII, the shape a bank can
 * actually deliver statements to. It deliberately rejects legal-but-rare RFC 5322 forms such as
 * quoted local parts, IP-literal domains and addresses without a top-level domain.
 */
public final class EmailAddress {

    /** RFC 5321 path limit minus the angle brackets. */
    public static final int MAX_LENGTH = 254;

    private static final int MAX_LOCAL_PART_LENGTH = 64;

    // Dot-atom: RFC 5322 atext characters, dots only between them.
    private static final Pattern LOCAL_PART =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

    // Host labels of letters, digits and inner hyphens, ending in an alphabetic TLD of two or more letters.
    private static final Pattern DOMAIN =
            Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private EmailAddress() {
    }

    /** Validates {@code value} after {@link #normalise normalisation}. */
    public static ValidationResult validate(String value) {
        if (value == null || value.isBlank()) {
            return ValidationResult.invalid("e-mail address is missing");
        }
        String email = normalise(value);
        if (email.length() > MAX_LENGTH) {
            return ValidationResult.invalid("e-mail address must be at most 254 characters, got " + email.length());
        }
        if (email.chars().anyMatch(Character::isWhitespace)) {
            return ValidationResult.invalid("e-mail address must not contain spaces");
        }
        int at = email.indexOf('@');
        if (at < 0 || at != email.lastIndexOf('@')) {
            return ValidationResult.invalid("e-mail address must contain exactly one @");
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.length() > MAX_LOCAL_PART_LENGTH) {
            return ValidationResult.invalid("the part before @ must be at most 64 characters");
        }
        if (!LOCAL_PART.matcher(local).matches()) {
            return ValidationResult.invalid("the part before @ is not a valid mailbox name");
        }
        if (!DOMAIN.matcher(domain).matches()) {
            return ValidationResult.invalid("the part after @ must be a domain such as example.com");
        }
        return ValidationResult.ok();
    }

    /**
     * Trims and lower-cases the domain. The local part keeps its case because mail servers may treat
     * it case-sensitively. Does not validate.
     */
    public static String normalise(String value) {
        String email = Objects.requireNonNull(value, "value").trim();
        int at = email.lastIndexOf('@');
        if (at < 0) {
            return email;
        }
        return email.substring(0, at + 1) + email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
