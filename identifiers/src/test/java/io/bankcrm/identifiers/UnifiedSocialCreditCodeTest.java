package io.bankcrm.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Domain rules layer: GB 32100-2015 unified social credit code validation, plain unit test without a container. */
class UnifiedSocialCreditCodeTest {

    // Alphabet values: 0-9 as digits, then A10 B11 C12 D13 E14 F15 G16 H17 J18 K19 L20 M21 N22 P23 Q24 R25
    // T26 U27 W28 X29 Y30. Weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28; check = 31 - sum mod 31.

    // Widely cited example: 9+3+27+135+0+26+0+0+420(M)+0+0+0+8+0+0+900(Y)+112 = 1640;
    // 1640 mod 31 = 28; 31 - 28 = 3.
    private static final String CITED_EXAMPLE = "91350100M000100Y43";
    // Weighted sum 538; 538 mod 31 = 11; 31 - 11 = 20 -> L.
    private static final String BEIJING = "91110000600037341L";
    // Weighted sum 999; 999 mod 31 = 7; 31 - 7 = 24 -> Q.
    private static final String HAIDIAN = "91110108551385082Q";
    // Weighted sum 966; 966 mod 31 = 5; 31 - 5 = 26 -> T.
    private static final String SHENZHEN = "91440300708461136T";
    // Cited example with 4 -> 3 at position 17: 1640 - 28 = 1612 = 52 * 31, so 31 - 0 = 31, which maps to 0.
    private static final String CHECK_ZERO = "91350100M000100Y30";

    @Test
    void acceptsRealCodes() {
        assertValid(CITED_EXAMPLE);
        assertValid(BEIJING);
        assertValid(HAIDIAN);
        assertValid(SHENZHEN);
    }

    @Test
    void acceptsCheckValueThirtyOneAsZero() {
        assertValid(CHECK_ZERO);
    }

    @Test
    void acceptsLowercaseAndSurroundingSpaces() {
        assertValid(" 91110000600037341l ");
    }

    @Test
    void rejectsWrongCheckCharacter() {
        assertInvalid("91350100M000100Y44", "check character should be 3, not 4");
        assertInvalid("91110000600037341M", "check character should be L, not M");
    }

    @Test
    void rejectsForbiddenLetters() {
        for (char forbidden : new char[] {'I', 'O', 'Z', 'S', 'V'}) {
            String code = "91350100" + forbidden + "000100Y43";
            assertInvalid(code, "character '" + forbidden + "' at position 9 is not allowed");
        }
    }

    @Test
    void rejectsLettersInAdministrativeDivisionCode() {
        // 9135A100M000100Y4 carries its correct check character Y (sum 1830; 1830 mod 31 = 1; 31 - 1 = 30).
        assertInvalid("9135A100M000100Y4Y", "administrative division code (positions 3-8) must be digits");
    }

    @Test
    void rejectsWrongLength() {
        assertInvalid("91350100M000100Y4", "unified social credit code must be 18 characters, got 17");
        assertInvalid("91350100M000100Y433", "unified social credit code must be 18 characters, got 19");
    }

    @Test
    void rejectsMissingValue() {
        assertInvalid(null, "unified social credit code is missing");
        assertInvalid("", "unified social credit code is missing");
    }

    @Test
    void checkCharacterFollowsGb32100() {
        assertEquals('3', UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4"));
        assertEquals('L', UnifiedSocialCreditCode.checkCharacter("91110000600037341"));
        assertEquals('0', UnifiedSocialCreditCode.checkCharacter("91350100M000100Y3"));
    }

    @Test
    void checkCharacterRejectsMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> UnifiedSocialCreditCode.checkCharacter("9135"));
        assertThrows(IllegalArgumentException.class, () -> UnifiedSocialCreditCode.checkCharacter("91350100I000100Y4"));
        assertThrows(IllegalArgumentException.class, () -> UnifiedSocialCreditCode.checkCharacter(null));
    }

    @Test
    void normaliseTrimsAndUppercases() {
        assertEquals(BEIJING, UnifiedSocialCreditCode.normalise("  91110000600037341l\t"));
    }

    private static void assertValid(String value) {
        ValidationResult result = UnifiedSocialCreditCode.validate(value);
        assertTrue(result.valid(), () -> value + " should be valid but: " + result.reason());
    }

    private static void assertInvalid(String value, String reason) {
        ValidationResult result = UnifiedSocialCreditCode.validate(value);
        assertFalse(result.valid(), () -> value + " should be invalid");
        assertEquals(reason, result.reason());
    }
}
