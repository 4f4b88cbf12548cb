package io.bankcrm.customer.domain.rules;

import io.bankcrm.identifiers.ValidationResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Domain rules layer: pragmatic e-mail address validation, plain unit test without a container. */
class EmailAddressTest {

    @Test
    void acceptsCommonAddresses() {
        assertValid("zhang.san@example.com");
        assertValid("Zhang.San+crm@Mail.Example.COM.CN");
        assertValid("o'brien_1@sub-domain.example.org");
    }

    @Test
    void normaliseLowercasesOnlyTheDomain() {
        assertEquals("Zhang.San+crm@example.com", EmailAddress.normalise("  Zhang.San+crm@Example.COM "));
    }

    @Test
    void acceptsExactly254Characters() {
        assertValid(addressOfLength(254));
    }

    @Test
    void rejectsMoreThan254Characters() {
        assertInvalid(addressOfLength(255), "e-mail address must be at most 254 characters, got 255");
    }

    @Test
    void rejectsSpaces() {
        assertInvalid("zhang san@example.com", "e-mail address must not contain spaces");
    }

    @Test
    void rejectsMissingOrRepeatedAt() {
        assertInvalid("zhangsan.example.com", "e-mail address must contain exactly one @");
        assertInvalid("zhang@san@example.com", "e-mail address must contain exactly one @");
    }

    @Test
    void rejectsMalformedLocalPart() {
        assertInvalid("@example.com", "the part before @ is not a valid mailbox name");
        assertInvalid(".zhang@example.com", "the part before @ is not a valid mailbox name");
        assertInvalid("zhang..san@example.com", "the part before @ is not a valid mailbox name");
        assertInvalid("a".repeat(65) + "@example.com", "the part before @ must be at most 64 characters");
    }

    @Test
    void rejectsMalformedDomain() {
        String reason = "the part after @ must be a domain such as example.com";
        assertInvalid("zhangsan@localhost", reason);
        assertInvalid("zhangsan@example.c", reason);
        assertInvalid("zhangsan@-example.com", reason);
        assertInvalid("zhangsan@example..com", reason);
        assertInvalid("zhangsan@", reason);
    }

    @Test
    void rejectsMissingValue() {
        assertInvalid(null, "e-mail address is missing");
        assertInvalid("", "e-mail address is missing");
    }

    /** Longest legal local part and labels, with the first domain label sized to reach {@code length}. */
    private static String addressOfLength(int length) {
        String head = "a".repeat(64) + "@";
        String tail = "." + "c".repeat(61) + "." + "d".repeat(61) + ".example.com";
        return head + "b".repeat(length - head.length() - tail.length()) + tail;
    }

    private static void assertValid(String value) {
        ValidationResult result = EmailAddress.validate(value);
        assertTrue(result.valid(), () -> value + " should be valid but: " + result.reason());
    }

    private static void assertInvalid(String value, String reason) {
        ValidationResult result = EmailAddress.validate(value);
        assertFalse(result.valid(), () -> value + " should be invalid");
        assertEquals(reason, result.reason());
    }
}
