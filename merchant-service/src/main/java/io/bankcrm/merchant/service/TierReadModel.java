package io.bankcrm.merchant.service;

import io.bankcrm.platform.db.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Each cardholder's current value tier, from segmentation's tier changes: what offers' eligible tiers read. */
@ApplicationScoped
@Transactional
public class TierReadModel {

    private final EntityManager em;

    public TierReadModel(EntityManager em) {
        this.em = em;
    }

    /** Stores the tier unless a newer change is stored already (events of a customer may arrive late). */
    public void changed(UUID customerId, String tier, String asOfMonth, Instant changedAt) {
        em.createNativeQuery("""
                        insert into customer_tier (customer_id, tier, as_of_month, changed_at) values (?1, ?2, ?3, ?4)
                        on conflict (customer_id) do update set tier = excluded.tier, as_of_month = excluded.as_of_month,
                            changed_at = excluded.changed_at
                        where customer_tier.changed_at <= excluded.changed_at""")
                .setParameter(1, customerId).setParameter(2, tier).setParameter(3, asOfMonth)
                .setParameter(4, changedAt).executeUpdate();
    }

    public Optional<String> tierOf(UUID customerId) {
        if (customerId == null) {
            return Optional.empty();
        }
        return SqlRow.first(em.createNativeQuery("select tier from customer_tier where customer_id = ?1",
                Tuple.class).setParameter(1, customerId)).map(r -> r.text("tier"));
    }
}
