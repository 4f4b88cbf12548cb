package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.crosssell.domain.product.Prospect;
import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import io.bankcrm.crosssell.domain.prospect.OfficerRole;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import io.bankcrm.platform.db.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What crosssell knows of each customer, learnt from customer-service's and segmentation-service's events: kind,
 * status, home branch, relationship manager, tier and MARKETING consent per channel. Never a name, ID or phone.
 */
@ApplicationScoped
@Transactional
public class CustomerFacts {

    private static final String ROSTER_FACTS = "select salary_band, officer_role from roster_member"
            + " where customer_id = ?1 and left_on is null order by linked_on desc, agreement_id limit 1";

    private final EntityManager em;

    public CustomerFacts(EntityManager em) {
        this.em = em;
    }

    /** A registration or profile update: the kind, branch and relationship manager (and status when known). */
    public void profile(UUID customerId, String kind, String status, String homeBranch, String relationshipManager) {
        CustomerKind.valueOf(kind); // an unknown kind is the event's fault: dead-lettered after the retries
        em.createNativeQuery("""
                        insert into customer_fact (customer_id, kind, status, home_branch, relationship_manager, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, now())
                        on conflict (customer_id) do update set kind = excluded.kind,
                            status = coalesce(excluded.status, customer_fact.status),
                            home_branch = excluded.home_branch, relationship_manager = excluded.relationship_manager,
                            updated_at = now()""")
                .setParameter(1, customerId).setParameter(2, kind).setParameter(3, status)
                .setParameter(4, homeBranch).setParameter(5, relationshipManager).executeUpdate();
    }

    public void status(UUID customerId, String kind, String status) {
        em.createNativeQuery("""
                        insert into customer_fact (customer_id, kind, status, updated_at) values (?1, ?2, ?3, now())
                        on conflict (customer_id) do update set status = excluded.status,
                            kind = coalesce(customer_fact.kind, excluded.kind), updated_at = now()""")
                .setParameter(1, customerId).setParameter(2, kind).setParameter(3, status).executeUpdate();
    }

    /** A tier change; an older change than the one stored is ignored (events of one customer arrive in order). */
    public void tier(UUID customerId, String tier, Instant changedAt) {
        em.createNativeQuery("""
                        insert into customer_fact (customer_id, tier, tier_changed_at, updated_at) values (?1, ?2, ?3, now())
                        on conflict (customer_id) do update set tier = excluded.tier,
                            tier_changed_at = excluded.tier_changed_at, updated_at = now()
                        where customer_fact.tier_changed_at is null or customer_fact.tier_changed_at <= excluded.tier_changed_at""")
                .setParameter(1, customerId).setParameter(2, tier).setParameter(3, changedAt).executeUpdate();
    }

    /**
     * MARKETING consent on one channel; a change older than the stored one is ignored.
     *
     * @return whether the stored consent changed
     */
    public boolean marketingConsent(UUID customerId, ConsentChannel channel, boolean granted, Instant changedAt) {
        return em.createNativeQuery("""
                        insert into marketing_consent (customer_id, channel, granted, changed_at) values (?1, ?2, ?3, ?4)
                        on conflict (customer_id, channel) do update set granted = excluded.granted,
                            changed_at = excluded.changed_at
                        where marketing_consent.changed_at <= excluded.changed_at""")
                .setParameter(1, customerId).setParameter(2, channel.name()).setParameter(3, granted)
                .setParameter(4, changedAt).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Fact> find(UUID customerId) {
        return SqlRow.first(em.createNativeQuery("""
                        select kind, status, home_branch, relationship_manager, tier from customer_fact where customer_id = ?1""",
                        Tuple.class).setParameter(1, customerId))
                .map(r -> new Fact(customerId, r.isNull("kind") ? null : r.enumValue("kind", CustomerKind.class),
                        r.text("status"), r.text("home_branch"), r.text("relationship_manager"), r.text("tier")));
    }

    /**
     * The customer as eligibility and scoring see them; empty while the registration has not arrived.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Prospect> prospect(UUID customerId) {
        Optional<Fact> fact = find(customerId).filter(f -> f.kind() != null);
        if (fact.isEmpty()) {
            return Optional.empty();
        }
        Set<ConsentChannel> channels = EnumSet.noneOf(ConsentChannel.class);
        for (Object channel : em.createNativeQuery(
                        "select channel from marketing_consent where customer_id = ?1 and granted")
                .setParameter(1, customerId).getResultList()) {
            channels.add(ConsentChannel.valueOf((String) channel));
        }
        Set<ProductCode> held = new HashSet<>();
        for (Object code : em.createNativeQuery("select product_code from product_holding where customer_id = ?1")
                .setParameter(1, customerId).getResultList()) {
            held.add(new ProductCode((String) code));
        }
        // the salary band and office from the newest roster that names the customer as a current member
        Optional<SqlRow> member = SqlRow.first(em.createNativeQuery(ROSTER_FACTS, Tuple.class)
                .setParameter(1, customerId));
        SalaryBand band = member.map(m -> m.text("salary_band")).flatMap(SalaryBand::parse).orElse(null);
        OfficerRole role = member.map(m -> m.text("officer_role")).flatMap(OfficerRole::parse).orElse(null);
        Fact f = fact.get();
        return Optional.of(new Prospect(customerId, f.kind(), f.tier(), band, role, channels, held,
                "CLOSED".equals(f.status())));
    }

    /** One customer's stored facts; {@code kind} is null while only a tier is known. */
    public record Fact(UUID customerId, CustomerKind kind, String status, String homeBranch,
                       String relationshipManager, String tier) {
    }
}
