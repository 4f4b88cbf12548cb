package io.bankcrm.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** The inbox table: which event ids each consumer has already applied. */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;

    public ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    /** Records the event in the current transaction; false when it was applied before (a redelivery). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String consumer, String type) {
        return em.createNativeQuery("""
                        insert into processed_event (event_id, consumer, event_type) values (?1, ?2, ?3)
                        on conflict do nothing""")
                .setParameter(1, eventId).setParameter(2, consumer).setParameter(3, type)
                .executeUpdate() == 1;
    }
}
