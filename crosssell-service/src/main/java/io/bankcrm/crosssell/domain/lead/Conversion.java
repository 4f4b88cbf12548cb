package io.bankcrm.crosssell.domain.lead;

import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.Violation;
import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.platform.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a converted lead opened: the product (it may differ from the lead's: offered a loan, the customer took a
 * credit card), its value for the targets (a loan's principal, the amount placed in wealth products, zero for a
 * card), the day it was opened in the bank's calendar and the core-banking contract reference.
 *
 * <p>A reference that looks like a card number (13 to 19 digits passing the Luhn check) is refused: card numbers
 * are never stored.
 */
public record Conversion(ProductCode product, Money value, LocalDate openedOn, String reference) {

    public static final int MAX_REFERENCE_LENGTH = 64;
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_/-]{0,63}");

    public Conversion {
        List<Violation> found = new ArrayList<>();
        if (product == null) {
            found.add(new Violation("product", "is required"));
        }
        if (value == null) {
            found.add(new Violation("value", "is required"));
        } else if (value.isNegative()) {
            found.add(new Violation("value", "must not be negative"));
        }
        if (openedOn == null) {
            found.add(new Violation("openedOn", "is required"));
        }
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            found.add(new Violation("reference", "must be the core-banking contract reference: 1 to "
                    + MAX_REFERENCE_LENGTH + " letters, digits, '-', '_' or '/'"));
        } else if (looksLikeCardNumber(reference)) {
            found.add(new Violation("reference", "looks like a card number; give the contract reference instead "
                    + "(card numbers are never stored)"));
        }
        if (!found.isEmpty()) {
            throw new InvalidInput(found);
        }
    }

    static boolean looksLikeCardNumber(String s) {
        if (s.length() < 13 || s.length() > 19 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = s.length() - 1; i >= 0; i--) {
            int d = s.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
