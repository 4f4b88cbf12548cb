package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.CustomerStatus;
import io.bankcrm.events.customer.CustomerEvents;
import io.bankcrm.events.customer.CustomerRegistered;
import io.bankcrm.platform.observability.BusinessMetrics;
import io.bankcrm.platform.outbox.Outbox;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.security.Ownership;
import io.bankcrm.platform.time.BankClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Registration: a new customer from a profile, refused when its identity is taken; the registered event. */
@ApplicationScoped
@Transactional
public class CustomerRegistration {

    private final CustomerStore store;
    private final Outbox outbox;
    private final BankClock clock;
    private final Ownership ownership;
    @Inject
    BusinessMetrics metrics;

    public CustomerRegistration(CustomerStore store, Outbox outbox, BankClock clock, Ownership ownership) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.ownership = ownership;
    }

    /** Registers a customer; a relationship manager or team lead only into their own book ({@link Ownership}). */
    public Customer register(CustomerProfile request, String actor) {
        CustomerProfile profile = ProfileRules.validated(request, clock.today());
        ownership.requireChange("the customer", profile.homeBranch(), profile.relationshipManager());
        CustomerStatus status = initialStatus(request.status());
        store.refuseDuplicate(profile, null);
        return insert(profile, status, actor);
    }

    /**
     * Registers the customer unless one with the same identity exists, in which case that one is returned
     * unchanged: a bulk file applied twice creates nobody twice.
     */
    public Customer registerOrMatch(CustomerProfile request, String actor) {
        CustomerProfile profile = ProfileRules.validated(request, clock.today());
        CustomerStatus status = initialStatus(request.status());
        return store.duplicateOf(profile, null).orElseGet(() -> insert(profile, status, actor));
    }

    private Customer insert(CustomerProfile profile, CustomerStatus status, String actor) {
        Instant now = clock.now();
        Customer c = new Customer();
        c.id = UUID.randomUUID();
        c.kind = profile.kind();
        c.status = status;
        c.createdAt = now;
        c.updatedAt = now;
        c.createdBy = actor;
        c.updatedBy = actor;
        store.write(c, profile);
        try {
            c.persistAndFlush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("a customer with the same identity was registered at the same moment",
                    Map.of());
        }
        outbox.publish(CustomerEvents.REGISTERED, c.id, new CustomerRegistered(c.id, c.kind.name(),
                c.status.name(), c.displayName, c.homeBranch, c.relationshipManager, c.sourceChannel, now));
        metrics.count("crm.customers.registered", "kind", c.kind.name());
        return c;
    }

    static CustomerStatus initialStatus(CustomerStatus requested) {
        if (requested == null) {
            return CustomerStatus.PROSPECT;
        }
        if (requested != CustomerStatus.PROSPECT && requested != CustomerStatus.ACTIVE) {
            throw ProblemException.invalidField("status", "a new customer starts as PROSPECT or ACTIVE");
        }
        return requested;
    }
}
