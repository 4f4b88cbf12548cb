package io.bankcrm.merchant.domain.card;

import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a card is named everywhere in merchant-service: the switch's token and the last four digits, never the
 * number itself.
 *
 * @param token    the acquiring switch's card token, 16 to 64 letters, digits, {@code _} or {@code -}, never a
 *                 card number
 * @param lastFour the card number's last four digits, for the cardholder's receipt and the statement
 */
public record CardReference(String token, String lastFour) {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern LAST_FOUR = Pattern.compile("\\d{4}");

    public CardReference {
        List<Violation> issues = new ArrayList<>();
        if (token == null || !TOKEN.matcher(token).matches()) {
            issues.add(new Violation("cardToken", "16 to 64 letters, digits, _ or -"));
        } else if (PanDetector.containsPan(token)) {
            issues.add(new Violation("cardToken", "a card token must not be a card number"));
        }
        if (lastFour == null || !LAST_FOUR.matcher(lastFour).matches()) {
            issues.add(new Violation("cardLastFour", "the last four digits of the card number"));
        }
        InvalidInput.throwIfAny(issues);
    }
}
