package io.bankcrm.customer.domain.rules;

import java.util.Objects;

/**
 * One reason a profile is not complete.
 *
 * @param field   the {@link ProfileFacts} component name, e.g. {@code "mobile"}
 * @param problem {@link #MISSING} or {@link #INVALID}
 * @param reason  human-readable English explanation
 */
public record FieldIssue(String field, String problem, String reason) {

    public static final String MISSING = "MISSING";
    public static final String INVALID = "INVALID";

    public FieldIssue {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
        if (!MISSING.equals(problem) && !INVALID.equals(problem)) {
            throw new IllegalArgumentException("problem must be MISSING or INVALID, got " + problem);
        }
    }

    static FieldIssue missing(String field, String reason) {
        return new FieldIssue(field, MISSING, reason);
    }

    static FieldIssue invalid(String field, String reason) {
        return new FieldIssue(field, INVALID, reason);
    }
}
