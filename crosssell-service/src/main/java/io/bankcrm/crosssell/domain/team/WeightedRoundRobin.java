package io.bankcrm.crosssell.domain.team;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Round robin weighted by capacity, smooth (the interleaving nginx uses): at each assignment every available
 * member's credit grows by their capacity, the member with the most credit gets the lead (ties to the smaller staff
 * id) and gives back the sum of the available capacities. Over any run the leads split in proportion to capacity,
 * and a member of capacity 2 beside one of capacity 1 gets A, B, A rather than A, A, B.
 *
 * <p>Members who are inactive or away that day are skipped: their credit stays where it was, so coming back
 * neither floods nor starves them. Credits of people no longer in the team are dropped; a newcomer starts at 0.
 * The choice depends only on the members, the day and the stored state.
 */
public final class WeightedRoundRobin {

    private WeightedRoundRobin() {
    }

    public static Assignment assign(List<TeamMember> members, LocalDate day, AssignmentState state) {
        Map<String, Long> credits = new HashMap<>();
        List<TeamMember> available = new ArrayList<>();
        for (TeamMember m : members) {
            if (credits.put(m.staffId(), state.creditOf(m.staffId())) != null) {
                throw new IllegalArgumentException(m.staffId() + " is in the team twice");
            }
            if (m.availableOn(day)) {
                available.add(m);
            }
        }
        if (available.isEmpty()) {
            return new Assignment(Optional.empty(), new AssignmentState(credits));
        }
        long total = 0;
        for (TeamMember m : available) {
            credits.merge(m.staffId(), (long) m.capacity(), Long::sum);
            total += m.capacity();
        }
        TeamMember chosen = available.stream()
                .max(Comparator.<TeamMember>comparingLong(m -> credits.get(m.staffId()))
                        .thenComparing(TeamMember::staffId, Comparator.reverseOrder()))
                .orElseThrow();
        credits.merge(chosen.staffId(), -total, Long::sum);
        return new Assignment(Optional.of(chosen.staffId()), new AssignmentState(credits));
    }
}
