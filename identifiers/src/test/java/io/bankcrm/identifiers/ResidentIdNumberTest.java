package io.bankcrm.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Domain rules layer: GB 11643-1999 resident id number validation, plain unit test without a container. */
class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    // Weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, check map (sum mod 11 -> char) 1 0 X 9 8 7 6 5 4 3 2.
    // 11010519491231002X: 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 -> X (textbook example).
    private static final String TEXTBOOK = "11010519491231002X";
    // 440524188001010014: 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195; 195 mod 11 = 8 -> 4.
    // Another textbook example: the check character is right, but 1880 is before the accepted range.
    private static final String BORN_1880 = "440524188001010014";
    // 110101199003074477: 7+9+0+5+0+4+2+9+54+0+0+27+0+35+32+16+14 = 214; 214 mod 11 = 5 -> 7.
    private static final String BORN_1990 = "110101199003074477";

    @Test
    void acceptsRealNumbers() {
        assertValid(TEXTBOOK);
        assertValid(BORN_1990);
    }

    @Test
    void acceptsLowercaseCheckCharacterAndSurroundingSpaces() {
        assertValid("11010519491231002x");
        assertValid("  11010519491231002X ");
    }

    @Test
    void acceptsLeapDay() {
        // 11010520000229001: sum 130; 130 mod 11 = 9 -> 3.
        assertValid("110105200002290013");
    }

    @Test
    void acceptsBirthOnReferenceDate() {
        // 11010520250615001: sum 163; 163 mod 11 = 9 -> 3.
        assertValid("110105202506150013");
    }

    @Test
    void rejectsWrongCheckCharacter() {
        assertInvalid("110105194912310021", "check character should be X, not 1");
        assertInvalid("110101199003074478", "check character should be 7, not 8");
    }

    @Test
    void rejectsImpossibleDate() {
        // 11010519990230001 has a correct check character (sum 183; 183 mod 11 = 7 -> 5); only the date is wrong.
        assertInvalid("110105199902300015", "date of birth 19990230 is not a calendar date");
    }

    @Test
    void rejectsBirthInFuture() {
        // 11010520300101001: sum 79; 79 mod 11 = 2 -> X.
        assertInvalid("11010520300101001X", "date of birth 2030-01-01 is in the future");
    }

    @Test
    void rejectsBirthBefore1900() {
        assertInvalid(BORN_1880, "date of birth 1880-01-01 is before 1900-01-01");
        // 11010518991231001: sum 194; 194 mod 11 = 7 -> 5.
        assertInvalid("110105189912310015", "date of birth 1899-12-31 is before 1900-01-01");
    }

    @Test
    void rejectsRegionStartingWithZero() {
        // 01010519491231002: sum 160; 160 mod 11 = 6 -> 6.
        assertInvalid("010105194912310026", "region code must not start with 0");
    }

    @Test
    void rejectsWrongLength() {
        assertInvalid("11010519491231002", "resident id number must be 18 characters, got 17");
        assertInvalid("11010519491231002X0", "resident id number must be 18 characters, got 19");
        // 15-digit first-generation numbers are no longer issued and lack a check character.
        assertInvalid("110105491231002", "resident id number must be 18 characters, got 15");
    }

    @Test
    void rejectsLetters() {
        assertInvalid("1101051949123100AX", "the first 17 characters must be digits");
        assertInvalid("11010519491231002A", "the last character must be a digit or X");
    }

    @Test
    void rejectsMissingValue() {
        assertInvalid(null, "resident id number is missing");
        assertInvalid("   ", "resident id number is missing");
    }

    @Test
    void checkCharacterFollowsMod11_2() {
        assertEquals('X', ResidentIdNumber.checkCharacter("11010519491231002"));
        assertEquals('4', ResidentIdNumber.checkCharacter("44052418800101001"));
        assertEquals('7', ResidentIdNumber.checkCharacter("11010119900307447"));
    }

    @Test
    void checkCharacterRejectsMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> ResidentIdNumber.checkCharacter("1101051949"));
        assertThrows(IllegalArgumentException.class, () -> ResidentIdNumber.checkCharacter("1101051949123100A"));
        assertThrows(IllegalArgumentException.class, () -> ResidentIdNumber.checkCharacter(null));
    }

    @Test
    void birthDateIsReadFromPositions7To14() {
        assertEquals(LocalDate.of(1949, 12, 31), ResidentIdNumber.birthDate(TEXTBOOK));
        assertEquals(LocalDate.of(1880, 1, 1), ResidentIdNumber.birthDate(BORN_1880));
        assertEquals(LocalDate.of(1990, 3, 7), ResidentIdNumber.birthDate(BORN_1990));
    }

    @Test
    void birthDateRejectsUnreadableNumbers() {
        assertThrows(IllegalArgumentException.class, () -> ResidentIdNumber.birthDate("110105199902300015"));
        assertThrows(IllegalArgumentException.class, () -> ResidentIdNumber.birthDate("123"));
    }

    @Test
    void normaliseTrimsAndUppercasesCheckCharacter() {
        assertEquals(TEXTBOOK, ResidentIdNumber.normalise(" 11010519491231002x "));
    }

    private static void assertValid(String value) {
        ValidationResult result = ResidentIdNumber.validate(value, TODAY);
        assertTrue(result.valid(), () -> value + " should be valid but: " + result.reason());
    }

    private static void assertInvalid(String value, String reason) {
        ValidationResult result = ResidentIdNumber.validate(value, TODAY);
        assertFalse(result.valid(), () -> value + " should be invalid");
        assertEquals(reason, result.reason());
    }
}
