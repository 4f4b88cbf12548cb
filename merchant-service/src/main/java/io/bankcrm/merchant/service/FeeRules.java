package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.fee.CardType;
import io.bankcrm.merchant.domain.fee.FeeSplitRule;
import io.bankcrm.merchant.domain.fee.FeeSplitRules;
import io.bankcrm.merchant.domain.merchant.MccGroup;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.money.Money;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The fee split rules in PostgreSQL: at most one in force per MCC group and card type on any day (new rules of a
 * group and card type are added one at a time under an advisory lock, so two overlapping ones cannot both pass).
 */
@ApplicationScoped
@Transactional
public class FeeRules {

    public static final String CNY = "CNY";

    private final EntityManager em;
    private final Caller caller;
    private final BankClock clock;

    public FeeRules(EntityManager em, Caller caller, BankClock clock) {
        this.em = em;
        this.caller = caller;
        this.clock = clock;
    }

    /** Adds a rule; 409 {@value FeeSplitRules#OVERLAP} when it shares a day with one of its group and card type. */
    public FeeSplitRule create(FeeRuleForm form) {
        FeeSplitRule rule = new FeeSplitRule(UUID.randomUUID(), form.mccGroup(), form.cardType(), form.effectiveFrom(),
                form.effectiveTo(), form.merchantDiscountRate(), form.issuerShare(), form.acquirerShare(),
                form.networkShare(), form.capPerTransaction() == null ? null
                        : new Money(form.capPerTransaction(), java.util.Currency.getInstance(CNY)),
                form.onUsViaNetwork());
        lock(rule.group(), rule.cardType());
        FeeSplitRules.of(of(rule.group(), rule.cardType())).with(rule);
        em.createNativeQuery("""
                        insert into fee_split_rule (id, mcc_group, card_type, effective_from, effective_to,
                            merchant_discount_rate, issuer_share, acquirer_share, network_share, cap_per_transaction,
                            currency, on_us_via_network, created_at, created_by)
                        values (?1, ?2, ?3, ?4, cast(?5 as date), ?6, ?7, ?8, ?9, cast(?10 as numeric), ?11, ?12, ?13,
                            ?14)""")
                .setParameter(1, rule.id()).setParameter(2, rule.group().name())
                .setParameter(3, rule.cardType().name()).setParameter(4, rule.effectiveFrom())
                .setParameter(5, rule.effectiveTo()).setParameter(6, rule.merchantDiscountRate())
                .setParameter(7, rule.issuerShare()).setParameter(8, rule.acquirerShare())
                .setParameter(9, rule.networkShare())
                .setParameter(10, rule.capPerTransaction() == null ? null : rule.capPerTransaction().amount())
                .setParameter(11, CNY).setParameter(12, rule.onUsViaNetwork())
                .setParameter(13, clock.now()).setParameter(14, caller.name())
                .executeUpdate();
        return rule;
    }

    /** Ends an open rule on {@code lastDay} (so a successor can start the day after). */
    public FeeSplitRule end(UUID id, LocalDate lastDay) {
        FeeSplitRule rule = get(id);
        if (lastDay == null || lastDay.isBefore(rule.effectiveFrom())) {
            throw new InvalidInput("effectiveTo", "the last day in force is on or after " + rule.effectiveFrom());
        }
        if (rule.effectiveTo() != null && !lastDay.isBefore(rule.effectiveTo())) {
            throw new InvalidInput("effectiveTo", "a rule can only end earlier than " + rule.effectiveTo());
        }
        em.createNativeQuery("update fee_split_rule set effective_to = ?2, ended_at = ?3, ended_by = ?4 where id = ?1")
                .setParameter(1, id).setParameter(2, lastDay).setParameter(3, clock.now())
                .setParameter(4, caller.name()).executeUpdate();
        return get(id);
    }

    public FeeSplitRule get(UUID id) {
        return SqlRow.first(em.createNativeQuery("select * from fee_split_rule where id = ?1", Tuple.class)
                .setParameter(1, id)).map(FeeRules::rule)
                .orElseThrow(() -> ProblemException.notFound("fee split rule", id));
    }

    /** The rule in force for the group and card type on {@code day}; 409 when none is. */
    public FeeSplitRule require(MccGroup group, CardType cardType, LocalDate day) {
        return FeeSplitRules.of(SqlRow.list(em.createNativeQuery("""
                        select * from fee_split_rule where mcc_group = ?1 and card_type = ?2 and effective_from <= ?3
                          and (effective_to is null or effective_to >= ?3)""", Tuple.class)
                        .setParameter(1, group.name()).setParameter(2, cardType.name()).setParameter(3, day))
                .stream().map(FeeRules::rule).toList()).require(group, cardType, day);
    }

    public Page<FeeSplitRule> page(MccGroup group, PageRequest page) {
        var query = em.createNativeQuery("""
                        select * from fee_split_rule
                        where (cast(?1 as varchar) is null or mcc_group = ?1) and (cast(?2 as uuid) is null or id > ?2)
                        order by id limit ?3""", Tuple.class)
                .setParameter(1, group == null ? null : group.name())
                .setParameter(2, page.first() ? null : page.afterUuid(0))
                .setParameter(3, page.limit() + 1);
        return Page.fromOverfetch(SqlRow.list(query), page.limit(), FeeRules::rule,
                row -> PageRequest.cursorAfter(row.uuid("id").toString()));
    }

    private List<FeeSplitRule> of(MccGroup group, CardType cardType) {
        return SqlRow.list(em.createNativeQuery(
                        "select * from fee_split_rule where mcc_group = ?1 and card_type = ?2", Tuple.class)
                .setParameter(1, group.name()).setParameter(2, cardType.name())).stream().map(FeeRules::rule).toList();
    }

    private void lock(MccGroup group, CardType cardType) {
        em.createNativeQuery("select cast(pg_advisory_xact_lock(hashtextextended(?1, 0)) as text)")
                .setParameter(1, "fee-split-rule/" + group + "/" + cardType).getSingleResult();
    }

    static FeeSplitRule rule(SqlRow r) {
        return new FeeSplitRule(r.uuid("id"), r.enumValue("mcc_group", MccGroup.class),
                r.enumValue("card_type", CardType.class), r.localDate("effective_from"), r.localDate("effective_to"),
                r.decimal("merchant_discount_rate").stripTrailingZeros(), r.intValue("issuer_share"),
                r.intValue("acquirer_share"), r.intValue("network_share"),
                r.isNull("cap_per_transaction") ? null : new Money(r.decimal("cap_per_transaction"),
                        java.util.Currency.getInstance(r.text("currency"))),
                r.bool("on_us_via_network"));
    }
}
