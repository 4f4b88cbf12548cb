package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.offer.BudgetLedger;
import io.bankcrm.merchant.domain.offer.Funder;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The funders' budgets as rows of {@code offer_budget}, drawn inside the transaction that records the card
 * transaction. A draw is one conditional update: under READ COMMITTED a concurrent draw waits for the row lock and
 * re-checks the condition on the committed row, so concurrent transactions never draw beyond a budget (and the
 * table's check constraint would refuse it anyway).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SqlBudgetLedger implements BudgetLedger {

    private final EntityManager em;

    public SqlBudgetLedger(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean tryDraw(UUID offerId, Funder funder, Money part) {
        return em.createNativeQuery("""
                        update offer_budget set drawn = drawn + ?3
                        where offer_id = ?1 and funder = ?2 and not exhausted and total - drawn >= ?3""")
                .setParameter(1, offerId).setParameter(2, funder.name()).setParameter(3, part.amount())
                .executeUpdate() == 1;
    }

    @Override
    public void undoDraw(UUID offerId, Funder funder, Money part) {
        restore(offerId, funder, part);
    }

    /** Gives {@code part} back to the funder's budget (an undone draw, or a refund); the mark stays. */
    public void restore(UUID offerId, Funder funder, Money part) {
        if (part.isZero()) {
            return;
        }
        em.createNativeQuery("update offer_budget set drawn = drawn - ?3 where offer_id = ?1 and funder = ?2")
                .setParameter(1, offerId).setParameter(2, funder.name()).setParameter(3, part.amount())
                .executeUpdate();
    }

    @Override
    public boolean markExhausted(UUID offerId, Funder funder) {
        return em.createNativeQuery("""
                        update offer_budget set exhausted = true where offer_id = ?1 and funder = ?2 and not exhausted""")
                .setParameter(1, offerId).setParameter(2, funder.name()).executeUpdate() == 1;
    }

    @Override
    public Set<Funder> exhausted(UUID offerId) {
        Set<Funder> out = EnumSet.noneOf(Funder.class);
        SqlRow.list(em.createNativeQuery("select funder from offer_budget where offer_id = ?1 and exhausted",
                        Tuple.class).setParameter(1, offerId))
                .forEach(r -> out.add(r.enumValue("funder", Funder.class)));
        return out;
    }

    /** What is left of the funder's budget now. */
    public Money remaining(UUID offerId, Funder funder) {
        return SqlRow.first(em.createNativeQuery(
                        "select total - drawn as remaining from offer_budget where offer_id = ?1 and funder = ?2",
                        Tuple.class).setParameter(1, offerId).setParameter(2, funder.name()))
                .map(r -> new Money(r.decimal("remaining"), Offers.CNY)).orElseThrow();
    }
}
