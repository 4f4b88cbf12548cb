package io.bankcrm.crosssell.domain.agreement;

import io.bankcrm.platform.domain.Violation;
import io.bankcrm.platform.money.Money;

import java.util.List;
import java.util.regex.Pattern;

/** The checks both kinds of terms share. */
final class TermChecks {

    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{8,32}");

    private TermChecks() {
    }

    static void account(String field, String value, List<Violation> found) {
        if (value == null || !ACCOUNT.matcher(value).matches()) {
            found.add(new Violation(field, "must be the settlement account number, 8 to 32 digits"));
        }
    }

    static void fee(String field, Money value, List<Violation> found) {
        if (value == null) {
            found.add(new Violation(field, "is required (zero when waived)"));
        } else if (value.isNegative()) {
            found.add(new Violation(field, "must not be negative"));
        }
    }

    static void between(String field, int value, int min, int max, List<Violation> found) {
        if (value < min || value > max) {
            found.add(new Violation(field, "must be between " + min + " and " + max));
        }
    }
}
