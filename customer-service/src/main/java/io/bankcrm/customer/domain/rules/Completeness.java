package io.bankcrm.customer.domain.rules;

import java.util.List;

/**
 * Result of {@link ProfileCompleteness#assess}.
 *
 * @param score  0-100, the summed weights of fields that are present and valid
 * @param issues missing or invalid fields in the stable order of the weight table; unmodifiable
 */
public record Completeness(int score, List<FieldIssue> issues) {

    public Completeness {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be between 0 and 100, got " + score);
        }
        issues = List.copyOf(issues);
    }
}
