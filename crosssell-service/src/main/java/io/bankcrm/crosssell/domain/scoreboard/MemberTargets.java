package io.bankcrm.crosssell.domain.scoreboard;

import io.bankcrm.crosssell.domain.team.TeamMember;
import io.bankcrm.platform.money.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A member's part of the team's targets, in proportion to capacity. Value targets are split to the fen by the
 * largest remainder (platform {@link Money#allocate}), so the members' parts add up to the team's target; count
 * targets are exact fractions.
 */
final class MemberTargets {

    private final Map<String, Integer> capacities = new LinkedHashMap<>();
    private final long totalCapacity;

    MemberTargets(List<TeamMember> roster) {
        roster.stream().sorted(java.util.Comparator.comparing(TeamMember::staffId))
                .forEach(m -> capacities.put(m.staffId(), m.capacity()));
        totalCapacity = capacities.values().stream().mapToLong(Integer::longValue).sum();
    }

    Set<String> staff() {
        return capacities.keySet();
    }

    boolean has(String staffId) {
        return capacities.containsKey(staffId);
    }

    BigDecimal count(Target t, String staffId) {
        return t.count().multiply(BigDecimal.valueOf(capacities.get(staffId)))
                .divide(BigDecimal.valueOf(totalCapacity), MathContext.DECIMAL128);
    }

    Money value(Target t, String staffId) {
        List<String> order = new ArrayList<>(capacities.keySet());
        List<BigDecimal> weights = order.stream().map(s -> BigDecimal.valueOf(capacities.get(s))).toList();
        return t.value().allocate(weights).get(order.indexOf(staffId));
    }
}
