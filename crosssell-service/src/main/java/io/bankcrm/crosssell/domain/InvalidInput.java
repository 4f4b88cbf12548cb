package io.bankcrm.crosssell.domain;

import java.util.List;

/** Input that breaks the domain's rules; carries every violation found, not only the first. */
public final class InvalidInput extends IllegalArgumentException {

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(summary(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("invalid input needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
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
