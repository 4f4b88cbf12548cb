package io.bankcrm.merchant.domain.card;

import io.bankcrm.platform.domain.InvalidInput;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: full card numbers are found in free text, other numbers are not. */
class PanDetectorTest {

    private static final String VISA_TEST = "4111111111111111";
    /** A UnionPay-style 19-digit number made valid by its check digit. */
    private static final String UNIONPAY_19 = "622202123456789012" + Luhn.checkDigit("622202123456789012");

    @Test
    void findsACardNumberWrittenPlainGroupedOrInsideText() {
        assertTrue(PanDetector.containsPan(VISA_TEST));
        assertTrue(PanDetector.containsPan("4111 1111 1111 1111"));
        assertTrue(PanDetector.containsPan("4111-1111-1111-1111"));
        assertTrue(PanDetector.containsPan("4111 - 1111 - 1111 - 1111"));
        assertTrue(PanDetector.containsPan("card:" + VISA_TEST + ";"));
        assertTrue(PanDetector.containsPan("备注 卡号" + UNIONPAY_19 + "请退款"));
        assertTrue(PanDetector.containsPan("６２２２０２１２３４５６７８９０１２" + Luhn.checkDigit("622202123456789012")),
                "full-width digits are digits");
        assertTrue(PanDetector.containsPan("ref 1234 4111 1111 1111 1111"), "a number written after another one");
        assertTrue(PanDetector.containsPan("378282246310005"), "15-digit American Express test number");
    }

    @Test
    void saysWhereItIsAndItsLastFourWithoutRepeatingIt() {
        Optional<PanDetector.Finding> finding = PanDetector.find("pay 4111 1111 1111 1111 now");
        assertEquals(new PanDetector.Finding(4, 23, "1111"), finding.orElseThrow());
        assertEquals(UNIONPAY_19.substring(15), PanDetector.find(UNIONPAY_19).orElseThrow().lastFour());
    }

    @Test
    void leavesOtherNumbersAlone() {
        assertFalse(PanDetector.containsPan("4111111111111112"), "fails the Luhn check");
        assertFalse(PanDetector.containsPan("41111111116"), "11 digits are too few");
        assertFalse(PanDetector.containsPan("41111111111111111111"), "a 20-digit run is not a card number");
        assertFalse(PanDetector.containsPan("13800138000"), "a mobile number");
        assertFalse(PanDetector.containsPan("91350100M000100Y43"), "a unified social credit code");
        assertFalse(PanDetector.containsPan("amount 12345.67 CNY at 2026-06-01T10:15:30+08:00"));
        assertFalse(PanDetector.containsPan("4111,1111,1111,1111"), "commas do not join groups");
        assertFalse(PanDetector.containsPan("4111    1111    1111    1111"), "four spaces are a gap, not a separator");
        assertFalse(PanDetector.containsPan(""));
        assertFalse(PanDetector.containsPan(null));
    }

    @Test
    void luhnChecksKnownNumbers() {
        assertTrue(Luhn.isValid("79927398713"));
        assertFalse(Luhn.isValid("79927398710"));
        assertFalse(Luhn.isValid("7992739871x"));
        assertEquals(3, Luhn.checkDigit("7992739871"));
    }

    @Test
    void aCardTokenMustNotBeACardNumber() {
        assertThrows(InvalidInput.class, () -> new CardReference(VISA_TEST, "1111"));
        assertThrows(InvalidInput.class, () -> new CardReference("tok_abcdefghijklmnop", "11a1"));
        assertEquals("1111", new CardReference("tok_9f8e7d6c5b4a3210", "1111").lastFour());
    }

    /** Any Luhn-valid 12–19 digit number, grouped any way and put anywhere in text, is found. */
    @Property(tries = 500)
    void findsEveryValidNumberHoweverWritten(@ForAll("validNumbers") String pan,
                                             @ForAll @IntRange(min = 0, max = 5) int groupSize,
                                             @ForAll("separators") String separator,
                                             @ForAll @StringLength(max = 20) String before,
                                             @ForAll @StringLength(max = 20) String after) {
        String written = group(pan, groupSize, separator);
        String text = letters(before) + " " + written + " " + letters(after);
        Optional<PanDetector.Finding> finding = PanDetector.find(text);
        assertTrue(finding.isPresent(), text);
    }

    /** A run of digits on its own is a card number exactly when it has 12–19 digits and passes Luhn. */
    @Property(tries = 1000)
    void aLoneRunIsACardNumberExactlyWhenLuhnValid(@ForAll("digitRuns") String run) {
        boolean expected = run.length() >= 12 && run.length() <= 19 && Luhn.isValid(run);
        assertEquals(expected, PanDetector.containsPan("x" + run + "x"), run);
    }

    @Provide
    Arbitrary<String> validNumbers() {
        return Arbitraries.strings().numeric().ofMinLength(11).ofMaxLength(18)
                .map(payload -> payload + Luhn.checkDigit(payload));
    }

    @Provide
    Arbitrary<String> digitRuns() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(24);
    }

    @Provide
    Arbitrary<String> separators() {
        return Combinators.combine(Arbitraries.of(" ", "-", "\u00A0", "\u3000"), Arbitraries.integers().between(1, 3))
                .as(String::repeat);
    }

    private static String group(String pan, int size, String separator) {
        if (size < 3) {
            return pan;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pan.length(); i += size) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(pan, i, Math.min(pan.length(), i + size));
        }
        return out.toString();
    }

    /** Surrounding text without digits, so no other number joins the card number. */
    private static String letters(String s) {
        return s.codePoints().filter(c -> Character.isLetter(c) && Character.digit(c, 10) < 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
