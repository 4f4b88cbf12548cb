package io.bankcrm.customer.domain.rules;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The name key and the upper bound of a name-prefix range, in code point order (container-free). */
class NameKeysTest {

    @Test
    void theKeyIsTrimmedAndLowerCase() {
        assertEquals("wang fang", NameKeys.of("  Wang Fang "));
        assertEquals("王芳", NameKeys.of("王芳"));
        assertNull(NameKeys.of(null));
    }

    @Test
    void theBoundRaisesTheLastCodePoint() {
        assertEquals(Optional.of("wanh"), NameKeys.upperBound("wang"));
        assertEquals(Optional.of("王\u82B4"), NameKeys.upperBound("王芳")); // 芳 is U+82B3
        String prefix = "王";
        String bound = NameKeys.upperBound(prefix).orElseThrow();
        for (String name : new String[] {"王", "王芳", "王\uFFFF", "王" + Character.toString(0x10FFFF)}) {
            assertTrue(codePointCompare(name, prefix) >= 0 && codePointCompare(name, bound) < 0, name);
        }
        assertTrue(codePointCompare("玌", bound) >= 0, "the next character is outside the range");
    }

    @Test
    void aSupplementaryCharacterIsRaisedWhole() {
        String prefix = "a" + Character.toString(0x20000); // 𠀀, outside the BMP: two UTF-16 units
        assertEquals(Optional.of("a" + Character.toString(0x20001)), NameKeys.upperBound(prefix));
    }

    @Test
    void theBoundSkipsTheSurrogateRange() {
        // U+D7FF + 1 would be a lone surrogate, which no text contains: the next character is U+E000
        assertEquals(Optional.of("x\uE000"), NameKeys.upperBound("x\uD7FF"));
    }

    @Test
    void noBoundAboveTheLastCodePointOrForNothing() {
        assertEquals(Optional.empty(), NameKeys.upperBound("a" + Character.toString(Character.MAX_CODE_POINT)));
        assertEquals(Optional.empty(), NameKeys.upperBound(""));
        assertEquals(Optional.empty(), NameKeys.upperBound(null));
    }

    /** Code point order, as PostgreSQL's "C" collation compares UTF-8 (String.compareTo compares UTF-16 units). */
    private static int codePointCompare(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
