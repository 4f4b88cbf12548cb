package io.bankcrm.platform.pii;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Masking of personal identifiers (container-free). */
class MaskingTest {

    @Test
    void masksIdNumbersKeepingRegionAndLastFour() {
        assertEquals("110105********002X", Masking.idNumber("11010519491231002X"));
        assertEquals("G1*****78", Masking.idNumber("G12345678"));
        assertNull(Masking.idNumber(null));
    }

    @Test
    void masksPhonesKeepingPrefixAndLastFour() {
        assertEquals("138****5678", Masking.phone("13812345678"));
        assertEquals("****", Masking.phone("1234"));
    }

    @Test
    void masksEmailKeepingFirstCharacterAndDomain() {
        assertEquals("z***@example.com", Masking.email("zhang.wei@example.com"));
        assertEquals("*******", Masking.email("no-at-s"));
    }
}
