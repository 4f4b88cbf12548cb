package io.bankcrm.customer.domain.rules;

import io.bankcrm.identifiers.ValidationResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Domain rules layer: mainland China mobile number validation, plain unit test without a container. */
class MobileNumberTest {

    @Test
    void acceptsElevenDigitNumbers() {
        assertValid("13812345678");
        assertValid("19912345678");
    }

    @Test
    void acceptsCountryCodeSpacesAndHyphens() {
        assertValid("+86 138 1234 5678");
        assertValid("86-138-1234-5678");
        assertValid("8613812345678");
        assertValid("+8613812345678");
    }

    @Test
    void normaliseReturnsTheElevenDigits() {
        assertEquals("13812345678", MobileNumber.normalise("+86 138-1234-5678"));
        assertEquals("13812345678", MobileNumber.normalise("86 13812345678"));
        assertEquals("13812345678", MobileNumber.normalise(" 138 1234 5678 "));
    }

    @Test
    void rejectsSecondDigitOutsideThreeToNine() {
        assertInvalid("12812345678", "the second digit of a mobile number must be between 3 and 9");
        assertInvalid("10812345678", "the second digit of a mobile number must be between 3 and 9");
    }

    @Test
    void rejectsNumbersNotStartingWithOne() {
        // A Beijing landline with its area code is also 11 digits.
        assertInvalid("01012345678", "mobile number must start with 1");
    }

    @Test
    void rejectsWrongLength() {
        assertInvalid("1381234567", "mobile number must have 11 digits, got 10");
        assertInvalid("138123456789", "mobile number must have 11 digits, got 12");
    }

    @Test
    void rejectsLettersAndForeignCountryCodes() {
        assertInvalid("138abcd5678", "mobile number may contain only digits, spaces, hyphens and a +86 prefix");
        assertInvalid("+1 415 555 0100", "mobile number may contain only digits, spaces, hyphens and a +86 prefix");
    }

    @Test
    void rejectsMissingValue() {
        assertInvalid(null, "mobile number is missing");
        assertInvalid(" ", "mobile number is missing");
    }

    private static void assertValid(String value) {
        ValidationResult result = MobileNumber.validate(value);
        assertTrue(result.valid(), () -> value + " should be valid but: " + result.reason());
    }

    private static void assertInvalid(String value, String reason) {
        ValidationResult result = MobileNumber.validate(value);
        assertFalse(result.valid(), () -> value + " should be invalid");
        assertEquals(reason, result.reason());
    }
}
