package io.bankcrm.merchant.service;

import io.bankcrm.merchant.config.MerchantConfig;
import io.bankcrm.merchant.domain.fee.FeeParty;
import io.bankcrm.merchant.domain.offer.Funder;
import io.bankcrm.merchant.domain.settlement.SettlementDay;
import io.bankcrm.merchant.domain.settlement.SettlementStatement;
import io.bankcrm.merchant.domain.settlement.StatementLine;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.jobs.Jobs;
import io.bankcrm.platform.money.Money;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.time.BankClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Daily settlement statements: a day is closed at its cut-off (+ {@code merchant.settlement.grace}); one
 * {@value SettlementJob#KIND} job per day (submitted once, {@code settlement_run}) builds each merchant's
 * {@link SettlementStatement} from the stored sale and refund rows of that settlement day and stores it with its
 * lines in one transaction per merchant. A stored statement never changes: a transaction's settlement day was
 * fixed when it was accepted, so nothing joins a closed day.
 */
@ApplicationScoped
@Transactional
public class Settlements {

    private final EntityManager em;
    private final Jobs jobs;
    private final BankClock clock;
    private final MerchantConfig config;
    private final SettlementTotals totals;
    private final Referrals referrals;

    public Settlements(EntityManager em, Jobs jobs, BankClock clock, MerchantConfig config, SettlementTotals totals,
                       Referrals referrals) {
        this.totals = totals;
        this.referrals = referrals;
        this.em = em;
        this.jobs = jobs;
        this.clock = clock;
        this.config = config;
    }

    public SettlementDay settlementDay() {
        return new SettlementDay(clock.zone(), LocalTime.parse(config.settlement().cutoff()));
    }

    /** True once {@code day}'s cut-off and the grace after it have passed. */
    public boolean closed(LocalDate day) {
        return !clock.now().isBefore(settlementDay().end(day).plus(config.settlement().grace()));
    }

    /** The last settlement day that is closed. */
    public LocalDate lastClosedDay() {
        return settlementDay().of(clock.now().minus(config.settlement().grace())).minusDays(1);
    }

    /**
     * Submits {@code day}'s settlement job unless it was submitted before (by any instance); empty when it was.
     * The day must be closed.
     */
    public Optional<UUID> submit(LocalDate day, String by) {
        if (!closed(day)) {
            throw new IllegalArgumentException("settlement day " + day + " is not closed before "
                    + settlementDay().end(day).plus(config.settlement().grace()));
        }
        UUID job = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                        insert into settlement_run (day, job_id, submitted_at, submitted_by) values (?1, ?2, ?3, ?4)
                        on conflict (day) do nothing""")
                .setParameter(1, day).setParameter(2, job).setParameter(3, clock.now()).setParameter(4, by)
                .executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        UUID id = jobs.submit(SettlementJob.KIND, new SettlementJob.Parameters(day), by);
        em.createNativeQuery("update settlement_run set job_id = ?2 where day = ?1").setParameter(1, day)
                .setParameter(2, id).executeUpdate();
        return Optional.of(id);
    }

    /** The merchants with a sale or a refund on {@code day} after {@code after} (id order), at most {@code limit}. */
    public List<UUID> merchantsWithLines(LocalDate day, UUID after, int limit) {
        return SqlRow.list(em.createNativeQuery("""
                        select merchant_id from (
                            select merchant_id from card_transaction where settlement_day = ?1
                            union
                            select merchant_id from card_refund where settlement_day = ?1
                            union
                            select merchant_id from referral where commission_settlement_day = ?1
                            union
                            select merchant_id from referral where clawback_settlement_day = ?1) m
                        where merchant_id > ?2 order by merchant_id limit ?3""", Tuple.class)
                .setParameter(1, day).setParameter(2, after).setParameter(3, limit)).stream()
                .map(r -> r.uuid("merchant_id")).toList();
    }

    /**
     * Builds and stores one merchant's statement of {@code day} in the caller's (new) transaction; false when it was
     * stored already (a resumed job skips it).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean build(UUID merchantId, LocalDate day, UUID jobId) {
        em.createNativeQuery("select cast(pg_advisory_xact_lock(hashtextextended(?1, 0)) as text)")
                .setParameter(1, "settlement/" + merchantId + "/" + day).getSingleResult();
        long stored = ((Number) em.createNativeQuery(
                        "select count(*) from settlement_statement where merchant_id = ?1 and day = ?2")
                .setParameter(1, merchantId).setParameter(2, day).getSingleResult()).longValue();
        if (stored > 0) {
            return false;
        }
        List<Timed> lines = new ArrayList<>();
        SqlRow.list(em.createNativeQuery("""
                        select id, occurred_at, amount, discount_merchant, discount_bank, discount_network, fee_issuer,
                            fee_acquirer, fee_network, instalment_tenor, cardholder_pays, merchant_instalment_fee,
                            merchant_net
                        from card_transaction where merchant_id = ?1 and settlement_day = ?2""", Tuple.class)
                .setParameter(1, merchantId).setParameter(2, day)).forEach(r -> lines.add(new Timed(
                r.instant("occurred_at"), new StatementLine(StatementLine.Kind.SALE, r.uuid("id"), cny(r, "amount"),
                discounts(r, false), zero(), fees(r, false),
                r.isNull("instalment_tenor") ? zero() : cny(r, "cardholder_pays"), cny(r, "merchant_instalment_fee"),
                zero(), zero(), cny(r, "merchant_net")))));
        SqlRow.list(em.createNativeQuery("""
                        select id, refunded_at, amount, discount_merchant, discount_bank, discount_network, fee_issuer,
                            fee_acquirer, fee_network, principal_reduced, merchant_instalment_fee_reversed,
                            merchant_net_reversed
                        from card_refund where merchant_id = ?1 and settlement_day = ?2""", Tuple.class)
                .setParameter(1, merchantId).setParameter(2, day)).forEach(r -> {
            Map<Funder, Money> discounts = discounts(r, true);
            Money gross = Money.sum(Offers.CNY, discounts.values()).minus(cny(r, "amount"));
            lines.add(new Timed(r.instant("refunded_at"), new StatementLine(StatementLine.Kind.REFUND, r.uuid("id"),
                    gross, discounts, cny(r, "amount"), fees(r, true), cny(r, "principal_reduced").negate(),
                    cny(r, "merchant_instalment_fee_reversed").negate(), zero(), zero(),
                    cny(r, "merchant_net_reversed").negate())));
        });
        referrals.onStatement(merchantId, day, false).forEach(r ->
                lines.add(new Timed(r.convertedAt(), StatementLine.commission(r))));
        referrals.onStatement(merchantId, day, true).forEach(r ->
                lines.add(new Timed(r.endedAt(), StatementLine.clawback(r))));
        lines.sort(Comparator.comparing(Timed::at).thenComparing(t -> t.line().reference().toString()));
        SettlementStatement statement = SettlementStatement.of(merchantId, day, Offers.CNY,
                lines.stream().map(Timed::line).toList());
        Instant now = clock.now();
        em.createNativeQuery("""
                        insert into settlement_statement (merchant_id, day, currency, gross_sales, gross_refunded,
                            discount_merchant, discount_bank, discount_network, cardholder_refunds, fee_issuer,
                            fee_acquirer, fee_network, instalment_principal, merchant_instalment_fees,
                            referral_commissions, referral_clawbacks, net_payable, line_count, job_id, built_at)
                        values (?1, ?2, 'CNY', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                            ?19)""")
                .setParameter(1, merchantId).setParameter(2, day)
                .setParameter(3, statement.grossSales().amount()).setParameter(4, statement.grossRefunded().amount())
                .setParameter(5, statement.discounts().get(Funder.MERCHANT).amount())
                .setParameter(6, statement.discounts().get(Funder.BANK).amount())
                .setParameter(7, statement.discounts().get(Funder.NETWORK).amount())
                .setParameter(8, statement.cardholderRefunds().amount())
                .setParameter(9, statement.fees().get(FeeParty.ISSUER).amount())
                .setParameter(10, statement.fees().get(FeeParty.ACQUIRER).amount())
                .setParameter(11, statement.fees().get(FeeParty.NETWORK).amount())
                .setParameter(12, statement.instalmentPrincipal().amount())
                .setParameter(13, statement.merchantInstalmentFees().amount())
                .setParameter(14, statement.referralCommissions().amount())
                .setParameter(15, statement.referralClawbacks().amount())
                .setParameter(16, statement.netPayable().amount()).setParameter(17, lines.size())
                .setParameter(18, jobId).setParameter(19, now).executeUpdate();
        for (int i = 0; i < lines.size(); i++) {
            StatementLine l = lines.get(i).line();
            em.createNativeQuery("""
                            insert into settlement_line (merchant_id, day, seq, kind, reference, at, gross,
                                discount_merchant, discount_bank, discount_network, cardholder_refund, fee_issuer,
                                fee_acquirer, fee_network, instalment_principal, merchant_instalment_fee,
                                referral_commission, referral_clawback, net)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                                ?19)""")
                    .setParameter(1, merchantId).setParameter(2, day).setParameter(3, i + 1)
                    .setParameter(4, l.kind().name()).setParameter(5, l.reference()).setParameter(6, lines.get(i).at())
                    .setParameter(7, l.gross().amount())
                    .setParameter(8, l.discounts().get(Funder.MERCHANT).amount())
                    .setParameter(9, l.discounts().get(Funder.BANK).amount())
                    .setParameter(10, l.discounts().get(Funder.NETWORK).amount())
                    .setParameter(11, l.cardholderRefund().amount())
                    .setParameter(12, l.fees().get(FeeParty.ISSUER).amount())
                    .setParameter(13, l.fees().get(FeeParty.ACQUIRER).amount())
                    .setParameter(14, l.fees().get(FeeParty.NETWORK).amount())
                    .setParameter(15, l.instalmentPrincipal().amount())
                    .setParameter(16, l.merchantInstalmentFee().amount())
                    .setParameter(17, l.referralCommission().amount())
                    .setParameter(18, l.referralClawback().amount()).setParameter(19, l.net().amount())
                    .executeUpdate();
        }
        totals.stored(statement);
        return true;
    }

    /**
     * The stored statement of a merchant's day; 404 for an unknown merchant, and for a day whose statement is not
     * stored (the day is not closed, its job has not run yet, or the merchant had nothing that day).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SettlementStatementView statement(UUID merchantId, LocalDate day) {
        long merchant = ((Number) em.createNativeQuery("select count(*) from merchant where id = ?1")
                .setParameter(1, merchantId).getSingleResult()).longValue();
        if (merchant == 0) {
            throw ProblemException.notFound("merchant", merchantId);
        }
        SqlRow s = SqlRow.first(em.createNativeQuery(
                        "select * from settlement_statement where merchant_id = ?1 and day = ?2", Tuple.class)
                .setParameter(1, merchantId).setParameter(2, day)).orElseThrow(() -> notStored(merchantId, day));
        List<SettlementStatementView.Line> lines = SqlRow.list(em.createNativeQuery(
                        "select * from settlement_line where merchant_id = ?1 and day = ?2 order by seq", Tuple.class)
                .setParameter(1, merchantId).setParameter(2, day)).stream().map(l -> new SettlementStatementView.Line(
                l.intValue("seq"), l.enumValue("kind", StatementLine.Kind.class), l.uuid("reference"),
                l.instant("at"), l.decimal("gross"), parts(l), l.decimal("cardholder_refund"), feeParts(l),
                l.decimal("instalment_principal"), l.decimal("merchant_instalment_fee"),
                l.decimal("referral_commission"), l.decimal("referral_clawback"), l.decimal("net"))).toList();
        return new SettlementStatementView(merchantId, day, s.text("currency"), s.decimal("gross_sales"),
                s.decimal("gross_refunded"), parts(s), s.decimal("cardholder_refunds"), feeParts(s),
                s.decimal("instalment_principal"), s.decimal("merchant_instalment_fees"),
                s.decimal("referral_commissions"), s.decimal("referral_clawbacks"), s.decimal("net_payable"),
                s.intValue("line_count"), s.uuid("job_id"), s.instant("built_at"), lines);
    }

    private ProblemException notStored(UUID merchantId, LocalDate day) {
        String why;
        if (!closed(day)) {
            why = "settlement day " + day + " closes at " + settlementDay().end(day) + " (+ "
                    + config.settlement().grace() + ")";
        } else {
            boolean ran = ((Number) em.createNativeQuery("""
                            select count(*) from settlement_run r join job j on j.id = r.job_id
                            where r.day = ?1 and j.status = 'COMPLETED'""")
                    .setParameter(1, day).getSingleResult()).longValue() > 0;
            why = ran ? "merchant " + merchantId + " had no sales or refunds on " + day
                    : "the settlement job of " + day + " has not completed yet";
        }
        return new ProblemException("not-found", "Not found", 404, "no settlement statement of merchant " + merchantId
                + " for " + day + ": " + why, null, null);
    }

    private static SettlementStatementView.Parts parts(SqlRow r) {
        return new SettlementStatementView.Parts(r.decimal("discount_merchant"), r.decimal("discount_bank"),
                r.decimal("discount_network"));
    }

    private static SettlementStatementView.FeeParts feeParts(SqlRow r) {
        return new SettlementStatementView.FeeParts(r.decimal("fee_issuer"), r.decimal("fee_acquirer"),
                r.decimal("fee_network"));
    }

    private static Map<Funder, Money> discounts(SqlRow r, boolean negate) {
        Map<Funder, Money> parts = new EnumMap<>(Funder.class);
        for (Funder f : Funder.values()) {
            Money m = cny(r, "discount_" + f.name().toLowerCase());
            parts.put(f, negate ? m.negate() : m);
        }
        return parts;
    }

    private static Map<FeeParty, Money> fees(SqlRow r, boolean negate) {
        Map<FeeParty, Money> parts = new EnumMap<>(FeeParty.class);
        for (FeeParty p : FeeParty.values()) {
            Money m = cny(r, "fee_" + p.name().toLowerCase());
            parts.put(p, negate ? m.negate() : m);
        }
        return parts;
    }

    private static Money cny(SqlRow r, String column) {
        return new Money(r.decimal(column), Offers.CNY);
    }

    private static Money zero() {
        return Money.zero(Offers.CNY);
    }

    private record Timed(Instant at, StatementLine line) {
    }
}
