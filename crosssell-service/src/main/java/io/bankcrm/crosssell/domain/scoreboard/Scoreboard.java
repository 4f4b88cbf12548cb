package io.bankcrm.crosssell.domain.scoreboard;

import io.bankcrm.crosssell.domain.credit.ConversionCredit;
import io.bankcrm.crosssell.domain.credit.CreditLine;
import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.crosssell.domain.team.TeamMember;
import io.bankcrm.platform.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Ranks teams and members by attainment in a period. Everything is counted from the credit lines: a shared
 * conversion gives each side its share of the count and of the value, so the sum over every team is exactly the
 * number of conversions and their value, and a conversion whose two lines go to the same team counts once there.
 * A member's target is the team's, in proportion to the member's capacity.
 */
public record Scoreboard(AssessmentPeriod period, List<Standing> teams, List<Standing> members, Totals totals) {

    private static final int SCALE = 4;

    public Scoreboard {
        teams = List.copyOf(teams);
        members = List.copyOf(members);
    }

    /**
     * @param credits  the credit records; those converted outside the period are left out
     * @param targets  the teams' targets for the period
     * @param teams    each team's members, for the member targets
     * @param currency the reporting currency every value is in
     */
    public static Scoreboard of(AssessmentPeriod period, List<ConversionCredit> credits, List<Target> targets,
                                Map<String, List<TeamMember>> teams, Currency currency) {
        Objects.requireNonNull(currency, "currency");
        Map<String, Tally> teamTallies = new TreeMap<>();
        Map<String, Map<String, Tally>> memberTallies = new TreeMap<>();
        long conversions = 0;
        Money total = Money.zero(currency);
        Set<java.util.UUID> seen = new HashSet<>();
        for (ConversionCredit credit : credits) {
            if (!period.contains(credit.convertedOn())) {
                continue;
            }
            if (!seen.add(credit.conversionId())) {
                throw new IllegalArgumentException("conversion " + credit.conversionId() + " is listed twice");
            }
            requireCurrency(credit.value(), currency);
            conversions++;
            total = total.plus(credit.value());
            for (CreditLine line : credit.lines()) {
                String team = line.credited().teamId();
                teamTallies.computeIfAbsent(team, t -> new Tally(currency)).add(credit.product(), line);
                memberTallies.computeIfAbsent(team, t -> new TreeMap<>())
                        .computeIfAbsent(line.credited().staffId(), s -> new Tally(currency)).add(credit.product(), line);
            }
        }
        Map<String, List<Target>> targetsByTeam = new TreeMap<>();
        for (Target t : targets) {
            if (t.value() != null) {
                requireCurrency(t.value(), currency);
            }
            targetsByTeam.computeIfAbsent(t.teamId(), k -> new ArrayList<>()).add(t);
        }
        Set<String> teamIds = new TreeSet<>(teamTallies.keySet());
        teamIds.addAll(targetsByTeam.keySet());
        teamIds.addAll(teams.keySet());

        List<Unranked> teamRows = new ArrayList<>();
        List<Unranked> memberRows = new ArrayList<>();
        for (String team : teamIds) {
            Tally tally = teamTallies.getOrDefault(team, new Tally(currency));
            List<Target> teamTargets = targetsByTeam.getOrDefault(team, List.of());
            teamRows.add(tally.standing(team, null, teamTargets, Target::count, Target::value));
            List<TeamMember> roster = teams.getOrDefault(team, List.of());
            MemberTargets shares = new MemberTargets(roster);
            Set<String> staff = new TreeSet<>(shares.staff());
            staff.addAll(memberTallies.getOrDefault(team, Map.of()).keySet());
            for (String member : staff) {
                Tally mine = memberTallies.getOrDefault(team, Map.of()).getOrDefault(member, new Tally(currency));
                // Someone credited who is no longer in the team keeps the credit but has no target.
                List<Target> own = shares.has(member) ? teamTargets : List.of();
                memberRows.add(mine.standing(team, member, own, t -> shares.count(t, member),
                        t -> shares.value(t, member)));
            }
        }
        return new Scoreboard(period, rank(teamRows), rank(memberRows), new Totals(conversions, total));
    }

    private static List<Standing> rank(List<Unranked> rows) {
        List<Unranked> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((Unranked u) -> u.score, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing((Unranked u) -> u.value.amount(), Comparator.reverseOrder())
                .thenComparing((Unranked u) -> u.count, Comparator.reverseOrder())
                .thenComparing(u -> u.teamId)
                .thenComparing(u -> u.staffId == null ? "" : u.staffId));
        List<Standing> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Unranked u = sorted.get(i);
            ranked.add(new Standing(i + 1, u.teamId, u.staffId, u.score, u.count, u.value, u.products));
        }
        return ranked;
    }

    private static void requireCurrency(Money m, Currency currency) {
        if (!m.currency().equals(currency)) {
            throw new IllegalArgumentException(m + " is not in the reporting currency " + currency);
        }
    }

    private record Unranked(String teamId, String staffId, BigDecimal score, BigDecimal count, Money value,
                            List<ProductAttainment> products) {
    }

    /** Count and value credited per product. */
    private static final class Tally {

        private final Currency currency;
        private final Map<ProductCode, BigDecimal> counts = new TreeMap<>();
        private final Map<ProductCode, Money> values = new TreeMap<>();

        Tally(Currency currency) {
            this.currency = currency;
        }

        void add(ProductCode product, CreditLine line) {
            counts.merge(product, line.share(), BigDecimal::add);
            values.merge(product, line.value(), Money::plus);
        }

        /** Against {@code targets}, each read for this row by the two functions (a member's share of the team's). */
        Unranked standing(String team, String staff, List<Target> targets,
                          java.util.function.Function<Target, BigDecimal> countOf,
                          java.util.function.Function<Target, Money> valueOf) {
            Map<ProductCode, Target> byProduct = new TreeMap<>();
            targets.forEach(t -> byProduct.put(t.product(), t));
            Set<ProductCode> products = new TreeSet<>(counts.keySet());
            products.addAll(byProduct.keySet());
            List<ProductAttainment> rows = new ArrayList<>();
            List<BigDecimal> attainments = new ArrayList<>();
            BigDecimal count = BigDecimal.ZERO;
            Money value = Money.zero(currency);
            for (ProductCode p : products) {
                BigDecimal c = counts.getOrDefault(p, BigDecimal.ZERO);
                Money v = values.getOrDefault(p, Money.zero(currency));
                count = count.add(c);
                value = value.plus(v);
                Target t = byProduct.get(p);
                BigDecimal countTarget = t == null || t.count() == null ? null : scaled(countOf.apply(t));
                Money valueTarget = t == null || t.value() == null ? null : valueOf.apply(t);
                BigDecimal countAttainment = ratio(c, countTarget);
                BigDecimal valueAttainment = valueTarget == null ? null : ratio(v.amount(), valueTarget.amount());
                if (countAttainment != null) {
                    attainments.add(countAttainment);
                }
                if (valueAttainment != null) {
                    attainments.add(valueAttainment);
                }
                rows.add(new ProductAttainment(p, c, countTarget, countAttainment, v, valueTarget, valueAttainment));
            }
            BigDecimal score = attainments.isEmpty() ? null : attainments.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(attainments.size()), SCALE, RoundingMode.HALF_EVEN);
            return new Unranked(team, staff, score, count, value, rows);
        }

        private static BigDecimal scaled(BigDecimal b) {
            return b.setScale(SCALE, RoundingMode.HALF_EVEN);
        }

        private static BigDecimal ratio(BigDecimal achieved, BigDecimal target) {
            if (target == null || target.signum() == 0) {
                return null;
            }
            return achieved.divide(target, SCALE, RoundingMode.HALF_EVEN);
        }
    }
}
