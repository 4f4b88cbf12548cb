package io.bankcrm.crosssell.domain.team;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: round robin weighted by capacity, skipping inactive and absent members. */
class WeightedRoundRobinTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

    private static TeamMember member(String id, int capacity) {
        return new TeamMember(id, capacity, true, List.of());
    }

    private static List<String> run(List<TeamMember> team, int leads) {
        AssignmentState state = AssignmentState.EMPTY;
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < leads; i++) {
            Assignment a = WeightedRoundRobin.assign(team, MONDAY, state);
            chosen.add(a.member().orElse("-"));
            state = a.next();
        }
        return chosen;
    }

    @Test
    void splitsInProportionToCapacityInterleaved() {
        List<TeamMember> team = List.of(member("li", 2), member("wang", 1));
        assertEquals(List.of("li", "wang", "li", "li", "wang", "li"), run(team, 6));
        List<TeamMember> equal = List.of(member("c", 1), member("a", 1), member("b", 1));
        assertEquals(List.of("a", "b", "c", "a", "b", "c"), run(equal, 6), "ties go to the smaller staff id");
    }

    @Test
    void skipsTheInactiveAndTheAbsent() {
        TeamMember away = new TeamMember("zhao", 5, true, List.of(new Absence(MONDAY, MONDAY.plusDays(4))));
        TeamMember left = new TeamMember("qian", 5, false, List.of());
        List<TeamMember> team = List.of(away, left, member("sun", 1));
        assertEquals(List.of("sun", "sun", "sun"), run(team, 3));
        Assignment back = WeightedRoundRobin.assign(team, MONDAY.plusDays(5), AssignmentState.EMPTY);
        assertEquals(Optional.of("zhao"), back.member(), "back from leave, with the larger capacity");
        assertTrue(new Absence(MONDAY, MONDAY).covers(MONDAY));
    }

    @Test
    void nobodyAvailableLeavesTheLeadForTheTeamLead() {
        TeamMember away = new TeamMember("zhao", 1, true, List.of(new Absence(MONDAY.minusDays(1), MONDAY)));
        Assignment a = WeightedRoundRobin.assign(List.of(away), MONDAY, new AssignmentState(Map.of("zhao", 3L)));
        assertEquals(Optional.empty(), a.member());
        assertEquals(3L, a.next().creditOf("zhao"), "an absent member's credit waits for them");
        assertEquals(Optional.empty(), WeightedRoundRobin.assign(List.of(), MONDAY, AssignmentState.EMPTY).member());
    }

    @Test
    void twoReplicasReadingTheStoredStateChooseAlike() {
        List<TeamMember> team = List.of(member("li", 3), member("wang", 2), member("zhou", 1));
        AssignmentState stored = AssignmentState.EMPTY;
        for (int i = 0; i < 4; i++) {
            stored = WeightedRoundRobin.assign(team, MONDAY, stored).next();
        }
        // the state survives a round trip through storage (a map of credits) and decides the next choice alone
        AssignmentState reloaded = new AssignmentState(new HashMap<>(stored.credits()));
        assertEquals(WeightedRoundRobin.assign(team, MONDAY, stored), WeightedRoundRobin.assign(team, MONDAY, reloaded));
    }

    @Test
    void membersWhoLeaveAreForgottenAndNewcomersStartAtZero() {
        AssignmentState state = new AssignmentState(Map.of("gone", 7L, "li", -1L));
        Assignment a = WeightedRoundRobin.assign(List.of(member("li", 1), member("new", 1)), MONDAY, state);
        assertEquals(Optional.of("new"), a.member());
        assertEquals(Map.of("li", 0L, "new", -1L), a.next().credits());
    }

    @Test
    void refusesAMemberListedTwiceAndImpossibleCapacities() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WeightedRoundRobin.assign(List.of(member("li", 1), member("li", 2)), MONDAY, AssignmentState.EMPTY));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> member("li", 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Absence(MONDAY, MONDAY.minusDays(1)));
    }

    /** Over any whole number of cycles, each member gets exactly capacity x cycles leads. */
    @Property(tries = 200)
    void everyCycleSplitsExactlyByCapacity(@ForAll("capacities") List<Integer> capacities,
                                           @ForAll @IntRange(min = 1, max = 4) int cycles) {
        List<TeamMember> team = new ArrayList<>();
        for (int i = 0; i < capacities.size(); i++) {
            team.add(member("m" + i, capacities.get(i)));
        }
        int total = capacities.stream().mapToInt(Integer::intValue).sum();
        List<String> chosen = run(team, total * cycles);
        for (int i = 0; i < capacities.size(); i++) {
            String id = "m" + i;
            assertEquals(capacities.get(i) * cycles, chosen.stream().filter(id::equals).count(), id);
        }
    }

    @Provide
    Arbitrary<List<Integer>> capacities() {
        return Arbitraries.integers().between(1, 6).list().ofMinSize(1).ofMaxSize(6);
    }
}
