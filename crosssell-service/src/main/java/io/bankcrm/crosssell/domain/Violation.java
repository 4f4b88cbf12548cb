package io.bankcrm.crosssell.domain;

import java.util.Objects;

/**
 * One rule an input breaks: the field at fault and why. The service turns a list of these into the field errors
 * of a 400 problem, or into a roster's per-row errors.
 */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a violation needs a message");
        }
    }
}
