package io.bankcrm.segmentation.service;

import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.bankcrm.segmentation.domain.Segment;
import io.bankcrm.segmentation.domain.ServiceModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
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
        return SqlRow.first(em.createNativeQuery("""
                        select ct.customer_id, ct.segment, ct.tier, t.name, ct.flags, ct.since_month, ct.below_bar_runs,
                               ct.policy_id, ct.policy_version, ct.run_id, ct.as_of_month, ct.reasons, ct.reasons_month,
                               t.service_model, t.fee_waivers, t.priority, ct.updated_at
                        from customer_tier ct join tier t on t.code = ct.tier where ct.customer_id = ?1""", Tuple.class)
                        .setParameter(1, customerId))
                .map(CustomerTiers::tier)
                .orElseThrow(() -> ProblemException.notFound("value tier of customer", customerId));
    }

    /** Every change of the customer's tier or flags, newest first. */
    public Page<TierChange> history(UUID customerId, PageRequest page) {
        long before = page.first() ? Long.MAX_VALUE : page.afterLong(0);
        List<TierChange> changes = SqlRow.list(em.createNativeQuery("""
                        select id, run_id, policy_id, policy_version, as_of_month, old_tier, new_tier, old_flags,
                               new_flags, reasons, changed_at
                        from tier_history where customer_id = ?1 and id < ?2 order by id desc limit ?3""", Tuple.class)
                .setParameter(1, customerId).setParameter(2, before).setParameter(3, page.limit() + 1))
                .stream().map(CustomerTiers::change).toList();
        return Page.fromOverfetch(changes, page.limit(), change -> change,
                change -> PageRequest.cursorAfter(Long.toString(change.id())));
    }

    /** A {@code customer_tier} row with its tier's entitlements. */
    private static CustomerTier tier(SqlRow r) {
        return new CustomerTier(r.uuid("customer_id"), r.enumValue("segment", Segment.class), r.text("tier"),
                r.text("name"), r.texts("flags"), r.month("since_month"), r.intValue("below_bar_runs"),
                new CustomerTier.SetBy(r.uuid("policy_id"), r.intValue("policy_version"), r.uuid("run_id"),
                        r.month("as_of_month")),
                r.texts("reasons"), r.month("reasons_month"),
                new CustomerTier.Entitlements(r.enumValue("service_model", ServiceModel.class), r.texts("fee_waivers"),
                        r.intValue("priority")),
                r.instant("updated_at"));
    }

    /** A {@code tier_history} row. */
    private static TierChange change(SqlRow r) {
        return new TierChange(r.longValue("id"), r.uuid("run_id"), r.uuid("policy_id"), r.intValue("policy_version"),
                r.month("as_of_month"), r.text("old_tier"), r.text("new_tier"), r.texts("old_flags"),
                r.texts("new_flags"), r.texts("reasons"), r.instant("changed_at"));
    }
}
