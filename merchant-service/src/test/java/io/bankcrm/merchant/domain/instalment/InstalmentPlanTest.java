package io.bankcrm.merchant.domain.instalment;

import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.bankcrm.merchant.domain.Fixtures.MERCHANT;
import static io.bankcrm.merchant.domain.Fixtures.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: instalment schedules, their annualised rate, and recomputation after refunds. */
class InstalmentPlanTest {

    static final LocalDate FIRST_DUE = LocalDate.of(2026, 7, 25);

    static InstalmentProgramme programme(FeeBearer bearer) {
        return new InstalmentProgramme(UUID.randomUUID(), MERCHANT, Map.of(Tenor.THREE, new BigDecimal("0.0070"),
                Tenor.SIX, new BigDecimal("0.0065"), Tenor.TWELVE, new BigDecimal("0.0060"),
                Tenor.TWENTY_FOUR, new BigDecimal("0.0060")), bearer, cny("600.00"));
    }

    @Test
    void aTwelveMonthScheduleSumsExactlyAndShowsItsAnnualisedRate() {
        InstalmentPlan plan = programme(FeeBearer.CARDHOLDER).plan(cny("10000.00"), Tenor.TWELVE, FIRST_DUE);
        assertEquals(cny("720.00"), plan.fee(), "0.60% a month for 12 months");
        List<Instalment> i = plan.instalments();
        assertEquals(12, i.size());
        assertEquals(new Instalment(1, FIRST_DUE, cny("833.33"), cny("60.00"), cny("893.33")), i.get(0));
        assertEquals(new Instalment(12, LocalDate.of(2027, 6, 25), cny("833.37"), cny("60.00"), cny("893.37")), i.get(11));
        assertEquals(cny("10720.00"), plan.cardholderTotal());
        assertEquals(new BigDecimal("13.03"), plan.disclosedRate().nominal());
        assertEquals(new BigDecimal("13.84"), plan.disclosedRate().effective());
        assertEquals(new BigDecimal("0.0060"), plan.monthlyFeeRate());
    }

    @Test
    void theRoundingRemainderGoesToTheLastInstalment() {
        // 1000.00 / 3 = 333.33 x 2 + 333.34; fee 1000 x 0.7% x 3 = 21.00 = 7.00 x 3
        InstalmentPlan plan = programme(FeeBearer.CARDHOLDER).plan(cny("1000.00"), Tenor.THREE, FIRST_DUE);
        assertEquals(List.of(cny("340.33"), cny("340.33"), cny("340.34")),
                plan.instalments().stream().map(Instalment::amount).toList());
        // 777.77 x 0.65% x 6 = 30.33303 -> 30.33: fee parts 5.05 x 5 + 5.08
        InstalmentPlan six = programme(FeeBearer.CARDHOLDER).plan(cny("777.77"), Tenor.SIX, FIRST_DUE);
        assertEquals(cny("30.33"), six.fee());
        assertEquals(cny("5.08"), six.instalments().get(5).fee());
        assertEquals(cny("808.10"), six.cardholderTotal());
    }

    @Test
    void dueDatesKeepTheDayOfMonthWherePossible() {
        InstalmentPlan plan = programme(FeeBearer.CARDHOLDER).plan(cny("1000.00"), Tenor.THREE, LocalDate.of(2026, 12, 31));
        assertEquals(List.of(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28)),
                plan.instalments().stream().map(Instalment::dueOn).toList());
    }

    @Test
    void whenTheMerchantOrTheBankBearsTheFeeTheCardholderRepaysPrincipalOnly() {
        InstalmentPlan merchant = programme(FeeBearer.MERCHANT).plan(cny("1200.00"), Tenor.TWELVE, FIRST_DUE);
        assertEquals(cny("1200.00"), merchant.cardholderTotal());
        assertEquals(cny("86.40"), merchant.merchantFee());
        assertEquals(cny("0.00"), merchant.bankSubsidy());
        assertEquals(new BigDecimal("0.00"), merchant.disclosedRate().nominal());
        InstalmentPlan bank = programme(FeeBearer.BANK).plan(cny("1200.00"), Tenor.TWELVE, FIRST_DUE);
        assertEquals(cny("86.40"), bank.bankSubsidy());
        assertEquals(cny("0.00"), bank.merchantFee());
    }

    @Test
    void onlyOfferedTenorsAndAmountsFromTheMinimum() {
        InstalmentProgramme threeOnly = new InstalmentProgramme(UUID.randomUUID(), MERCHANT,
                Map.of(Tenor.THREE, new BigDecimal("0.007")), FeeBearer.CARDHOLDER, cny("600.00"));
        assertThrows(InvalidInput.class, () -> threeOnly.plan(cny("1000.00"), Tenor.SIX, FIRST_DUE));
        assertThrows(InvalidInput.class, () -> threeOnly.plan(cny("599.99"), Tenor.THREE, FIRST_DUE));
        assertThrows(InvalidInput.class, () -> new InstalmentProgramme(UUID.randomUUID(), MERCHANT,
                Map.of(Tenor.THREE, new BigDecimal("0.031")), FeeBearer.CARDHOLDER, cny("600.00")));
        assertEquals(Tenor.TWENTY_FOUR, Tenor.ofMonths(24).orElseThrow());
        assertEquals(java.util.Optional.empty(), Tenor.ofMonths(18));
    }

    @Test
    void aPartialRefundBeforeAnyInstalmentRespreadsTheRemainingPrincipal() {
        InstalmentPlan plan = programme(FeeBearer.CARDHOLDER).plan(cny("1200.00"), Tenor.TWELVE, FIRST_DUE);
        InstalmentPlan.Recomputation r = plan.recompute(cny("600.00"), FIRST_DUE.minusDays(1));
        assertEquals(cny("0.00"), r.credit());
        assertEquals(cny("43.20"), r.plan().fee());
        assertEquals(List.of(cny("53.60")), r.plan().instalments().stream().map(Instalment::amount).distinct().toList());
        assertEquals(cny("643.20"), r.plan().cardholderTotal());
        assertEquals(plan.disclosedRate(), r.plan().disclosedRate(), "the rate disclosed at the sale stays on the plan");
    }

    @Test
    void aRefundAfterSomeInstalmentsKeepsWhatWasBilledAndCreditsWhatIsTooMuch() {
        InstalmentPlan plan = programme(FeeBearer.CARDHOLDER).plan(cny("1200.00"), Tenor.THREE, FIRST_DUE);
        // billed: two instalments of 400.00 + 8.40 fee
        InstalmentPlan.Recomputation r = plan.recompute(cny("300.00"), FIRST_DUE.plusMonths(1));
        List<Instalment> i = r.plan().instalments();
        assertEquals(plan.instalments().subList(0, 2), i.subList(0, 2));
        assertEquals(new Instalment(3, FIRST_DUE.plusMonths(2), cny("0.00"), cny("0.00"), cny("0.00")), i.get(2));
        // new fee on 300.00 = 6.30; billed principal 800.00 and fee 16.80: credit 500.00 + 10.50
        assertEquals(cny("510.50"), r.credit());
        assertEquals(r.plan().principal().plus(r.plan().cardholderFee()), r.plan().cardholderTotal().minus(r.credit()));
    }

    @Test
    void refundingEverythingCancelsThePlanAndCreditsWhatWasBilled() {
        InstalmentPlan plan = programme(FeeBearer.CARDHOLDER).plan(cny("1200.00"), Tenor.THREE, FIRST_DUE);
        InstalmentPlan.Recomputation r = plan.recompute(cny("0.00"), FIRST_DUE);
        assertEquals(InstalmentPlan.Status.CANCELLED, r.plan().status());
        assertEquals(plan.instalments().get(0).amount(), r.credit());
        assertEquals(cny("0.00"), r.plan().instalments().get(2).amount());
        assertThrows(IllegalStateException.class, () -> r.plan().recompute(cny("0.00"), FIRST_DUE));
        assertThrows(IllegalArgumentException.class, () -> plan.recompute(cny("1200.01"), FIRST_DUE));
    }

    @Test
    void theAnnualisedRateIsTheScheduleInternalRateOfReturn() {
        AnnualisedRate r = AnnualisedRate.of(cny("12000.00"), java.util.Collections.nCopies(12, cny("1072.00")));
        assertEquals(new BigDecimal("13.03"), r.nominal());
        // the monthly rate discounts the payments back to the principal
        BigDecimal pv = BigDecimal.ZERO;
        BigDecimal factor = BigDecimal.ONE;
        for (int m = 1; m <= 12; m++) {
            factor = factor.multiply(BigDecimal.ONE.add(r.monthlyIrr()));
            pv = pv.add(new BigDecimal("1072.00").divide(factor, java.math.MathContext.DECIMAL64));
        }
        assertTrue(pv.subtract(new BigDecimal("12000")).abs().compareTo(new BigDecimal("0.0001")) < 0, pv.toString());
        assertEquals(AnnualisedRate.ZERO, AnnualisedRate.of(cny("300.00"), List.of(cny("100.00"), cny("100.00"), cny("100.00"))));
        assertThrows(IllegalArgumentException.class, () -> AnnualisedRate.of(cny("300.00"), List.of(cny("100.00"))));
        Money big = cny("100.00");
        assertEquals(new BigDecimal("1200.00"), AnnualisedRate.of(big, List.of(cny("200.00"))).nominal(), "100% a month");
    }
}
