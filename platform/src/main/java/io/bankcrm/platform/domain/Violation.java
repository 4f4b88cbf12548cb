package io.bankcrm.platform.domain;

import java.util.Objects;

/**
 * One rule an input breaks: the field at fault (its JSON path in the request, e.g. {@code bands[1].tier} or
 * {@code settlementAccount.accountNumber}) and why, in words the caller can act on.
 */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a violation needs a message");
        }
    }

    /** The same violation with {@code prefix.} before its field: a nested object's rules checked on their own. */
    public Violation under(String prefix) {
        return new Violation(prefix + "." + field, message);
    }
}
