package io.bankcrm.crosssell.domain.credit;

import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.platform.money.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.bankcrm.crosssell.domain.CrosssellMother.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: split credit between the corporate and the retail team, exact to the fen. */
class CreditSplitTest {

    static final Credited CORPORATE = new Credited("corp-team-haidian", "corp.rm.chen");
    static final Credited RETAIL = new Credited("retail-team-haidian", "retail.wang");
    static final LocalDate LINKED = LocalDate.of(2026, 6, 1);
    static final CreditRuleBook RULES = new CreditRuleBook(List.of(
            new CreditSplitRule(1, new BigDecimal("30"), 180, LocalDate.of(2026, 1, 1))));
    static final UUID CONVERSION = new UUID(9, 1);

    static ConversionCredit credit(String value, LocalDate on, CreditRuleBook rules) {
        return CreditSplit.credit(CONVERSION, ProductCode.PERSONAL_LOAN, on, yuan(value),
                Optional.of(new CorporateLink(new UUID(8, 1), CORPORATE, LINKED)), RETAIL, rules);
    }

    @Test
    void thirtySeventyWithinTheWindow() {
        ConversionCredit c = credit("100000.00", LocalDate.of(2026, 7, 12), RULES);
        assertTrue(c.inWindow());
        assertEquals(1, c.rule().version());
        assertEquals(2, c.lines().size());
        assertEquals(new CreditLine(CreditRole.CORPORATE, CORPORATE, new BigDecimal("0.3000"), yuan("30000.00")),
                c.lines().get(0));
        assertEquals(new CreditLine(CreditRole.RETAIL, RETAIL, new BigDecimal("0.7000"), yuan("70000.00")),
                c.lines().get(1));
        assertEquals("30.00/70.00 under rule version 1: converted 41 days after the link (window 180 days)", c.why());
    }

    @Test
    void aFenThatCannotBeSplitGoesToTheLargerRemainder() {
        // 0.01 x 30% = 0.003, x 70% = 0.007: the fen goes to the retail side
        ConversionCredit c = credit("0.01", LocalDate.of(2026, 7, 12), RULES);
        assertEquals(yuan("0.00"), c.lines().get(0).value());
        assertEquals(yuan("0.01"), c.lines().get(1).value());
        // 33.33% of 100.01: 33.333333 -> 33.33, 66.676667 -> 66.68
        CreditRuleBook third = new CreditRuleBook(List.of(new CreditSplitRule(1, new BigDecimal("33.33"), 180,
                LocalDate.of(2026, 1, 1))));
        ConversionCredit t = credit("100.01", LocalDate.of(2026, 7, 12), third);
        assertEquals(List.of(yuan("33.33"), yuan("66.68")), t.lines().stream().map(CreditLine::value).toList());
    }

    @Test
    void theWindowIncludesItsLastDayAndNoMore() {
        assertTrue(credit("10.00", LINKED, RULES).inWindow(), "converted on the link day");
        assertTrue(credit("10.00", LINKED.plusDays(180), RULES).inWindow());
        ConversionCredit late = credit("10.00", LINKED.plusDays(181), RULES);
        assertFalse(late.inWindow());
        assertEquals(List.of(new CreditLine(CreditRole.RETAIL, RETAIL, BigDecimal.ONE, yuan("10.00"))), late.lines());
        assertEquals(1, late.rule().version(), "the rule in force is recorded even when it gives the corporate nothing");
        assertEquals("all to the retail team under rule version 1: converted 181 days after the link (window 180 days)",
                late.why());
        assertEquals("all to the retail team under rule version 1: converted before the link (window 180 days)",
                credit("10.00", LINKED.minusDays(1), RULES).why());
    }

    @Test
    void withoutACorporateOrARuleTheRetailTeamHasItAll() {
        ConversionCredit manual = CreditSplit.credit(CONVERSION, ProductCode.CREDIT_CARD, LocalDate.of(2026, 7, 1),
                yuan("500.00"), Optional.empty(), RETAIL, RULES);
        assertNull(manual.rule());
        assertEquals(List.of(RETAIL), manual.lines().stream().map(CreditLine::credited).toList());
        ConversionCredit early = credit("10.00", LocalDate.of(2025, 12, 31), RULES);
        assertNull(early.rule());
        assertEquals("all to the retail team: no credit split rule was in force on 2025-12-31", early.why());
    }

    @Test
    void theRuleInForceOnTheDayIsFrozenOnTheRecord() {
        CreditRuleBook book = RULES.with(new BigDecimal("40"), 90, LocalDate.of(2026, 9, 1));
        ConversionCredit before = credit("1000.00", LocalDate.of(2026, 8, 31), book);
        ConversionCredit after = credit("1000.00", LocalDate.of(2026, 9, 1), book);
        assertEquals(1, before.rule().version());
        assertEquals(yuan("300.00"), before.lines().get(0).value());
        // 92 days after the link: outside version 2's 90-day window
        assertEquals(2, after.rule().version());
        assertFalse(after.inWindow());
        // a record made under version 1 keeps it, whatever is written later
        CreditRuleBook later = book.with(new BigDecimal("50"), 365, LocalDate.of(2026, 10, 1));
        assertEquals(before.rule(), credit("1000.00", LocalDate.of(2026, 8, 31), later).rule());
        assertEquals(Optional.of(later.versions().get(2)), later.inForceOn(LocalDate.of(2027, 1, 1)));
    }

    @Test
    void aZeroShareGetsNoLine() {
        CreditRuleBook none = new CreditRuleBook(List.of(new CreditSplitRule(1, BigDecimal.ZERO, 180, LINKED)));
        assertEquals(List.of(CreditRole.RETAIL), credit("10.00", LINKED, none).lines().stream().map(CreditLine::role).toList());
        CreditRuleBook all = new CreditRuleBook(List.of(new CreditSplitRule(1, new BigDecimal("100"), 180, LINKED)));
        assertEquals(List.of(CreditRole.CORPORATE), credit("10.00", LINKED, all).lines().stream().map(CreditLine::role).toList());
    }

    @Test
    void rulesAreChecked() {
        assertEquals(4, assertThrows(InvalidInput.class, () -> new CreditSplitRule(0, new BigDecimal("100.5"), 0, null))
                .violations().size());
        assertThrows(InvalidInput.class, () -> new CreditSplitRule(1, new BigDecimal("30.125"), 180, LINKED));
        assertThrows(IllegalArgumentException.class, () -> new CreditRuleBook(List.of(
                new CreditSplitRule(2, BigDecimal.TEN, 180, LINKED))));
        assertThrows(IllegalArgumentException.class, () -> RULES.with(BigDecimal.TEN, 10, LocalDate.of(2026, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> credit("-1.00", LINKED, RULES));
    }

    /** For any value and share, the parts add up exactly to the value and to one conversion. */
    @Property(tries = 1000)
    void sharesSumExactlyToTheWhole(@ForAll @LongRange(min = 0, max = 100_000_000_000L) long fen,
                                    @ForAll @IntRange(min = 0, max = 10_000) int basisPoints,
                                    @ForAll @IntRange(min = 0, max = 400) int daysAfterLink) {
        BigDecimal percent = BigDecimal.valueOf(basisPoints, 2);
        CreditRuleBook rules = new CreditRuleBook(List.of(new CreditSplitRule(1, percent, 180, LocalDate.of(2020, 1, 1))));
        Money value = new Money(BigDecimal.valueOf(fen, 2), Currency.getInstance("CNY"));
        ConversionCredit c = CreditSplit.credit(CONVERSION, ProductCode.WEALTH_MANAGEMENT, LINKED.plusDays(daysAfterLink),
                value, Optional.of(new CorporateLink(new UUID(8, 1), CORPORATE, LINKED)), RETAIL, rules);
        Money sum = c.lines().stream().map(CreditLine::value).reduce(Money.zero(value.currency()), Money::plus);
        assertEquals(value, sum);
        assertEquals(0, BigDecimal.ONE.compareTo(c.lines().stream().map(CreditLine::share)
                .reduce(BigDecimal.ZERO, BigDecimal::add)));
        Money corporate = c.lines().stream().filter(l -> l.role() == CreditRole.CORPORATE).map(CreditLine::value)
                .findFirst().orElse(Money.zero(value.currency()));
        if (daysAfterLink > 180) {
            assertEquals(Money.zero(value.currency()), corporate, "no corporate credit outside the window");
        } else {
            // the corporate part is the exact share rounded to a neighbouring fen
            BigDecimal exact = value.amount().multiply(percent).divide(BigDecimal.valueOf(100));
            assertTrue(corporate.amount().subtract(exact).abs().compareTo(new BigDecimal("0.01")) < 0,
                    corporate + " vs " + exact);
        }
    }
}
