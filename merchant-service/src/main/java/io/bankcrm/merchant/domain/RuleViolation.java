package io.bankcrm.merchant.domain;

import java.util.List;

/**
 * Input that breaks a domain rule (a share that is not a fraction, a tenor the programme does not offer). The API
 * answers 400 naming {@link #issues()}; nothing is changed.
 */
public class RuleViolation extends RuntimeException {

    private final List<FieldIssue> issues;

    public RuleViolation(List<FieldIssue> issues) {
        super(summary(issues));
        this.issues = List.copyOf(issues);
    }

    public RuleViolation(String field, String reason) {
        this(List.of(new FieldIssue(field, reason)));
    }

    public List<FieldIssue> issues() {
        return issues;
    }

    /** Throws when {@code issues} is not empty. */
    public static void throwIfAny(List<FieldIssue> issues) {
        if (!issues.isEmpty()) {
            throw new RuleViolation(issues);
        }
    }

    private static String summary(List<FieldIssue> issues) {
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("a rule violation names at least one field");
        }
        StringBuilder text = new StringBuilder();
        for (FieldIssue issue : issues) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(issue.field()).append(": ").append(issue.reason());
        }
        return text.toString();
    }
}
