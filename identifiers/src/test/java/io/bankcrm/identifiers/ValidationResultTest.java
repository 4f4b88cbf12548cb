package io.bankcrm.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Domain rules layer: ValidationResult value semantics, plain unit test without a container. */
class ValidationResultTest {

    @Test
    void okIsValidWithoutReason() {
        ValidationResult result = ValidationResult.ok();
        assertTrue(result.valid());
        assertNull(result.reason());
    }

    @Test
    void invalidCarriesReason() {
        ValidationResult result = ValidationResult.invalid("check character should be X, not 1");
        assertFalse(result.valid());
        assertEquals("check character should be X, not 1", result.reason());
    }

    @Test
    void invalidWithoutReasonIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ValidationResult.invalid(null));
        assertThrows(IllegalArgumentException.class, () -> ValidationResult.invalid(" "));
    }

    @Test
    void validWithReasonIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ValidationResult(true, "fine"));
    }
}
