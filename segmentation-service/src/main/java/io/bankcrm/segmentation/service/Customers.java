package io.bankcrm.segmentation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** What segmentation knows of each customer: the kind, which decides the segment whose policy tiers them. */
@ApplicationScoped
@Transactional
public class Customers {

    private static final Set<String> KINDS = Set.of("INDIVIDUAL", "CORPORATE");

    private final EntityManager em;

    public Customers(EntityManager em) {
        this.em = em;
    }

    /** Records (or corrects) a customer's kind; applying the same registration twice changes nothing. */
    public void registered(UUID customerId, String kind, Instant registeredAt) {
        if (customerId == null || !KINDS.contains(kind)) {
            throw new IllegalArgumentException("a registration needs a customer id and a kind of " + KINDS
                    + "; got " + customerId + ", " + kind);
        }
        em.createNativeQuery("""
                        insert into customer (customer_id, kind, registered_at, updated_at) values (?1, ?2, ?3, now())
                        on conflict (customer_id) do update set kind = excluded.kind,
                            registered_at = coalesce(excluded.registered_at, customer.registered_at), updated_at = now()""")
                .setParameter(1, customerId).setParameter(2, kind).setParameter(3, registeredAt)
                .executeUpdate();
    }
}
