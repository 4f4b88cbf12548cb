package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.credit.CreditRuleBook;
import io.bankcrm.crosssell.domain.credit.CreditSplitRule;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.domain.StateConflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The versioned credit split rule: each POST adds the next version, none is ever changed. */
@ApplicationScoped
@Transactional
public class CreditRules {

    private final EntityManager em;

    public CreditRules(EntityManager em) {
        this.em = em;
    }

    public CreditSplitRule add(BigDecimal corporatePercent, int windowDays, LocalDate effectiveFrom, String user) {
        // one writer at a time: versions run 1, 2, ... without gaps
        em.createNativeQuery("lock table credit_rule in share row exclusive mode").executeUpdate();
        CreditRuleBook book = book();
        if (book.versions().stream().anyMatch(r -> r.effectiveFrom().equals(effectiveFrom))) {
            throw new StateConflict("credit-rule-date-taken", "a version taking effect on " + effectiveFrom
                    + " exists already; add one for another day");
        }
        CreditSplitRule rule = book.with(corporatePercent, windowDays, effectiveFrom).versions().get(book.versions().size());
        em.createNativeQuery("""
                        insert into credit_rule (version, corporate_percent, window_days, effective_from, created_at, created_by)
                        values (?1, ?2, ?3, ?4, now(), ?5)""")
                .setParameter(1, rule.version()).setParameter(2, rule.corporatePercent())
                .setParameter(3, rule.windowDays()).setParameter(4, rule.effectiveFrom()).setParameter(5, user)
                .executeUpdate();
        return rule;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CreditRuleBook book() {
        List<CreditSplitRule> versions = SqlRow.list(em.createNativeQuery("""
                        select version, corporate_percent, window_days, effective_from from credit_rule order by version""",
                        Tuple.class)).stream()
                .map(r -> new CreditSplitRule(r.intValue("version"), r.decimal("corporate_percent"),
                        r.intValue("window_days"), r.localDate("effective_from"))).toList();
        return new CreditRuleBook(versions);
    }
}
