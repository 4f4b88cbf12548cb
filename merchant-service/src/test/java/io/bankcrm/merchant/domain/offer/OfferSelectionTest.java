package io.bankcrm.merchant.domain.offer;

import io.bankcrm.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.bankcrm.merchant.domain.Fixtures.cny;
import static io.bankcrm.merchant.domain.offer.Offers.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: one offer per transaction, the best for the cardholder, budgets drawn and exhausted. */
class OfferSelectionTest {

    static final String A = "00000000-0000-0000-0000-0000000000f1";
    static final String B = "00000000-0000-0000-0000-0000000000f2";

    @Test
    void theHighestBenefitWinsAndTheOthersSayWhy() {
        Offer half = Offers.halfPrice();
        Offer fifteen = Offers.fifteenOff();
        OfferSelection s = OfferSelection.select(List.of(fifteen, half), purchase("200.00"), Map.of());
        assertEquals(half.id(), s.applied().orElseThrow().offerId());
        assertEquals(List.of(half.id(), fifteen.id()), s.ranked().stream().map(OfferQuote::offerId).toList());
        NotApplied why = s.notApplied().get(0);
        assertEquals(fifteen.id(), why.offerId());
        assertEquals(Reason.OUTRANKED, why.reason());
        assertTrue(why.detail().contains("100.00 CNY"), why.detail());
    }

    @Test
    void tiesGoToPriorityThenId() {
        Offer a = Offers.fixed(A, "20.00", 5, Offers.anyPurchase());
        Offer b = Offers.fixed(B, "20.00", 2, Offers.anyPurchase());
        assertEquals(b.id(), OfferSelection.select(List.of(a, b), purchase("100.00"), Map.of()).applied().orElseThrow().offerId());
        Offer bSamePriority = Offers.fixed(B, "20.00", 5, Offers.anyPurchase());
        OfferSelection s = OfferSelection.select(List.of(bSamePriority, a), purchase("100.00"), Map.of());
        assertEquals(a.id(), s.applied().orElseThrow().offerId());
        assertTrue(s.notApplied().get(0).detail().contains("by id"));
    }

    @Test
    void offersThatDoNotApplyAreListedWithTheirReasons() {
        Offer half = Offers.halfPrice();
        OfferSelection s = OfferSelection.select(List.of(half), purchase("200.00"), Map.of(half.id(), Set.of(Funder.BANK)));
        assertTrue(s.applied().isEmpty());
        assertEquals(List.of(Reason.BUDGET_EXHAUSTED), s.notApplied().stream().map(NotApplied::reason).toList());
        Offer other = new Offer(UUID.randomUUID(), UUID.randomUUID(), "elsewhere", OfferType.MERCHANT_FUNDED,
                Offers.fifteenOff().shares(), null, Offers.anyPurchase(), 1, ExhaustionPolicy.STOP_OFFER, OfferStatus.LIVE);
        assertThrows(IllegalArgumentException.class, () -> OfferSelection.select(List.of(other), purchase("1.00"), Map.of()));
    }

    @Test
    void aBudgetThatCoversTenTransactionsFundsExactlyTen() {
        Offer half = Offers.halfPrice();
        // each 200.00 purchase draws 40.00 from the merchant and 60.00 from the bank; the bank's 600.00 covers ten
        InMemoryLedger ledger = new InMemoryLedger().fund(half.id(), Funder.MERCHANT, cny("10000.00"))
                .fund(half.id(), Funder.BANK, cny("600.00"));
        int applied = 0;
        List<BudgetExhaustion> exhaustions = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            OfferApplication a = OfferApplication.apply(List.of(half), purchase("200.00"), ledger);
            if (a.selection().applied().isPresent()) {
                applied++;
            }
            exhaustions.addAll(a.exhaustions());
        }
        assertEquals(10, applied);
        assertEquals(cny("600.00"), ledger.budget(half.id(), Funder.BANK).drawn());
        assertEquals(cny("400.00"), ledger.budget(half.id(), Funder.MERCHANT).drawn(), "the failed draws were undone");
        assertEquals(List.of(new BudgetExhaustion(half.id(), Funder.BANK, ExhaustionPolicy.STOP_OFFER, true)), exhaustions,
                "exhausted once, then the offer no longer applies");
    }

    @Test
    void underContinueTheOfferGoesOnWithTheRemainingFunders() {
        Offer half = Offers.withPolicy(Offers.halfPrice(), ExhaustionPolicy.CONTINUE_WITH_REMAINING_FUNDERS);
        InMemoryLedger ledger = new InMemoryLedger().fund(half.id(), Funder.MERCHANT, cny("100.00"))
                .fund(half.id(), Funder.BANK, cny("100.00"));
        OfferApplication first = OfferApplication.apply(List.of(half), purchase("200.00"), ledger);
        assertEquals(cny("100.00"), first.selection().applied().orElseThrow().discount());
        OfferApplication second = OfferApplication.apply(List.of(half), purchase("200.00"), ledger);
        OfferQuote merchantOnly = second.selection().applied().orElseThrow();
        assertEquals(Map.of(Funder.MERCHANT, cny("40.00")), merchantOnly.byFunder());
        assertEquals(List.of(new BudgetExhaustion(half.id(), Funder.BANK, ExhaustionPolicy.CONTINUE_WITH_REMAINING_FUNDERS,
                false)), second.exhaustions());
        OfferApplication third = OfferApplication.apply(List.of(half), purchase("200.00"), ledger);
        assertTrue(third.selection().applied().isEmpty());
        assertEquals(List.of(new BudgetExhaustion(half.id(), Funder.MERCHANT,
                ExhaustionPolicy.CONTINUE_WITH_REMAINING_FUNDERS, true)), third.exhaustions());
        assertEquals(cny("80.00"), ledger.budget(half.id(), Funder.MERCHANT).drawn());
    }

    @Test
    void aBudgetAnotherTransactionExhaustedFirstRaisesNoSecondEvent() {
        Offer half = Offers.halfPrice();
        InMemoryLedger ledger = new InMemoryLedger() {
            private boolean stale = true;

            @Override
            public Set<Funder> exhausted(UUID offerId) {
                // the first read predates the concurrent transaction that exhausted the bank's budget
                if (stale) {
                    stale = false;
                    return Set.of();
                }
                return super.exhausted(offerId);
            }
        }.fund(half.id(), Funder.MERCHANT, cny("1000.00")).fund(half.id(), Funder.BANK, cny("10.00"));
        ledger.markExhausted(half.id(), Funder.BANK);
        OfferApplication a = OfferApplication.apply(List.of(half), purchase("200.00"), ledger);
        assertTrue(a.selection().applied().isEmpty());
        assertEquals(List.of(), a.exhaustions());
    }

    @Test
    void whenTheBestOfferRunsOutTheNextBestApplies() {
        Offer half = Offers.halfPrice();
        Offer fifteen = Offers.fifteenOff();
        InMemoryLedger ledger = new InMemoryLedger().fund(half.id(), Funder.MERCHANT, cny("1000.00"))
                .fund(half.id(), Funder.BANK, cny("10.00")).fund(fifteen.id(), Funder.MERCHANT, cny("1000.00"));
        OfferApplication a = OfferApplication.apply(List.of(half, fifteen), purchase("200.00"), ledger);
        assertEquals(fifteen.id(), a.selection().applied().orElseThrow().offerId());
        assertEquals(cny("30.00"), ledger.budget(fifteen.id(), Funder.MERCHANT).drawn());
        assertEquals(cny("0.00"), ledger.budget(half.id(), Funder.MERCHANT).drawn());
        assertEquals(Reason.BUDGET_EXHAUSTED, a.selection().notApplied().get(0).reason());
    }

    @Test
    void aBudgetIsNeverDrawnBeyondItsTotalNorRestoredBeyondItsDraws() {
        FunderBudget b = FunderBudget.of(UUID.randomUUID(), Funder.BANK, cny("100.00"));
        FunderBudget drawn = b.draw(cny("60.00"));
        assertEquals(cny("40.00"), drawn.remaining());
        StateConflict c = assertThrows(StateConflict.class, () -> drawn.draw(cny("40.01")));
        assertEquals(FunderBudget.EXHAUSTED, c.code());
        assertFalse(drawn.markExhausted().covers(cny("0.01")));
        assertEquals(cny("100.00"), drawn.restore(cny("60.00")).remaining());
        assertThrows(IllegalArgumentException.class, () -> drawn.restore(cny("60.01")));
        FunderBudget topped = drawn.markExhausted().topUp(cny("50.00"));
        assertEquals(cny("90.00"), topped.remaining());
        assertFalse(topped.exhausted());
    }
}
