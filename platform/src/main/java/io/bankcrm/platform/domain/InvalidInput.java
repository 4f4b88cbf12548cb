package io.bankcrm.platform.domain;

import java.util.List;

/**
 * Input that breaks the domain's rules, with every violation found, not only the first. Nothing has been changed;
 * the web layer answers 400 with one field error per violation.
 */
public class InvalidInput extends IllegalArgumentException {

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Throws when {@code violations} is not empty; does nothing otherwise. */
    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    private static String summary(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("invalid input needs at least one violation");
        }
        StringBuilder s = new StringBuilder();
        for (Violation v : violations) {
            if (!s.isEmpty()) {
                s.append("; ");
            }
            s.append(v.field()).append(": ").append(v.message());
        }
        return s.toString();
    }
}
