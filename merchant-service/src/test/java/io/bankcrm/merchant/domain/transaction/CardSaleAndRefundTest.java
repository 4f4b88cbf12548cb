package io.bankcrm.merchant.domain.transaction;

import io.bankcrm.merchant.domain.fee.FeeParty;
import io.bankcrm.merchant.domain.instalment.FeeBearer;
import io.bankcrm.merchant.domain.instalment.Instalment;
import io.bankcrm.merchant.domain.instalment.InstalmentPlan;
import io.bankcrm.merchant.domain.instalment.Tenor;
import io.bankcrm.merchant.domain.offer.Funder;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.bankcrm.merchant.domain.Fixtures.cny;
import static io.bankcrm.merchant.domain.transaction.Sales.FIRST_DUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: what a sale comes to, and refunds that reverse it in proportion. */
class CardSaleAndRefundTest {

    @Test
    void aHalfPriceSaleChargesHalfAndPaysTheMerchantAllButItsOwnShareAndTheFee() {
        CardSale sale = Sales.halfPrice(Optional.empty(), FeeBearer.CARDHOLDER);
        assertEquals(cny("100.00"), sale.cardholderPays());
        assertEquals(cny("0.60"), sale.fee().fee(), "0.6% of what the card is charged");
        assertEquals(Map.of(FeeParty.ISSUER, cny("0.42"), FeeParty.ACQUIRER, cny("0.12"), FeeParty.NETWORK, cny("0.06")),
                sale.fee().byParty());
        // 200.00 - 40.00 (its own part) - 0.60 fee; the bank reimburses its 60.00
        assertEquals(cny("159.40"), sale.merchantNet());
    }

    @Test
    void aMerchantBorneInstalmentFeeComesOffTheMerchantsNet() {
        CardSale sale = Sales.halfPrice(Optional.of(Tenor.TWELVE), FeeBearer.MERCHANT);
        InstalmentPlan plan = sale.instalmentPlan().orElseThrow();
        assertEquals(cny("100.00"), plan.principal());
        assertEquals(cny("7.20"), sale.merchantInstalmentFee());
        assertEquals(cny("152.20"), sale.merchantNet());
        assertThrows(InvalidInput.class, () -> CardSale.price(cny("100.00"), Optional.empty(), Sales.RULE, false,
                Optional.empty(), Optional.of(Tenor.THREE), FIRST_DUE));
    }

    @Test
    void aPartialRefundReversesEachPartInProportion() {
        CardSale sale = Sales.halfPrice(Optional.empty(), FeeBearer.CARDHOLDER);
        Refund refund = Remainder.of(sale).refund(cny("25.00"), FIRST_DUE);
        assertEquals(Map.of(Funder.MERCHANT, cny("10.00"), Funder.BANK, cny("15.00")), refund.discountReversed());
        assertEquals(cny("0.15"), refund.feeReversedTotal());
        assertEquals(cny("50.00"), refund.grossReversed());
        // 25.00 back to the card, 15.00 of the bank's subsidy repaid, 0.15 of the fee returned
        assertEquals(cny("39.85"), refund.merchantNetReversed());
        Remainder left = refund.after();
        assertEquals(cny("75.00"), left.cardholderAmount());
        assertEquals(cny("45.00"), left.discounts().get(Funder.BANK));
    }

    @Test
    void partialRefundsEndExactlyWhereAFullRefundWould() {
        CardSale sale = Sales.halfPrice(Optional.empty(), FeeBearer.CARDHOLDER);
        Remainder r = Remainder.of(sale);
        Refund a = r.refund(cny("33.33"), FIRST_DUE);
        Refund b = a.after().refund(cny("33.33"), FIRST_DUE);
        Refund c = b.after().refund(cny("33.34"), FIRST_DUE);
        assertTrue(c.after().fullyRefunded());
        assertEquals(cny("60.00"), a.discountReversedOf(Funder.BANK).plus(b.discountReversedOf(Funder.BANK))
                .plus(c.discountReversedOf(Funder.BANK)));
        assertEquals(cny("0.60"), a.feeReversedTotal().plus(b.feeReversedTotal()).plus(c.feeReversedTotal()));
        assertEquals(sale.merchantNet(), a.merchantNetReversed().plus(b.merchantNetReversed()).plus(c.merchantNetReversed()));
        assertTrue(c.after().discounts().values().stream().allMatch(m -> m.amount().signum() == 0));
        assertTrue(c.after().fees().values().stream().allMatch(m -> m.amount().signum() == 0));
    }

    @Test
    void aRefundBeyondTheRemainderIsAConflictAndChangesNothing() {
        Remainder r = Remainder.of(Sales.plain(cny("100.00")));
        Refund first = r.refund(cny("60.00"), FIRST_DUE);
        StateConflict c = assertThrows(StateConflict.class, () -> first.after().refund(cny("40.01"), FIRST_DUE));
        assertEquals(Remainder.EXCEEDS, c.code());
        assertEquals(cny("40.00"), first.after().cardholderAmount());
        assertThrows(InvalidInput.class, () -> r.refund(cny("0.00"), FIRST_DUE));
    }

    @Test
    void aRefundOfAnInstalmentSaleRecomputesTheScheduleOnTheRemainingPrincipal() {
        CardSale sale = Sales.halfPrice(Optional.of(Tenor.TWELVE), FeeBearer.CARDHOLDER);
        Refund refund = Remainder.of(sale).refund(cny("40.00"), FIRST_DUE.minusDays(1));
        InstalmentPlan plan = refund.instalments().orElseThrow().plan();
        assertEquals(cny("60.00"), plan.principal());
        assertEquals(cny("4.32"), plan.fee());
        assertEquals(cny("64.32"), plan.cardholderTotal());
        assertEquals(cny("40.00"), refund.principalReduced());
        assertEquals(List.of(cny("5.36")), plan.instalments().stream().map(Instalment::amount).distinct().toList());
        Refund rest = refund.after().refund(cny("60.00"), FIRST_DUE.minusDays(1));
        assertEquals(InstalmentPlan.Status.CANCELLED, rest.instalments().orElseThrow().plan().status());
    }

    @Test
    void aRefundGivesBackThePartOfTheMerchantsInstalmentFee() {
        CardSale sale = Sales.halfPrice(Optional.of(Tenor.TWELVE), FeeBearer.MERCHANT);
        Refund refund = Remainder.of(sale).refund(cny("50.00"), FIRST_DUE.minusDays(1));
        assertEquals(cny("3.60"), refund.merchantInstalmentFeeReversed());
        Refund rest = refund.after().refund(cny("50.00"), FIRST_DUE.minusDays(1));
        assertEquals(sale.merchantNet(), refund.merchantNetReversed().plus(rest.merchantNetReversed()));
    }
}
