package io.bankcrm.merchant.domain.referral;

import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.bankcrm.merchant.domain.Fixtures.MERCHANT;
import static io.bankcrm.merchant.domain.Fixtures.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: referral commissions earned, split, frozen and clawed back. */
class ReferralTest {

    static final UUID PROGRAMME = UUID.randomUUID();
    static final Instant SIGNED_UP = Instant.parse("2026-06-01T02:00:00Z");

    static ReferralProgramme programme(int bank, int merchant) {
        return new ReferralProgramme(PROGRAMME, MERCHANT, "MJ2026", cny("100.00"), bank, merchant, 60, 90,
                LocalDate.of(2026, 6, 1), null);
    }

    static Referral signedUp() {
        return Referral.signUp(UUID.randomUUID(), programme(30, 70), UUID.randomUUID(), SIGNED_UP);
    }

    @Test
    void aCardActivatedAndUsedWithinTheWindowEarnsTheSplitCommission() {
        Referral r = signedUp().cardActivated(Instant.parse("2026-06-10T02:00:00Z"))
                .firstPurchase(Instant.parse("2026-06-12T02:00:00Z"), programme(30, 70));
        assertEquals(Referral.Status.CONVERTED, r.status());
        assertEquals(new Commission(cny("100.00"), cny("30.00"), cny("70.00"), 30, 70), r.commission());
        assertEquals(Instant.parse("2026-09-10T02:00:00Z"), r.clawbackDeadline());
    }

    @Test
    void theSharesInForceAtConversionAreFrozen() {
        Referral r = signedUp().cardActivated(Instant.parse("2026-06-10T02:00:00Z"))
                .firstPurchase(Instant.parse("2026-06-12T02:00:00Z"), programme(40, 60));
        assertEquals(cny("60.00"), r.commission().merchant());
        Referral again = r.firstPurchase(Instant.parse("2026-06-13T02:00:00Z"), programme(30, 70));
        assertSame(r, again, "a repeated first purchase changes nothing");
    }

    @Test
    void aLateActivationOrPurchaseLapses() {
        Referral late = signedUp().cardActivated(Instant.parse("2026-07-31T02:00:01Z"));
        assertEquals(Referral.Status.LAPSED, late.status());
        Referral activated = signedUp().cardActivated(Instant.parse("2026-07-30T02:00:00Z"));
        assertEquals(Referral.Status.ACTIVATED, activated.status());
        Referral lapsed = activated.firstPurchase(Instant.parse("2026-08-01T00:00:00Z"), programme(30, 70));
        assertEquals(Referral.Status.LAPSED, lapsed.status());
        assertNull(lapsed.commission());
        assertSame(lapsed, lapsed.firstPurchase(Instant.parse("2026-08-02T00:00:00Z"), programme(30, 70)));
        assertEquals(Referral.Status.LAPSED, signedUp().lapseIfDue(Instant.parse("2026-08-01T00:00:00Z")).status());
        assertEquals(Referral.Status.SIGNED_UP, signedUp().lapseIfDue(Instant.parse("2026-07-31T02:00:00Z")).status());
    }

    @Test
    void aCardClosedWithinTheClawbackWindowTakesTheCommissionBack() {
        Referral converted = signedUp().cardActivated(Instant.parse("2026-06-10T02:00:00Z"))
                .firstPurchase(Instant.parse("2026-06-12T02:00:00Z"), programme(30, 70));
        Referral clawed = converted.cardClosed(Instant.parse("2026-09-10T02:00:00Z"));
        assertEquals(Referral.Status.CLAWED_BACK, clawed.status());
        assertEquals(converted.commission(), clawed.commission());
        assertSame(converted, converted.cardClosed(Instant.parse("2026-09-10T02:00:01Z")), "after the window: kept");
        assertEquals(Referral.Status.LAPSED, signedUp().cardClosed(Instant.parse("2026-06-05T00:00:00Z")).status());
    }

    @Test
    void aPurchaseBeforeActivationIsRefusedAndProgrammesMustBeSound() {
        assertThrows(StateConflict.class, () -> signedUp().firstPurchase(Instant.parse("2026-06-12T02:00:00Z"),
                programme(30, 70)));
        assertThrows(InvalidInput.class, () -> programme(30, 60));
        assertThrows(InvalidInput.class, () -> new ReferralProgramme(PROGRAMME, MERCHANT, "mj", cny("100.00"), 30, 70,
                60, 90, LocalDate.of(2026, 6, 1), null));
        assertTrue(programme(30, 70).openOn(LocalDate.of(2030, 1, 1)));
        assertThrows(StateConflict.class, () -> programme(30, 70).requireOpen(LocalDate.of(2026, 5, 31)));
    }

    @Test
    void anOddRewardStillSplitsExactly() {
        ReferralProgramme odd = new ReferralProgramme(PROGRAMME, MERCHANT, "MJ2026", cny("0.05"), 30, 70, 60, 90,
                LocalDate.of(2026, 6, 1), null);
        Commission c = odd.commission();
        assertEquals(cny("0.05"), c.bank().plus(c.merchant()));
        assertEquals(cny("0.02"), c.bank(), "1.5 and 3.5 fen: the tied leftover fen goes to the first share, the bank");
    }
}
