package io.bankcrm.crosssell.domain.team;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A member of a team as assignment sees them.
 *
 * @param staffId  the member's user subject (the JWT {@code sub})
 * @param capacity the member's share of the team's new leads, relative to the others (a part-timer 1, others 2);
 *                 1 to 1000
 * @param active   an inactive member (left the team, suspended) gets no leads
 */
public record TeamMember(String staffId, int capacity, boolean active, List<Absence> absences) {

    public static final int MAX_CAPACITY = 1000;

    public TeamMember {
        if (staffId == null || staffId.isBlank()) {
            throw new IllegalArgumentException("a member needs a staff id");
        }
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity is between 1 and " + MAX_CAPACITY + ", not " + capacity);
        }
        absences = List.copyOf(absences);
    }

    /** Whether the member can take a lead on {@code day}: active and not away. */
    public boolean availableOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return active && absences.stream().noneMatch(a -> a.covers(day));
    }
}
