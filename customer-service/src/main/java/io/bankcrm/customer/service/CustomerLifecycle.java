package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.CustomerStatus;
import io.bankcrm.events.customer.CustomerEvents;
import io.bankcrm.events.customer.CustomerStatusChanged;
import io.bankcrm.platform.outbox.Outbox;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The lifecycle (PROSPECT, ACTIVE, DORMANT, CLOSED): each move is checked, kept in the history and published. */
@ApplicationScoped
@Transactional
public class CustomerLifecycle {

    private final CustomerStore store;
    private final Outbox outbox;
    private final BankClock clock;

    public CustomerLifecycle(CustomerStore store, Outbox outbox, BankClock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Customer changeStatus(UUID id, StatusChange change, String ifMatch, String actor) {
        Customer c = store.forChange(id);
        Versions.requireMatch(ifMatch, c.version);
        CustomerStatus from;
        try {
            from = c.moveTo(change.status());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage(), Map.of("allowed", c.status.allowedTransitions()));
        }
        Instant now = clock.now();
        c.updatedAt = now;
        c.updatedBy = actor;
        Customer.getEntityManager().flush();
        Customer.getEntityManager().createNativeQuery("""
                        insert into status_history (customer_id, from_status, to_status, reason, changed_at, changed_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, c.id).setParameter(2, from.name()).setParameter(3, c.status.name())
                .setParameter(4, change.reason()).setParameter(5, now).setParameter(6, actor)
                .executeUpdate();
        outbox.publish(CustomerEvents.STATUS_CHANGED, c.id, new CustomerStatusChanged(c.id, c.kind.name(),
                from.name(), c.status.name(), change.reason(), now));
        return c;
    }
}
