package io.bankcrm.customer.service;

import io.bankcrm.events.customer.CustomerEvents;
import io.bankcrm.events.customer.RelationshipEnded;
import io.bankcrm.events.customer.RelationshipLinked;
import io.bankcrm.platform.outbox.Outbox;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Links between customers: who works for, serves as officer of, shares a household with, or belongs to whom. */
@ApplicationScoped
@Transactional
public class RelationshipService {

    private final CustomerStore customers;
    private final Outbox outbox;
    private final BankClock clock;

    public RelationshipService(CustomerStore customers, Outbox outbox, BankClock clock) {
        this.customers = customers;
        this.outbox = outbox;
        this.clock = clock;
    }

    public CustomerRelationship link(UUID customerId, RelationshipRequest request) {
        Customer from = customers.forChange(customerId);
        if (customerId.equals(request.relatedCustomerId())) {
            throw ProblemException.invalidField("relatedCustomerId", "a customer cannot be related to itself");
        }
        Customer to = Customer.findById(request.relatedCustomerId());
        if (to == null) {
            throw ProblemException.invalidField("relatedCustomerId", "no customer " + request.relatedCustomerId());
        }
        request.type().refusal(from.kind, to.kind).ifPresent(reason -> {
            throw ProblemException.invalidField("type", reason);
        });
        if (request.type().hasOffice() && (request.office() == null || request.office().isBlank())) {
            throw ProblemException.invalidField("office", "is required for OFFICER_OF");
        }
        if (!request.type().hasOffice() && request.office() != null) {
            throw ProblemException.invalidField("office", "applies only to OFFICER_OF");
        }
        LocalDate validFrom = request.validFrom() == null ? today() : request.validFrom();
        if (request.validTo() != null && request.validTo().isBefore(validFrom)) {
            throw ProblemException.invalidField("validTo", "is before validFrom " + validFrom);
        }
        CustomerRelationship open = CustomerRelationship.find(
                        "customerId = ?1 and relatedCustomerId = ?2 and type = ?3 and endedAt is null",
                        customerId, request.relatedCustomerId(), request.type())
                .firstResult();
        if (open != null) {
            throw ProblemException.conflict("this relationship is already open as " + open.id,
                    Map.of("existingRelationshipId", open.id));
        }
        CustomerRelationship r = new CustomerRelationship();
        r.id = UUID.randomUUID();
        r.customerId = customerId;
        r.relatedCustomerId = request.relatedCustomerId();
        r.type = request.type();
        r.office = request.office() == null ? null : request.office().trim();
        r.validFrom = validFrom;
        r.validTo = request.validTo();
        r.createdAt = clock.now();
        r.persistAndFlush();
        outbox.publish(CustomerEvents.RELATIONSHIP_LINKED, customerId, new RelationshipLinked(r.id, customerId,
                r.relatedCustomerId, r.type.name(), r.office, r.validFrom, r.validTo));
        return r;
    }

    public CustomerRelationship end(UUID customerId, UUID relationshipId, RelationshipEnd request) {
        customers.forChange(customerId);
        CustomerRelationship r = CustomerRelationship.findById(relationshipId);
        if (r == null || !(r.customerId.equals(customerId) || r.relatedCustomerId.equals(customerId))) {
            throw ProblemException.notFound("relationship", relationshipId);
        }
        LocalDate on = request == null || request.validTo() == null ? today() : request.validTo();
        try {
            r.end(on, request == null ? null : request.reason(), clock.now());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage(), Map.of());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("validTo", e.getMessage());
        }
        outbox.publish(CustomerEvents.RELATIONSHIP_ENDED, r.customerId, new RelationshipEnded(r.id, r.customerId,
                r.relatedCustomerId, r.type.name(), r.validTo, r.endReason));
        return r;
    }

    /** Both directions, oldest first; ended links only when asked for. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CustomerRelationship> list(UUID customerId, boolean includeEnded, Integer limit, String cursor) {
        customers.get(customerId);
        PageRequest page = PageRequest.of(limit, cursor);
        String query = "(customerId = :c or relatedCustomerId = :c)" + (includeEnded ? "" : " and endedAt is null");
        Parameters params = Parameters.with("c", customerId);
        if (!page.first()) {
            query += " and id > :after";
            params.and("after", page.afterUuid(0));
        }
        List<CustomerRelationship> rows = CustomerRelationship.<CustomerRelationship>find(query + " order by id", params)
                .range(0, page.limit()).list();
        return Page.fromOverfetch(rows, page.limit(), r -> r, r -> PageRequest.cursorAfter(r.id.toString()));
    }

    private LocalDate today() {
        return clock.today();
    }
}
