package io.bankcrm.customer.domain.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * The search key of a customer's name: trimmed and lower-cased, compared in code point order (collation "C"), so
 * that a name prefix is a range {@code [key, upperBound(key))} that an index serves even in a generic plan.
 */
public final class NameKeys {

    private NameKeys() {
    }

    /** The key a name is stored and searched under; null for null. */
    public static String of(String name) {
        return name == null ? null : name.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The least string above every string that starts with {@code prefix}, in code point order: the last code
     * point raised by one. Empty for an empty prefix or one ending in the highest code point (no such string).
     */
    public static Optional<String> upperBound(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return Optional.empty();
        }
        int last = prefix.codePointBefore(prefix.length());
        if (last >= Character.MAX_CODE_POINT) {
            return Optional.empty();
        }
        int next = last + 1;
        if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
            next = Character.MAX_SURROGATE + 1; // a lone surrogate is no character; the range skips them all
        }
        return Optional.of(prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(next));
    }
}
