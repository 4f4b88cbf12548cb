package io.bankcrm.merchant.domain;

import io.bankcrm.merchant.domain.fee.CardType;
import io.bankcrm.merchant.domain.fee.FeeSplit;
import io.bankcrm.merchant.domain.fee.FeeSplitRule;
import io.bankcrm.merchant.domain.instalment.FeeBearer;
import io.bankcrm.merchant.domain.instalment.Instalment;
import io.bankcrm.merchant.domain.instalment.InstalmentPlan;
import io.bankcrm.merchant.domain.instalment.InstalmentProgramme;
import io.bankcrm.merchant.domain.instalment.Tenor;
import io.bankcrm.merchant.domain.merchant.MccGroup;
import io.bankcrm.merchant.domain.offer.ExhaustionPolicy;
import io.bankcrm.merchant.domain.offer.Funder;
import io.bankcrm.merchant.domain.offer.Offer;
import io.bankcrm.merchant.domain.offer.OfferConditions;
import io.bankcrm.merchant.domain.offer.OfferQuote;
import io.bankcrm.merchant.domain.offer.OfferStatus;
import io.bankcrm.merchant.domain.offer.OfferType;
import io.bankcrm.merchant.domain.referral.ReferralProgramme;
import io.bankcrm.merchant.domain.settlement.SettlementStatement;
import io.bankcrm.merchant.domain.settlement.StatementLine;
import io.bankcrm.merchant.domain.transaction.CardSale;
import io.bankcrm.merchant.domain.transaction.Refund;
import io.bankcrm.merchant.domain.transaction.Remainder;
import io.bankcrm.platform.money.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Domain, no container, property-based: every split, co-funding, refund and schedule sums to its whole, for random
 * amounts and shares.
 */
class WholesPropertyTest {

    static final Currency CNY = Currency.getInstance("CNY");
    static final LocalDate DAY = LocalDate.of(2026, 6, 13);
    static final UUID MERCHANT = Fixtures.MERCHANT;

    @Property
    void aFeeSplitSumsToTheFee(@ForAll("amounts") Money amount, @ForAll("rates") BigDecimal rate,
                               @ForAll @IntRange(max = 20) int issuer, @ForAll @IntRange(max = 20) int acquirer,
                               @ForAll @IntRange(max = 20) int network, @ForAll boolean onUs,
                               @ForAll boolean viaNetwork) {
        if (issuer + acquirer == 0) {
            issuer = 1;
        }
        FeeSplitRule rule = new FeeSplitRule(UUID.randomUUID(), MccGroup.GENERAL, CardType.CREDIT, DAY, null, rate,
                issuer, acquirer, network, null, viaNetwork);
        FeeSplit split = rule.split(amount, onUs);
        assertEquals(amount.times(rate), split.fee());
        assertEquals(split.fee(), split.issuer().plus(split.acquirer()).plus(split.network()));
        assertFalse(split.issuer().isNegative() || split.acquirer().isNegative() || split.network().isNegative());
        if (onUs && !viaNetwork) {
            assertEquals(Money.zero(CNY), split.network());
            assertEquals(split.fee(), split.bankShare());
        }
    }

    @Property
    void coFundingSumsToTheDiscountAndTheDiscountToTheAmount(@ForAll("amounts") Money amount,
                                                           @ForAll("shares") Map<Funder, BigDecimal> shares,
                                                           @ForAll("exhausted") Set<Funder> exhausted) {
        Offer offer = new Offer(UUID.randomUUID(), MERCHANT, "random", OfferType.CO_FUNDED, shares, null, conditions(),
                1, ExhaustionPolicy.CONTINUE_WITH_REMAINING_FUNDERS, OfferStatus.LIVE);
        Optional<OfferQuote> quote = offer.quote(amount, exhausted);
        BigDecimal active = shares.entrySet().stream().filter(e -> !exhausted.contains(e.getKey()))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        Money expected = (amount.times(active)).min(amount.minus(Money.minorUnit(CNY)));
        if (expected.amount().signum() <= 0) {
            assertTrue(quote.isEmpty());
            return;
        }
        OfferQuote q = quote.orElseThrow();
        assertEquals(expected, q.discount());
        assertEquals(q.discount(), Money.sum(CNY, q.byFunder().values()));
        assertEquals(amount, q.cardholderPays().plus(q.discount()));
        assertTrue(q.byFunder().keySet().stream().noneMatch(exhausted::contains));
        for (Map.Entry<Funder, Money> part : q.byFunder().entrySet()) {
            // largest remainder: each part is within a fen of its exact proportion
            BigDecimal exact = q.discount().amount().multiply(shares.get(part.getKey()))
                    .divide(active, 10, java.math.RoundingMode.HALF_EVEN);
            assertTrue(part.getValue().amount().subtract(exact).abs().compareTo(new BigDecimal("0.01")) < 0);
        }
    }

    @Property(tries = 300)
    void aScheduleSumsToPrincipalPlusFeeAndStaysWholeWhenRecomputed(@ForAll("amounts") Money principal,
            @ForAll Tenor tenor, @ForAll("monthlyRates") BigDecimal rate, @ForAll FeeBearer bearer,
            @ForAll @IntRange(max = 100) int keptPercent, @ForAll @IntRange(min = -1, max = 25) int monthsBilled) {
        InstalmentProgramme programme = new InstalmentProgramme(UUID.randomUUID(), MERCHANT, Map.of(tenor, rate), bearer,
                Money.of("0.01", "CNY"));
        InstalmentPlan plan = programme.plan(principal, tenor, DAY);
        assertEquals(principal.plus(plan.cardholderFee()), plan.cardholderTotal());
        List<Instalment> i = plan.instalments();
        assertEquals(1, i.subList(0, i.size() - 1).stream().map(Instalment::amount).distinct().count() <= 1 ? 1 : 0);
        assertTrue(i.get(i.size() - 1).amount().compareTo(i.get(0).amount()) >= 0, "the remainder goes last");
        Money kept = principal.allocate(keptPercent, 100 - keptPercent).get(0);
        InstalmentPlan.Recomputation r = plan.recompute(kept, DAY.plusMonths(monthsBilled));
        assertEquals(kept.plus(r.plan().cardholderFee()), r.plan().cardholderTotal().minus(r.credit()));
        assertFalse(r.credit().isNegative());
        assertTrue(r.plan().instalments().stream().noneMatch(x -> x.amount().isNegative()));
    }

    @Property(tries = 500)
    void refundsReverseEveryPartAndNeverMoreThanTheWhole(@ForAll("amounts") Money amount,
                                                        @ForAll("shares") Map<Funder, BigDecimal> shares,
                                                        @ForAll("rates") BigDecimal feeRate,
                                                        @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 99) Integer> percents,
                                                        @ForAll boolean instalments) {
        CardSale sale = sale(amount, shares, feeRate, instalments);
        Remainder left = Remainder.of(sale);
        List<Refund> refunds = new ArrayList<>();
        for (int p : percents) {
            if (left.fullyRefunded()) {
                break;
            }
            Money part = left.cardholderAmount().allocate(p, 100 - p).get(0);
            if (part.amount().signum() == 0) {
                continue;
            }
            Refund refund = left.refund(part, DAY);
            refunds.add(refund);
            left = refund.after();
            assertTrue(left.discounts().values().stream().noneMatch(Money::isNegative));
            assertTrue(left.fees().values().stream().noneMatch(Money::isNegative));
        }
        if (!left.fullyRefunded()) {
            Refund last = left.refund(left.cardholderAmount(), DAY);
            refunds.add(last);
            left = last.after();
        }
        Money zero = Money.zero(CNY);
        Money refunded = zero;
        Money net = zero;
        Map<Funder, Money> discounts = new EnumMap<>(Funder.class);
        Money fees = zero;
        for (Refund r : refunds) {
            refunded = refunded.plus(r.amount());
            net = net.plus(r.merchantNetReversed());
            fees = fees.plus(r.feeReversedTotal());
            r.discountReversed().forEach((f, m) -> discounts.merge(f, m, Money::plus));
        }
        assertEquals(sale.cardholderPays(), refunded);
        assertEquals(sale.merchantNet(), net, "everything the merchant was owed is given back");
        assertEquals(sale.fee().fee(), fees);
        for (Funder f : Funder.values()) {
            assertEquals(sale.discountOf(f), discounts.getOrDefault(f, zero), f + " gets its whole part back");
        }
        List<StatementLine> lines = new ArrayList<>();
        lines.add(StatementLine.sale(UUID.randomUUID(), sale));
        refunds.forEach(r -> lines.add(StatementLine.refund(UUID.randomUUID(), r)));
        SettlementStatement statement = SettlementStatement.of(MERCHANT, DAY, CNY, lines);
        assertEquals(zero, statement.netPayable(), "a sale refunded in full nets to nothing");
        assertEquals(zero, statement.feesTotal());
        assertEquals(statement.grossSales(), statement.grossRefunded());
    }

    @Property(tries = 300)
    void aStatementIsTheSumOfItsSalesAndRefunds(@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 5_000_000) Integer> fen,
                                               @ForAll("shares") Map<Funder, BigDecimal> shares,
                                               @ForAll("rates") BigDecimal feeRate,
                                               @ForAll @IntRange(max = 100) int refundPercent) {
        List<StatementLine> lines = new ArrayList<>();
        Money expected = Money.zero(CNY);
        Money gross = Money.zero(CNY);
        for (int f : fen) {
            CardSale sale = sale(Money.of(BigDecimal.valueOf(f, 2).toPlainString(), "CNY"), shares, feeRate, f % 2 == 0);
            lines.add(StatementLine.sale(UUID.randomUUID(), sale));
            expected = expected.plus(sale.merchantNet());
            gross = gross.plus(sale.amount());
            Money part = sale.cardholderPays().allocate(refundPercent, 100 - refundPercent).get(0);
            if (part.amount().signum() > 0) {
                Refund refund = Remainder.of(sale).refund(part, DAY);
                lines.add(StatementLine.refund(UUID.randomUUID(), refund));
                expected = expected.minus(refund.merchantNetReversed());
            }
        }
        SettlementStatement s = SettlementStatement.of(MERCHANT, DAY, CNY, lines);
        assertEquals(expected, s.netPayable());
        assertEquals(gross, s.grossSales());
    }

    @Property
    void aReferralCommissionSplitsExactly(@ForAll("amounts") Money reward, @ForAll @IntRange(max = 100) int bank) {
        ReferralProgramme p = new ReferralProgramme(UUID.randomUUID(), MERCHANT, "CODE2026", reward, bank, 100 - bank,
                60, 90, DAY, null);
        assertEquals(reward, p.commission().bank().plus(p.commission().merchant()));
    }

    /**
     * The split a converting referral freezes: bank + merchant = the reward exactly, and each part within one fen of
     * its exact share (largest remainder to the fen).
     */
    @Property
    void aConvertedReferralFreezesAnExactSplitToTheFen(@ForAll("amounts") Money reward,
                                                       @ForAll @IntRange(max = 100) int bank) {
        ReferralProgramme p = new ReferralProgramme(UUID.randomUUID(), MERCHANT, "CODE2026", reward, bank, 100 - bank,
                60, 90, DAY, null);
        java.time.Instant signedUp = DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        io.bankcrm.merchant.domain.referral.Referral converted = io.bankcrm.merchant.domain.referral.Referral
                .signUp(UUID.randomUUID(), p, UUID.randomUUID(), signedUp)
                .cardActivated(signedUp.plusSeconds(3600)).firstPurchase(signedUp.plusSeconds(7200), p);
        var c = converted.commission();
        assertEquals(reward, c.bank().plus(c.merchant()));
        BigDecimal exactBank = reward.amount().multiply(BigDecimal.valueOf(bank)).divide(BigDecimal.valueOf(100));
        org.junit.jupiter.api.Assertions.assertTrue(
                exactBank.subtract(c.bank().amount()).abs().compareTo(new BigDecimal("0.01")) < 0,
                "bank part " + c.bank() + " within a fen of " + exactBank);
        assertEquals(bank, c.bankShare());
    }

    private static CardSale sale(Money amount, Map<Funder, BigDecimal> shares, BigDecimal feeRate, boolean instalments) {
        Offer offer = new Offer(UUID.randomUUID(), MERCHANT, "random", OfferType.CO_FUNDED, shares, null, conditions(), 1,
                ExhaustionPolicy.STOP_OFFER, OfferStatus.LIVE);
        Optional<OfferQuote> quote = offer.quote(amount, Set.of());
        FeeSplitRule rule = new FeeSplitRule(UUID.randomUUID(), MccGroup.GENERAL, CardType.CREDIT, DAY, null, feeRate,
                7, 2, 1, null, true);
        Money charged = quote.map(OfferQuote::cardholderPays).orElse(amount);
        boolean plan = instalments && charged.amount().signum() > 0;
        InstalmentProgramme programme = new InstalmentProgramme(UUID.randomUUID(), MERCHANT,
                Map.of(Tenor.TWELVE, new BigDecimal("0.006")), FeeBearer.MERCHANT, Money.of("0.01", "CNY"));
        return CardSale.price(amount, quote, rule, true, Optional.of(programme),
                plan ? Optional.of(Tenor.TWELVE) : Optional.empty(), DAY.plusMonths(1));
    }

    private static OfferConditions conditions() {
        return new OfferConditions(DAY, DAY.plusMonths(3), Set.of(), null, null, Set.of(), true, null, null);
    }

    @Provide
    Arbitrary<Money> amounts() {
        return Arbitraries.longs().between(1, 10_000_000_00L)
                .edgeCases(c -> c.add(1L, 3L, 99L, 100L, 33_333L))
                .map(f -> new Money(BigDecimal.valueOf(f, 2), CNY));
    }

    @Provide
    Arbitrary<BigDecimal> rates() {
        return Arbitraries.integers().between(0, 500).map(bp -> BigDecimal.valueOf(bp, 4));
    }

    @Provide
    Arbitrary<BigDecimal> monthlyRates() {
        return Arbitraries.integers().between(0, 300).map(bp -> BigDecimal.valueOf(bp, 4));
    }

    /** Merchant and bank shares, and sometimes the network's, each 0.0001 to 0.3333: together below 1. */
    @Provide
    Arbitrary<Map<Funder, BigDecimal>> shares() {
        Arbitrary<BigDecimal> share = Arbitraries.integers().between(1, 3333).map(x -> BigDecimal.valueOf(x, 4));
        return net.jqwik.api.Combinators.combine(share, share, share.injectNull(0.5)).as((m, b, n) -> {
            Map<Funder, BigDecimal> map = new EnumMap<>(Funder.class);
            map.put(Funder.MERCHANT, m);
            map.put(Funder.BANK, b);
            if (n != null) {
                map.put(Funder.NETWORK, n);
            }
            return map;
        });
    }

    @Provide
    Arbitrary<Set<Funder>> exhausted() {
        return Arbitraries.of(Funder.class).set().ofMaxSize(2);
    }
}
