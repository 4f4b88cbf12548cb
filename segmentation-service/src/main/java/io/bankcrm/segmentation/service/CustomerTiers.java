package io.bankcrm.segmentation.service;

import io.bankcrm.platform.db.SqlValues;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.bankcrm.segmentation.domain.ServiceModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Reads of the tiers that publishing runs set. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustomerTiers {

    private final EntityManager em;

    public CustomerTiers(EntityManager em) {
        this.em = em;
    }

    public CustomerTier tier(UUID customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select ct.customer_id, ct.segment, ct.tier, t.name, ct.flags, ct.since_month, ct.below_bar_runs,
                               ct.policy_id, ct.policy_version, ct.run_id, ct.as_of_month, ct.reasons, ct.reasons_month,
                               t.service_model, t.fee_waivers, t.priority, ct.updated_at
                        from customer_tier ct join tier t on t.code = ct.tier where ct.customer_id = ?1""")
                .setParameter(1, customerId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("value tier of customer", customerId);
        }
        Object[] r = rows.get(0);
        return new CustomerTier((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], SqlValues.texts(r[4]),
                SqlValues.monthText(r[5]), SqlValues.intValue(r[6]),
                new CustomerTier.SetBy((UUID) r[7], SqlValues.intValue(r[8]), (UUID) r[9], SqlValues.monthText(r[10])),
                SqlValues.texts(r[11]), SqlValues.monthText(r[12]),
                new CustomerTier.Entitlements(ServiceModel.valueOf((String) r[13]), SqlValues.texts(r[14]), SqlValues.intValue(r[15])),
                SqlValues.instant(r[16]));
    }

    /** Every change of the customer's tier or flags, newest first. */
    public Page<TierChange> history(UUID customerId, PageRequest page) {
        long before = page.first() ? Long.MAX_VALUE : page.afterLong(0);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, run_id, policy_id, policy_version, as_of_month, old_tier, new_tier, old_flags,
                               new_flags, reasons, changed_at
                        from tier_history where customer_id = ?1 and id < ?2 order by id desc limit ?3""")
                .setParameter(1, customerId).setParameter(2, before).setParameter(3, page.limit() + 1)
                .getResultList();
        return Page.fromOverfetch(rows, page.limit(), r -> new TierChange(SqlValues.longValue(r[0]), (UUID) r[1], (UUID) r[2],
                        SqlValues.intValue(r[3]), SqlValues.monthText(r[4]), (String) r[5], (String) r[6], SqlValues.texts(r[7]),
                        SqlValues.texts(r[8]), SqlValues.texts(r[9]), SqlValues.instant(r[10])),
                r -> PageRequest.cursorAfter(r[0].toString()));
    }
}
