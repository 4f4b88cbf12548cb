package io.bankcrm.merchant.domain.fee;

import io.bankcrm.merchant.domain.merchant.MccGroup;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.StateConflict;
import io.bankcrm.platform.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.bankcrm.merchant.domain.Fixtures.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Domain, no container: the merchant discount fee, its 7:2:1 split, on-us transactions and effective dates. */
class FeeSplitRuleTest {

    static FeeSplitRule credit(String rate, LocalDate from, LocalDate to, Money cap, boolean onUsViaNetwork) {
        return new FeeSplitRule(UUID.randomUUID(), MccGroup.GENERAL, CardType.CREDIT, from, to, new BigDecimal(rate),
                7, 2, 1, cap, onUsViaNetwork);
    }

    @Test
    void splitsTheFeeSevenTwoOneToTheFen() {
        FeeSplit split = credit("0.0060", LocalDate.of(2026, 1, 1), null, null, true).split(cny("1000.00"), false);
        assertEquals(cny("6.00"), split.fee());
        assertEquals(cny("4.20"), split.issuer());
        assertEquals(cny("1.20"), split.acquirer());
        assertEquals(cny("0.60"), split.network());
        assertEquals(cny("1.20"), split.bankShare(), "another bank's card: the bank earns as acquirer");
    }

    @Test
    void theSharesAlwaysSumToTheFee() {
        // 33.33 x 0.6% = 0.19998 -> 0.20; 7:2:1 of 20 fen = 14 + 4 + 2
        FeeSplit split = credit("0.0060", LocalDate.of(2026, 1, 1), null, null, true).split(cny("33.33"), false);
        assertEquals(List.of(cny("0.14"), cny("0.04"), cny("0.02")), List.of(split.issuer(), split.acquirer(), split.network()));
        // 1.23 x 0.6% = 0.00738 -> 0.01: one fen, to the issuer
        FeeSplit fen = credit("0.0060", LocalDate.of(2026, 1, 1), null, null, true).split(cny("1.23"), false);
        assertEquals(List.of(cny("0.01"), cny("0.00"), cny("0.00")), List.of(fen.issuer(), fen.acquirer(), fen.network()));
    }

    @Test
    void onUsTheBankIsIssuerAndAcquirerAndTheNetworkPaysOnlyWhenRoutedThroughIt() {
        FeeSplit routed = credit("0.0060", LocalDate.of(2026, 1, 1), null, null, true).split(cny("1000.00"), true);
        assertEquals(cny("5.40"), routed.bankShare());
        assertEquals(cny("0.60"), routed.network());
        FeeSplit inHouse = credit("0.0060", LocalDate.of(2026, 1, 1), null, null, false).split(cny("1000.00"), true);
        assertEquals(cny("0.00"), inHouse.network());
        assertEquals(cny("4.67"), inHouse.issuer(), "6.00 split 7:2 = 4.666.. + 1.333..");
        assertEquals(cny("1.33"), inHouse.acquirer());
        assertEquals(cny("6.00"), inHouse.bankShare());
    }

    @Test
    void aDebitCapLimitsTheFee() {
        FeeSplit split = credit("0.0050", LocalDate.of(2026, 1, 1), null, cny("20.00"), true).split(cny("10000.00"), false);
        assertEquals(cny("20.00"), split.fee());
        assertEquals(cny("14.00"), split.issuer());
    }

    @Test
    void theRuleInForceOnTheDayIsTheOneUsed() {
        FeeSplitRule old = credit("0.0060", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), null, true);
        FeeSplitRule next = credit("0.0055", LocalDate.of(2026, 7, 1), null, null, true);
        FeeSplitRules rules = FeeSplitRules.of(List.of(old, next));
        assertEquals(old, rules.require(MccGroup.GENERAL, CardType.CREDIT, LocalDate.of(2026, 6, 30)));
        assertEquals(next, rules.require(MccGroup.GENERAL, CardType.CREDIT, LocalDate.of(2026, 7, 1)));
        StateConflict none = assertThrows(StateConflict.class,
                () -> rules.require(MccGroup.GENERAL, CardType.DEBIT, LocalDate.of(2026, 7, 1)));
        assertEquals(FeeSplitRules.NONE_IN_FORCE, none.code());
        assertThrows(StateConflict.class, () -> rules.require(MccGroup.GENERAL, CardType.CREDIT, LocalDate.of(2025, 12, 31)));
    }

    @Test
    void rulesOfOneGroupAndCardTypeMayNotOverlap() {
        FeeSplitRule open = credit("0.0060", LocalDate.of(2026, 1, 1), null, null, true);
        StateConflict c = assertThrows(StateConflict.class, () -> FeeSplitRules.of(List.of(open,
                credit("0.0050", LocalDate.of(2027, 1, 1), null, null, true))));
        assertEquals(FeeSplitRules.OVERLAP, c.code());
        FeeSplitRule debit = new FeeSplitRule(UUID.randomUUID(), MccGroup.GENERAL, CardType.DEBIT, LocalDate.of(2026, 1, 1),
                null, new BigDecimal("0.005"), 7, 2, 1, cny("20.00"), true);
        assertEquals(2, FeeSplitRules.of(List.of(open, debit)).all().size(), "another card type is another rule");
    }

    @Test
    void refusesNonsense() {
        assertThrows(InvalidInput.class, () -> credit("0.06", LocalDate.of(2026, 1, 1), null, null, true));
        assertThrows(InvalidInput.class, () -> credit("-0.001", LocalDate.of(2026, 1, 1), null, null, true));
        assertThrows(InvalidInput.class, () -> credit("0.006", LocalDate.of(2026, 1, 1), LocalDate.of(2025, 1, 1), null, true));
        assertThrows(InvalidInput.class, () -> new FeeSplitRule(UUID.randomUUID(), MccGroup.GENERAL, CardType.CREDIT,
                LocalDate.of(2026, 1, 1), null, new BigDecimal("0.006"), 0, 0, 1, null, true));
    }
}
