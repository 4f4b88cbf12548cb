package io.bankcrm.customer.service;

import io.bankcrm.events.customer.CustomerEvents;
import io.bankcrm.events.customer.InteractionRecorded;
import io.bankcrm.platform.outbox.Outbox;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The contact history: what was said to whom, when, by whom, and how it ended. */
@ApplicationScoped
@Transactional
public class InteractionService {

    /** Clocks of branch systems drift; a contact a few minutes "in the future" is still accepted. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final CustomerStore customers;
    private final Outbox outbox;
    private final BankClock clock;

    public InteractionService(CustomerStore customers, Outbox outbox, BankClock clock) {
        this.customers = customers;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Interaction record(UUID customerId, InteractionRequest request, String actor) {
        customers.forChange(customerId);
        Instant now = clock.now();
        Instant occurredAt = request.occurredAt() == null ? now : request.occurredAt();
        if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalidField("occurredAt", "is in the future");
        }
        Interaction i = new Interaction();
        i.id = UUID.randomUUID();
        i.customerId = customerId;
        i.channel = request.channel();
        i.purpose = request.purpose();
        i.outcome = request.outcome();
        i.staff = request.staff() == null || request.staff().isBlank() ? actor : request.staff().trim();
        i.occurredAt = occurredAt;
        i.note = request.note();
        i.recordedAt = now;
        i.persist();
        outbox.publish(CustomerEvents.INTERACTION_RECORDED, customerId, new InteractionRecorded(i.id, customerId,
                i.channel.name(), i.purpose.name(), i.outcome.name(), i.staff, i.occurredAt));
        return i;
    }

    /** Newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Interaction> list(UUID customerId, Integer limit, String cursor) {
        customers.get(customerId);
        PageRequest page = PageRequest.of(limit, cursor);
        String query = "customerId = :c";
        Parameters params = Parameters.with("c", customerId);
        if (!page.first()) {
            params.and("at", page.afterInstant(0)).and("id", page.afterUuid(1));
            query += " and (occurredAt < :at or (occurredAt = :at and id < :id))";
        }
        List<Interaction> rows = Interaction.<Interaction>find(query + " order by occurredAt desc, id desc", params)
                .range(0, page.limit()).list();
        return Page.fromOverfetch(rows, page.limit(), i -> i,
                i -> PageRequest.cursorAfter(i.occurredAt.toString(), i.id.toString()));
    }
}
