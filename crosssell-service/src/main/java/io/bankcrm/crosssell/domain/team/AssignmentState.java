package io.bankcrm.crosssell.domain.team;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a team's round robin remembers between two assignments: a credit per member. It is small, stored with the
 * team and updated in the same transaction as the lead (the team row locked), so every replica that assigns the
 * team's next lead reads the same state and reaches the same choice.
 */
public record AssignmentState(Map<String, Long> credits) {

    public static final AssignmentState EMPTY = new AssignmentState(Map.of());

    public AssignmentState {
        credits = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(credits));
    }

    public long creditOf(String staffId) {
        return credits.getOrDefault(staffId, 0L);
    }
}
