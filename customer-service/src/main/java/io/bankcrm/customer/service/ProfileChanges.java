package io.bankcrm.customer.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.bankcrm.events.customer.CustomerEvents;
import io.bankcrm.events.customer.CustomerUpdated;
import io.bankcrm.platform.outbox.Outbox;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.MergePatch;
import io.bankcrm.platform.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Profile changes: an RFC 7396 merge patch on the current version; the updated event names the changed fields. */
@ApplicationScoped
@Transactional
public class ProfileChanges {

    private final CustomerStore store;
    private final MergePatch mergePatch;
    private final Outbox outbox;
    private final BankClock clock;

    public ProfileChanges(CustomerStore store, MergePatch mergePatch, Outbox outbox, BankClock clock) {
        this.store = store;
        this.mergePatch = mergePatch;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Applies a merge patch to the profile; explicit nulls clear fields. A patch that changes nothing is no change. */
    public Customer update(UUID id, JsonNode patch, String ifMatch, String actor) {
        Customer c = store.forChange(id);
        Versions.requireMatch(ifMatch, c.version);
        if (patch != null && patch.has("kind") && !c.kind.name().equals(patch.get("kind").asText())) {
            throw ProblemException.invalidField("kind", "cannot be changed; register a new customer instead");
        }
        if (patch != null && patch.has("status")) {
            throw ProblemException.invalidField("status", "is changed through POST /v1/customers/{id}/status");
        }
        CustomerProfile current = store.profileOf(c);
        CustomerProfile requested = mergePatch.apply(current, patch, CustomerProfile.class);
        CustomerProfile next = ProfileRules.validated(requested, clock.today());
        List<String> changed = MergePatch.changedFields(current, next);
        if (changed.isEmpty()) {
            return c;
        }
        store.refuseDuplicate(next, c.id);
        store.write(c, next);
        c.updatedAt = clock.now();
        c.updatedBy = actor;
        try {
            Customer.getEntityManager().flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("another customer has the same identity", Map.of());
        }
        outbox.publish(CustomerEvents.UPDATED, c.id, new CustomerUpdated(c.id, c.kind.name(), changed,
                c.displayName, c.homeBranch, c.relationshipManager, c.version, c.updatedAt));
        return c;
    }
}
