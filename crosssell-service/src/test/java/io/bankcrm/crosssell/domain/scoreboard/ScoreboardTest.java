package io.bankcrm.crosssell.domain.scoreboard;

import io.bankcrm.crosssell.domain.credit.ConversionCredit;
import io.bankcrm.crosssell.domain.credit.CorporateLink;
import io.bankcrm.crosssell.domain.credit.CreditRuleBook;
import io.bankcrm.crosssell.domain.credit.CreditSplit;
import io.bankcrm.crosssell.domain.credit.CreditSplitRule;
import io.bankcrm.crosssell.domain.credit.Credited;
import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.crosssell.domain.team.TeamMember;
import io.bankcrm.platform.money.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.bankcrm.crosssell.domain.CrosssellMother.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Domain, no container: attainment per team and member, and totals that count each conversion once. */
class ScoreboardTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final AssessmentPeriod NOVEMBER = AssessmentPeriod.parse("2026-11");
    private static final Credited CHEN = new Credited("corp", "corp.rm.chen");
    private static final Credited WANG = new Credited("retail", "retail.wang");
    private static final Credited LI = new Credited("retail", "retail.li");
    private static final CreditRuleBook RULES = new CreditRuleBook(List.of(
            new CreditSplitRule(1, new BigDecimal("30"), 180, LocalDate.of(2026, 1, 1))));
    private static final Map<String, List<TeamMember>> TEAMS = Map.of(
            "corp", List.of(new TeamMember("corp.rm.chen", 1, true, List.of())),
            "retail", List.of(new TeamMember("retail.wang", 2, true, List.of()),
                    new TeamMember("retail.li", 1, true, List.of())));

    private static ConversionCredit shared(int n, String value, LocalDate on, Credited corporate, Credited retail) {
        return CreditSplit.credit(new UUID(7, n), ProductCode.PERSONAL_LOAN, on, yuan(value),
                Optional.of(new CorporateLink(new UUID(8, 1), corporate, on.minusDays(30))), retail, RULES);
    }

    private static ConversionCredit manual(int n, ProductCode product, String value, LocalDate on, Credited retail) {
        return CreditSplit.credit(new UUID(7, n), product, on, yuan(value), Optional.empty(), retail, RULES);
    }

    private static final List<ConversionCredit> CREDITS = List.of(
            shared(1, "100000.00", LocalDate.of(2026, 11, 10), CHEN, WANG),
            manual(2, ProductCode.CREDIT_CARD, "0.00", LocalDate.of(2026, 11, 30), LI),
            manual(3, ProductCode.WEALTH_MANAGEMENT, "50000.00", LocalDate.of(2026, 10, 31), WANG));
    private static final List<Target> TARGETS = List.of(
            new Target("retail", ProductCode.PERSONAL_LOAN, new BigDecimal("2"), yuan("200000.00")),
            new Target("corp", ProductCode.PERSONAL_LOAN, BigDecimal.ONE, yuan("50000.00")));

    @Test
    void theTotalIsEachConversionOnceNotTheSumOfTwoFullCredits() {
        Scoreboard board = Scoreboard.of(NOVEMBER, CREDITS, TARGETS, TEAMS, CNY);
        assertEquals(new Totals(2, yuan("100000.00")), board.totals());
        BigDecimal teamCounts = board.teams().stream().map(Standing::count).reduce(BigDecimal.ZERO, BigDecimal::add);
        Money teamValues = board.teams().stream().map(Standing::value).reduce(Money.zero(CNY), Money::plus);
        assertEquals(0, teamCounts.compareTo(BigDecimal.valueOf(2)));
        assertEquals(yuan("100000.00"), teamValues);
    }

    @Test
    void teamsRankByTheirMeanAttainment() {
        Scoreboard board = Scoreboard.of(NOVEMBER, CREDITS, TARGETS, TEAMS, CNY);
        Standing corp = board.teams().get(0);
        assertEquals("corp", corp.teamId());
        assertEquals(1, corp.rank());
        // count 0.3 of 1, value 30,000 of 50,000: (0.3 + 0.6) / 2
        assertEquals(new BigDecimal("0.4500"), corp.score());
        ProductAttainment loan = corp.products().get(0);
        assertEquals(new BigDecimal("0.3000"), loan.countAttainment());
        assertEquals(new BigDecimal("0.6000"), loan.valueAttainment());
        Standing retail = board.teams().get(1);
        // count 0.7 of 2 and 70,000 of 200,000; the card has no target and does not dilute the score
        assertEquals(new BigDecimal("0.3500"), retail.score());
        assertEquals(0, retail.count().compareTo(new BigDecimal("1.7")));
        assertEquals(2, retail.products().size());
        assertNull(retail.products().get(0).countTarget(), "CREDIT_CARD sorts first and has no target");
    }

    @Test
    void membersShareTheTeamsTargetByCapacity() {
        Scoreboard board = Scoreboard.of(NOVEMBER, CREDITS, TARGETS, TEAMS, CNY);
        assertEquals(List.of("retail.wang", "corp.rm.chen", "retail.li"),
                board.members().stream().map(Standing::staffId).toList());
        Standing wang = board.members().get(0);
        ProductAttainment loan = wang.products().stream().filter(p -> p.product().equals(ProductCode.PERSONAL_LOAN))
                .findFirst().orElseThrow();
        assertEquals(new BigDecimal("1.3333"), loan.countTarget());
        assertEquals(yuan("133333.33"), loan.valueTarget());
        assertEquals(new BigDecimal("0.5250"), wang.score());
        Standing li = board.members().get(2);
        ProductAttainment liLoan = li.products().stream().filter(p -> p.product().equals(ProductCode.PERSONAL_LOAN))
                .findFirst().orElseThrow();
        // the members' value targets add up to the team's to the fen
        assertEquals(yuan("200000.00"), liLoan.valueTarget().plus(loan.valueTarget()));
        assertEquals(new BigDecimal("0.0000"), li.score());
    }

    @Test
    void bothSidesInOneTeamCountOnceThere() {
        Credited sameTeamRm = new Credited("retail", "retail.li");
        Scoreboard board = Scoreboard.of(NOVEMBER, List.of(shared(9, "1000.00", LocalDate.of(2026, 11, 2), sameTeamRm,
                WANG)), List.of(), TEAMS, CNY);
        Standing retail = board.teams().stream().filter(s -> s.teamId().equals("retail")).findFirst().orElseThrow();
        assertEquals(0, retail.count().compareTo(BigDecimal.ONE));
        assertEquals(yuan("1000.00"), retail.value());
    }

    @Test
    void aConversionListedTwiceOrInAnotherCurrencyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Scoreboard.of(NOVEMBER,
                List.of(CREDITS.get(0), CREDITS.get(0)), TARGETS, TEAMS, CNY));
        ConversionCredit dollars = CreditSplit.credit(new UUID(7, 5), ProductCode.CREDIT_CARD, LocalDate.of(2026, 11, 3),
                Money.of("10.00", "USD"), Optional.empty(), LI, RULES);
        assertThrows(IllegalArgumentException.class, () -> Scoreboard.of(NOVEMBER, List.of(dollars), TARGETS, TEAMS, CNY));
    }

    @Test
    void aMemberWhoLeftTheTeamKeepsTheCreditWithoutATarget() {
        Credited former = new Credited("retail", "retail.former");
        Scoreboard board = Scoreboard.of(NOVEMBER, List.of(manual(4, ProductCode.PERSONAL_LOAN, "5000.00",
                LocalDate.of(2026, 11, 5), former)), TARGETS, TEAMS, CNY);
        Standing s = board.members().stream().filter(m -> "retail.former".equals(m.staffId())).findFirst().orElseThrow();
        assertNull(s.score());
        assertEquals(yuan("5000.00"), s.value());
        assertEquals(board.members().size(), s.rank(), "without a target, ranked last");
    }

    /** However credits are split and to whom, the teams' counts and values add up to the totals. */
    @Property(tries = 300)
    void teamTotalsAddUpToTheWholeOnce(@ForAll("conversions") List<ConversionCredit> credits) {
        Scoreboard board = Scoreboard.of(NOVEMBER, credits, List.of(), Map.of(), CNY);
        Money whole = credits.stream().map(ConversionCredit::value).reduce(Money.zero(CNY), Money::plus);
        assertEquals(new Totals(credits.size(), whole), board.totals());
        assertEquals(whole, board.teams().stream().map(Standing::value).reduce(Money.zero(CNY), Money::plus));
        assertEquals(whole, board.members().stream().map(Standing::value).reduce(Money.zero(CNY), Money::plus));
        assertEquals(0, BigDecimal.valueOf(credits.size()).compareTo(
                board.teams().stream().map(Standing::count).reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    @Provide
    Arbitrary<List<ConversionCredit>> conversions() {
        Arbitrary<Credited> who = Arbitraries.of(CHEN, WANG, LI, new Credited("corp", "corp.rm.zhao"));
        Arbitrary<Long> fen = Arbitraries.longs().between(0, 10_000_000_00L);
        Arbitrary<Integer> day = Arbitraries.integers().between(1, 30);
        Arbitrary<Boolean> sharedOrNot = Arbitraries.of(true, false);
        return Combinators.combine(who, who, fen, day, sharedOrNot).as((c, r, f, d, s) -> new Object[]{c, r, f, d, s})
                .list().ofMaxSize(15).map(rows -> {
                    List<ConversionCredit> out = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        Object[] row = rows.get(i);
                        LocalDate on = LocalDate.of(2026, 11, (Integer) row[3]);
                        Money value = new Money(BigDecimal.valueOf((Long) row[2], 2), CNY);
                        Optional<CorporateLink> link = (Boolean) row[4]
                                ? Optional.of(new CorporateLink(new UUID(8, 1), (Credited) row[0], on.minusDays(10)))
                                : Optional.empty();
                        out.add(CreditSplit.credit(new UUID(6, i), ProductCode.PERSONAL_LOAN, on, value, link,
                                (Credited) row[1], RULES));
                    }
                    return out;
                });
    }
}
