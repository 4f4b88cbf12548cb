package io.bankcrm.merchant.domain.offer;

import io.bankcrm.platform.domain.IllegalTransition;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.bankcrm.merchant.domain.Fixtures.MERCHANT;
import static io.bankcrm.merchant.domain.Fixtures.cny;
import static io.bankcrm.merchant.domain.offer.Offers.FROM;
import static io.bankcrm.merchant.domain.offer.Offers.TO;
import static io.bankcrm.merchant.domain.offer.Offers.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: what an offer gives, who funds it, when it applies, and its life cycle. */
class OfferTest {

    @Test
    void theBanksHalfPriceExampleGivesExactShares() {
        OfferQuote q = Offers.halfPrice().quote(cny("200.00"), Set.of()).orElseThrow();
        assertEquals(cny("100.00"), q.discount());
        assertEquals(cny("40.00"), q.partOf(Funder.MERCHANT));
        assertEquals(cny("60.00"), q.partOf(Funder.BANK));
        assertEquals(cny("100.00"), q.cardholderPays());
    }

    @Test
    void anAwkwardAmountIsHalvedToTheFenAndSplitByLargestRemainder() {
        // 33.33 / 2 = 16.665 -> 16.66 (half-even); 16.66 x 2/5 = 6.664, x 3/5 = 9.996 -> 6.66 + 10.00
        OfferQuote q = Offers.halfPrice().quote(cny("33.33"), Set.of()).orElseThrow();
        assertEquals(cny("16.66"), q.discount());
        assertEquals(Map.of(Funder.MERCHANT, cny("6.66"), Funder.BANK, cny("10.00")), q.byFunder());
        assertEquals(cny("16.67"), q.cardholderPays());
    }

    @Test
    void aMerchantFundedOfferIsAllTheMerchants() {
        OfferQuote q = Offers.fifteenOff().quote(cny("88.00"), Set.of()).orElseThrow();
        assertEquals(Map.of(Funder.MERCHANT, cny("13.20")), q.byFunder());
        assertEquals(cny("74.80"), q.cardholderPays());
    }

    @Test
    void aFixedAmountIsSplitAmongItsFundersAndLeavesSomethingToCharge() {
        Offer thirtyOff = Offers.fixed("00000000-0000-0000-0000-0000000000f1", "30.01", 1, Offers.anyPurchase());
        OfferQuote q = thirtyOff.quote(cny("100.00"), Set.of()).orElseThrow();
        assertEquals(Map.of(Funder.MERCHANT, cny("15.01"), Funder.BANK, cny("15.00")), q.byFunder());
        OfferQuote small = thirtyOff.quote(cny("12.00"), Set.of()).orElseThrow();
        assertEquals(cny("11.99"), small.discount());
        assertEquals(cny("0.01"), small.cardholderPays(), "the card is always charged something");
        assertEquals(Optional.empty(), thirtyOff.quote(cny("0.01"), Set.of()));
    }

    @Test
    void aCapLimitsTheDiscountAndTheFundersShareTheCap() {
        OfferConditions capped = new OfferConditions(FROM, TO, Set.of(), null, null, Set.of(), true, null, cny("50.00"));
        Offer o = new Offer(UUID.randomUUID(), MERCHANT, "Half price up to 50", OfferType.CO_FUNDED,
                Offers.halfPrice().shares(), null, capped, 1, ExhaustionPolicy.STOP_OFFER, OfferStatus.LIVE);
        OfferQuote q = o.quote(cny("300.00"), Set.of()).orElseThrow();
        assertEquals(Map.of(Funder.MERCHANT, cny("20.00"), Funder.BANK, cny("30.00")), q.byFunder());
    }

    @Test
    void exhaustionStopsTheOfferOrLeavesTheRemainingFundersShares() {
        assertEquals(Optional.empty(), Offers.halfPrice().quote(cny("200.00"), Set.of(Funder.BANK)));
        Offer going = Offers.withPolicy(Offers.halfPrice(), ExhaustionPolicy.CONTINUE_WITH_REMAINING_FUNDERS);
        OfferQuote q = going.quote(cny("200.00"), Set.of(Funder.BANK)).orElseThrow();
        assertEquals(Map.of(Funder.MERCHANT, cny("40.00")), q.byFunder(), "the merchant's 20% only");
        assertEquals(Optional.empty(), going.quote(cny("200.00"), Set.of(Funder.BANK, Funder.MERCHANT)));
    }

    @Test
    void aDiscountThatRoundsToNothingIsNoOffer() {
        assertEquals(Optional.empty(), Offers.fifteenOff().quote(cny("0.03"), Set.of()));
    }

    @Test
    void conditionsGiveEveryReasonAtOnce() {
        OfferConditions weekdays = new OfferConditions(FROM, TO, Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                cny("100.00"), cny("1000.00"), Set.of("PLATINUM"), true, 2, null);
        Offer o = new Offer(UUID.randomUUID(), MERCHANT, "Weekday lunch", OfferType.MERCHANT_FUNDED,
                Map.of(Funder.MERCHANT, new BigDecimal("0.1")), null, weekdays, 1, ExhaustionPolicy.STOP_OFFER,
                OfferStatus.LIVE);
        PurchaseFacts facts = purchase(cny("50.00"), Offers.SATURDAY_EVENING, Optional.of("GOLD"), false,
                Map.of(o.id(), 2));
        List<Reason> reasons = o.unmetBy(facts).stream().map(NotApplied::reason).toList();
        assertEquals(List.of(Reason.DAY_OF_WEEK, Reason.BELOW_MINIMUM, Reason.TIER_NOT_ELIGIBLE, Reason.NOT_A_BANK_CARD,
                Reason.USES_PER_CARD_REACHED), reasons);
        PurchaseFacts monday = purchase(cny("100.00"), LocalDateTime.of(2026, 6, 15, 12, 0), Optional.of("PLATINUM"),
                true, Map.of(o.id(), 1));
        assertEquals(List.of(), o.unmetBy(monday));
        PurchaseFacts big = purchase(cny("1000.01"), LocalDateTime.of(2026, 6, 15, 12, 0), Optional.empty(), true, Map.of());
        assertEquals(List.of(Reason.ABOVE_MAXIMUM, Reason.TIER_NOT_ELIGIBLE),
                o.unmetBy(big).stream().map(NotApplied::reason).toList());
    }

    @Test
    void validityDaysAreInclusive() {
        Offer o = Offers.fifteenOff();
        assertEquals(List.of(), o.unmetBy(purchase(cny("10.00"), FROM.atStartOfDay(), Optional.empty(), true, Map.of())));
        assertEquals(List.of(), o.unmetBy(purchase(cny("10.00"), TO.atTime(23, 59), Optional.empty(), true, Map.of())));
        assertEquals(List.of(Reason.NOT_YET_VALID), o.unmetBy(purchase(cny("10.00"), FROM.minusDays(1).atTime(23, 59),
                Optional.empty(), true, Map.of())).stream().map(NotApplied::reason).toList());
    }

    @Test
    void theLifeCycleFollowsTheDatesAndAllowsOnlyItsSteps() {
        Offer draft = new Offer(UUID.randomUUID(), MERCHANT, "Summer", OfferType.MERCHANT_FUNDED,
                Map.of(Funder.MERCHANT, new BigDecimal("0.1")), null, Offers.anyPurchase(), 1,
                ExhaustionPolicy.STOP_OFFER, OfferStatus.DRAFT);
        LocalDate before = FROM.minusDays(10);
        Offer scheduled = draft.schedule(before);
        assertEquals(OfferStatus.SCHEDULED, scheduled.statusOn(before));
        assertEquals(OfferStatus.LIVE, scheduled.statusOn(FROM));
        assertEquals(OfferStatus.EXPIRED, scheduled.statusOn(TO.plusDays(1)));
        assertEquals(OfferStatus.DRAFT, draft.statusOn(TO.plusDays(1)));
        Offer paused = scheduled.pause(FROM);
        assertEquals(OfferStatus.PAUSED, paused.status());
        assertEquals(List.of(Reason.NOT_LIVE), paused.unmetBy(purchase("10.00")).stream().map(NotApplied::reason).toList());
        Offer live = paused.resume(FROM.plusDays(1));
        Offer exhausted = live.exhaust(FROM.plusDays(2));
        assertEquals(List.of(Reason.BUDGET_EXHAUSTED),
                exhausted.unmetBy(purchase("10.00")).stream().map(NotApplied::reason).toList());
        assertEquals(OfferStatus.LIVE, exhausted.resume(FROM.plusDays(3)).status());
        StateConflict c = assertThrows(StateConflict.class, () -> scheduled.pause(before));
        assertEquals(IllegalTransition.CODE, c.code());
        assertThrows(StateConflict.class, () -> draft.pause(FROM));
        assertThrows(StateConflict.class, () -> live.expire(FROM).resume(FROM));
        assertThrows(StateConflict.class, () -> draft.schedule(TO.plusDays(1)));
        assertThrows(StateConflict.class, () -> paused.exhaust(FROM), "a paused offer draws nothing");
    }

    @Test
    void sharesMustFitTheType() {
        Map<Funder, BigDecimal> merchantOnly = Map.of(Funder.MERCHANT, new BigDecimal("0.2"));
        assertThrows(InvalidInput.class, () -> new Offer(UUID.randomUUID(), MERCHANT, "x", OfferType.CO_FUNDED,
                merchantOnly, null, Offers.anyPurchase(), 1, ExhaustionPolicy.STOP_OFFER, OfferStatus.DRAFT));
        assertThrows(InvalidInput.class, () -> new Offer(UUID.randomUUID(), MERCHANT, "x", OfferType.CO_FUNDED,
                Map.of(Funder.MERCHANT, new BigDecimal("0.5"), Funder.BANK, new BigDecimal("0.5")), null,
                Offers.anyPurchase(), 1, ExhaustionPolicy.STOP_OFFER, OfferStatus.DRAFT));
        assertThrows(InvalidInput.class, () -> new Offer(UUID.randomUUID(), MERCHANT, "x", OfferType.MERCHANT_FUNDED,
                Map.of(Funder.BANK, new BigDecimal("0.2")), null, Offers.anyPurchase(), 1, ExhaustionPolicy.STOP_OFFER,
                OfferStatus.DRAFT));
        assertThrows(InvalidInput.class, () -> new Offer(UUID.randomUUID(), MERCHANT, "x", OfferType.FIXED_AMOUNT,
                Map.of(Funder.MERCHANT, new BigDecimal("0.9")), cny("10.00"), Offers.anyPurchase(), 1,
                ExhaustionPolicy.STOP_OFFER, OfferStatus.DRAFT));
        assertThrows(InvalidInput.class, () -> new Offer(UUID.randomUUID(), MERCHANT, "x", OfferType.MERCHANT_FUNDED,
                merchantOnly, null, Offers.anyPurchase(), 0, ExhaustionPolicy.STOP_OFFER, OfferStatus.DRAFT));
        assertThrows(InvalidInput.class, () -> new OfferConditions(TO, FROM, Set.of(), null, null, Set.of(), true, null, null));
        assertTrue(new Offer(UUID.randomUUID(), MERCHANT, "network joins", OfferType.CO_FUNDED,
                Map.of(Funder.MERCHANT, new BigDecimal("0.2"), Funder.BANK, new BigDecimal("0.2"),
                        Funder.NETWORK, new BigDecimal("0.1")), null, Offers.anyPurchase(), 1,
                ExhaustionPolicy.STOP_OFFER, OfferStatus.DRAFT).shares().containsKey(Funder.NETWORK));
    }
}
