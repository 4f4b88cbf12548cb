package io.bankcrm.merchant.domain.settlement;

import io.bankcrm.merchant.domain.fee.FeeParty;
import io.bankcrm.merchant.domain.instalment.FeeBearer;
import io.bankcrm.merchant.domain.instalment.Tenor;
import io.bankcrm.merchant.domain.offer.Funder;
import io.bankcrm.merchant.domain.referral.Referral;
import io.bankcrm.merchant.domain.referral.ReferralProgramme;
import io.bankcrm.merchant.domain.transaction.CardSale;
import io.bankcrm.merchant.domain.transaction.Refund;
import io.bankcrm.merchant.domain.transaction.Remainder;
import io.bankcrm.merchant.domain.transaction.Sales;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.bankcrm.merchant.domain.Fixtures.MERCHANT;
import static io.bankcrm.merchant.domain.Fixtures.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Domain, no container: a merchant-day's statement, figure by figure, reconciling with its lines. */
class SettlementStatementTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 13);
    static final Currency CNY = Currency.getInstance("CNY");

    @Test
    void aDaysStatementAddsUpEveryFigureAndReconciles() {
        CardSale half = Sales.halfPrice(Optional.empty(), FeeBearer.CARDHOLDER);
        CardSale instalments = Sales.halfPrice(Optional.of(Tenor.TWELVE), FeeBearer.MERCHANT);
        CardSale plain = Sales.plain(cny("88.88"));
        Refund refund = Remainder.of(half).refund(cny("25.00"), DAY);
        ReferralProgramme programme = new ReferralProgramme(UUID.randomUUID(), MERCHANT, "MJ2026", cny("100.00"), 30, 70,
                60, 90, LocalDate.of(2026, 6, 1), null);
        Referral converted = Referral.signUp(UUID.randomUUID(), programme, UUID.randomUUID(), Instant.parse("2026-06-01T00:00:00Z"))
                .cardActivated(Instant.parse("2026-06-02T00:00:00Z"))
                .firstPurchase(Instant.parse("2026-06-13T00:00:00Z"), programme);
        Referral clawed = converted.cardClosed(Instant.parse("2026-06-13T05:00:00Z"));

        List<StatementLine> lines = List.of(StatementLine.sale(UUID.randomUUID(), half),
                StatementLine.sale(UUID.randomUUID(), instalments), StatementLine.sale(UUID.randomUUID(), plain),
                StatementLine.refund(UUID.randomUUID(), refund), StatementLine.commission(converted),
                StatementLine.clawback(clawed));
        SettlementStatement s = SettlementStatement.of(MERCHANT, DAY, CNY, lines);

        assertEquals(cny("488.88"), s.grossSales());
        assertEquals(cny("50.00"), s.grossRefunded());
        assertEquals(cny("70.00"), s.discounts().get(Funder.MERCHANT), "40 + 40 - 10");
        assertEquals(cny("105.00"), s.discounts().get(Funder.BANK), "60 + 60 - 15");
        assertEquals(cny("0.00"), s.discounts().get(Funder.NETWORK));
        assertEquals(cny("25.00"), s.cardholderRefunds());
        // fees: 0.60 + 0.60 + 88.88 x 0.6% = 0.53 ; less 0.15 reversed
        assertEquals(cny("1.58"), s.feesTotal());
        assertEquals(cny("1.10"), s.fees().get(FeeParty.ISSUER), "0.42 + 0.42 + 0.37 - 0.11");
        assertEquals(cny("100.00"), s.instalmentPrincipal());
        assertEquals(cny("7.20"), s.merchantInstalmentFees());
        assertEquals(cny("70.00"), s.referralCommissions());
        assertEquals(cny("70.00"), s.referralClawbacks());
        // independently: each sale's net, less the refund's, plus the commission, less the clawback
        assertEquals(half.merchantNet().plus(instalments.merchantNet()).plus(plain.merchantNet())
                .minus(refund.merchantNetReversed()), s.netPayable());
        assertEquals(cny("159.40").plus(cny("152.20")).plus(cny("88.35")).minus(cny("39.85")), s.netPayable());
        assertEquals(cny("105.00"), s.subsidiesReimbursed());
    }

    @Test
    void anEmptyDayIsAllZero() {
        SettlementStatement s = SettlementStatement.of(MERCHANT, DAY, CNY, List.of());
        assertEquals(cny("0.00"), s.netPayable());
    }

    @Test
    void linesInAnotherCurrencyAreRefused() {
        CardSale usd = Sales.plain(io.bankcrm.platform.money.Money.of("10.00", "USD"));
        assertThrows(IllegalArgumentException.class, () -> SettlementStatement.of(MERCHANT, DAY, CNY,
                List.of(StatementLine.sale(UUID.randomUUID(), usd))));
    }

    @Test
    void theCutOffDecidesTheSettlementDay() {
        SettlementDay elevenPm = new SettlementDay(ZoneId.of("Asia/Shanghai"), LocalTime.of(23, 0));
        assertEquals(DAY, elevenPm.of(Instant.parse("2026-06-13T14:59:59Z")), "22:59:59 in Shanghai");
        assertEquals(DAY.plusDays(1), elevenPm.of(Instant.parse("2026-06-13T15:00:00Z")), "23:00 belongs to the next day");
        assertEquals(Instant.parse("2026-06-12T15:00:00Z"), elevenPm.start(DAY));
        assertEquals(Instant.parse("2026-06-13T15:00:00Z"), elevenPm.end(DAY));
        SettlementDay midnight = new SettlementDay(ZoneId.of("Asia/Shanghai"), LocalTime.MIDNIGHT);
        assertEquals(DAY, midnight.of(Instant.parse("2026-06-13T15:59:59Z")));
        assertEquals(Instant.parse("2026-06-12T16:00:00Z"), midnight.start(DAY));
        assertEquals(Instant.parse("2026-06-13T16:00:00Z"), midnight.end(DAY));
    }
}
