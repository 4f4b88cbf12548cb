package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.instalment.AnnualisedRate;
import io.bankcrm.merchant.domain.instalment.FeeBearer;
import io.bankcrm.merchant.domain.instalment.Instalment;
import io.bankcrm.merchant.domain.instalment.InstalmentPlan;
import io.bankcrm.merchant.domain.instalment.Tenor;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.money.Money;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.time.BankClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The cardholders' instalment plans in PostgreSQL: one row per instalment transaction with the terms it froze and
 * its disclosed rate, and its instalments. A refund replaces the schedule by the recomputed one (in the refund's
 * transaction, the sale row locked by it).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InstalmentPlans {

    private final EntityManager em;
    private final BankClock clock;

    public InstalmentPlans(EntityManager em, BankClock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** A plan as stored: the domain plan, the programme version it froze, what refunds credited. */
    public record StoredPlan(InstalmentPlan plan, long programmeVersion, Money credit) {
    }

    public void insert(UUID transactionId, UUID merchantId, UUID customerId, long programmeVersion,
                       InstalmentPlan plan) {
        AnnualisedRate rate = plan.disclosedRate();
        em.createNativeQuery("""
                        insert into instalment_plan (transaction_id, programme_id, programme_version, merchant_id,
                            customer_id, status, principal, currency, tenor_months, monthly_fee_rate, fee_bearer, fee,
                            monthly_irr, annualised_nominal, annualised_effective, created_at, updated_at)
                        values (?1, ?2, ?3, ?4, cast(?5 as uuid), ?6, ?7, 'CNY', ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                            ?15)""")
                .setParameter(1, transactionId).setParameter(2, plan.programmeId()).setParameter(3, programmeVersion)
                .setParameter(4, merchantId).setParameter(5, customerId).setParameter(6, plan.status().name())
                .setParameter(7, plan.principal().amount()).setParameter(8, plan.tenor().months())
                .setParameter(9, plan.monthlyFeeRate()).setParameter(10, plan.feeBearer().name())
                .setParameter(11, plan.fee().amount()).setParameter(12, rate.monthlyIrr())
                .setParameter(13, rate.nominal()).setParameter(14, rate.effective()).setParameter(15, clock.now())
                .executeUpdate();
        insertInstalments(transactionId, plan.instalments());
    }

    public Optional<StoredPlan> find(UUID transactionId) {
        Optional<SqlRow> row = SqlRow.first(em.createNativeQuery(
                "select * from instalment_plan where transaction_id = ?1", Tuple.class).setParameter(1, transactionId));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        SqlRow r = row.get();
        List<Instalment> instalments = SqlRow.list(em.createNativeQuery(
                        "select * from instalment where transaction_id = ?1 order by number", Tuple.class)
                .setParameter(1, transactionId)).stream().map(i -> new Instalment(i.intValue("number"),
                i.localDate("due_on"), cny(i.decimal("principal")), cny(i.decimal("fee")), cny(i.decimal("amount"))))
                .toList();
        InstalmentPlan plan = new InstalmentPlan(r.uuid("programme_id"),
                r.enumValue("status", InstalmentPlan.Status.class), cny(r.decimal("principal")),
                Tenor.ofMonths(r.intValue("tenor_months")).orElseThrow(), r.decimal("monthly_fee_rate"),
                r.enumValue("fee_bearer", FeeBearer.class), cny(r.decimal("fee")), instalments,
                new AnnualisedRate(r.decimal("monthly_irr"), r.decimal("annualised_nominal"),
                        r.decimal("annualised_effective")));
        return Optional.of(new StoredPlan(plan, r.longValue("programme_version"), cny(r.decimal("cardholder_credit"))));
    }

    public InstalmentPlanView view(UUID transactionId) {
        StoredPlan stored = find(transactionId).orElseThrow(() ->
                ProblemException.notFound("instalment plan of card transaction", transactionId));
        return InstalmentPlanView.of(transactionId, stored.programmeVersion(), stored.plan(), stored.credit().amount());
    }

    /** Replaces the plan by its recomputation after a refund; the credit adds to what earlier refunds credited. */
    public StoredPlan replace(UUID transactionId, StoredPlan before, InstalmentPlan.Recomputation recomputation) {
        InstalmentPlan plan = recomputation.plan();
        Money credit = before.credit().plus(recomputation.credit());
        em.createNativeQuery("""
                        update instalment_plan set status = ?2, principal = ?3, fee = ?4, cardholder_credit = ?5,
                            updated_at = ?6
                        where transaction_id = ?1""")
                .setParameter(1, transactionId).setParameter(2, plan.status().name())
                .setParameter(3, plan.principal().amount()).setParameter(4, plan.fee().amount())
                .setParameter(5, credit.amount()).setParameter(6, clock.now()).executeUpdate();
        em.createNativeQuery("delete from instalment where transaction_id = ?1").setParameter(1, transactionId)
                .executeUpdate();
        insertInstalments(transactionId, plan.instalments());
        return new StoredPlan(plan, before.programmeVersion(), credit);
    }

    private void insertInstalments(UUID transactionId, List<Instalment> instalments) {
        StringBuilder sql = new StringBuilder(
                "insert into instalment (transaction_id, number, due_on, principal, fee, amount) values ");
        for (int i = 0; i < instalments.size(); i++) {
            int p = i * 5;
            sql.append(i == 0 ? "" : ", ").append("(?1, ?").append(p + 2).append(", ?").append(p + 3).append(", ?")
                    .append(p + 4).append(", ?").append(p + 5).append(", ?").append(p + 6).append(')');
        }
        var query = em.createNativeQuery(sql.toString()).setParameter(1, transactionId);
        for (int i = 0; i < instalments.size(); i++) {
            Instalment instalment = instalments.get(i);
            int p = i * 5;
            query.setParameter(p + 2, instalment.number()).setParameter(p + 3, instalment.dueOn())
                    .setParameter(p + 4, instalment.principal().amount()).setParameter(p + 5, instalment.fee().amount())
                    .setParameter(p + 6, instalment.amount().amount());
        }
        query.executeUpdate();
    }

    private static Money cny(BigDecimal amount) {
        return new Money(amount, Offers.CNY);
    }
}
