package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.Actors;
import io.bankcrm.crosssell.domain.lead.ApprovalRequired;
import io.bankcrm.crosssell.domain.lead.LeadEffect;
import io.bankcrm.crosssell.domain.lead.LeadHistoryEntry;
import io.bankcrm.crosssell.domain.lead.LeadSource;
import io.bankcrm.crosssell.domain.lead.LeadStatus;
import io.bankcrm.crosssell.domain.lead.LeadStep;
import io.bankcrm.crosssell.domain.lead.PriorityScore;
import io.bankcrm.crosssell.domain.product.EligibilityDecision;
import io.bankcrm.crosssell.domain.product.Product;
import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.crosssell.domain.product.Prospect;
import io.bankcrm.crosssell.domain.sla.LeadSla;
import io.bankcrm.events.crosssell.CrosssellEvents;
import io.bankcrm.events.crosssell.LeadAssigned;
import io.bankcrm.events.crosssell.LeadCreated;
import io.bankcrm.events.crosssell.LeadStatusChanged;
import io.bankcrm.platform.domain.StateConflict;
import io.bankcrm.platform.outbox.Outbox;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Versions;
import io.bankcrm.platform.observability.BusinessMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The lead use cases: ensuring the leads an origin brings (idempotent: a second call, or a concurrent one, finds
 * the open lead and does nothing), manual leads, the steps people take, the service's own effects, rescoring,
 * reassignment and escalation. Every change writes its history line and its event (outbox) in the same
 * transaction.
 */
@ApplicationScoped
@Transactional
public class Leads {

    private final LeadStore store;
    private final CustomerFacts facts;
    private final Catalogue catalogue;
    private final Teams teams;
    private final Agreements agreements;
    private final Rules rules;
    private final Outbox outbox;
    private final BankClock clock;
    @Inject
    BusinessMetrics metrics;

    public Leads(LeadStore store, CustomerFacts facts, Catalogue catalogue, Teams teams, Agreements agreements,
                 Rules rules, Outbox outbox, BankClock clock) {
        this.store = store;
        this.facts = facts;
        this.catalogue = catalogue;
        this.teams = teams;
        this.agreements = agreements;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Opens a lead for each of {@code products} the customer is eligible for and has no open lead for. Products
     * the customer may not be offered (no marketing consent, wrong tier, held already, ...) get none.
     *
     * @return the leads created now (empty when they existed or the customer is not eligible)
     */
    public List<UUID> ensure(UUID customerId, List<ProductCode> products, LeadOrigin origin, String actor,
                             String why) {
        Optional<Prospect> prospect = facts.prospect(customerId);
        if (prospect.isEmpty()) {
            return List.of();
        }
        List<UUID> created = new ArrayList<>();
        for (ProductCode code : products) {
            Optional<Product> product = catalogue.find(code.value()).map(StoredProduct::product);
            if (product.isEmpty() || !rules.eligibility().decide(product.get(), prospect.get()).eligible()) {
                continue;
            }
            create(prospect.get(), product.get(), origin, actor, why).ifPresent(created::add);
        }
        return created;
    }

    /** A relationship manager's lead: 409 naming the open one, 422 with the refusals when not eligible. */
    public StoredLead manual(UUID customerId, String productCode, String assignee, String reason, String actor) {
        Product product = catalogue.find(productCode).map(StoredProduct::product)
                .orElseThrow(() -> ProblemException.invalidField("product", "is not in the catalogue"));
        Prospect prospect = facts.prospect(customerId).orElseThrow(() -> ProblemException.unprocessable(
                "unknown-customer", "customer " + customerId + " is not known to crosssell-service"));
        EligibilityDecision decision = rules.eligibility().decide(product, prospect);
        if (!decision.eligible()) {
            throw new ProblemException("not-eligible", "Unprocessable Content", 422,
                    "the customer may not be offered " + productCode, null, Map.of("refusals", decision.refusals()));
        }
        String branch = facts.find(customerId).map(CustomerFacts.Fact::homeBranch).orElse(null);
        LeadOrigin origin = new LeadOrigin(LeadSource.MANUAL, null, null, null, null, branch, false,
                assignee == null ? actor : assignee);
        UUID id = create(prospect, product, origin, actor, reason).orElseThrow(() -> {
            UUID open = store.openFor(customerId, product.code()).map(StoredLead::id).orElse(null);
            return ProblemException.conflict("the customer has an open lead for " + productCode,
                    open == null ? Map.of() : Map.of("existingLeadId", open));
        });
        return get(id);
    }

    private Optional<UUID> create(Prospect prospect, Product product, LeadOrigin origin, String actor, String why) {
        String employerTier = origin.employerId() == null ? null
                : facts.find(origin.employerId()).map(CustomerFacts.Fact::tier).orElse(null);
        PriorityScore score = rules.scoring().score(product, prospect, origin.employerId() != null, employerTier);
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        if (!store.insertIfNoneOpen(id, prospect.customerId(), product.code(), origin, score, origin.needsApproval(),
                actor, now)) {
            return Optional.empty();
        }
        store.history(id, LeadHistoryEntry.created(now, actor, why));
        Optional<StoredTeam> team = teams.retailTeamOf(origin.branch()).map(teams::get);
        String assignee = origin.assignee();
        if (assignee == null && team.isPresent()) {
            assignee = teams.assign(team.get().id(), clock.today()).orElse(null);
        }
        Instant due = assignee == null ? null : sla(team).deadline(now);
        store.assign(id, team.map(StoredTeam::id).orElse(null), assignee, due);
        if (assignee != null) {
            store.history(id, LeadHistoryEntry.assigned(now, actor, assignee,
                    origin.assignee() != null ? "given to " + assignee : "round robin by capacity"));
        }
        outbox.publish(CrosssellEvents.LEAD_CREATED, id, new LeadCreated(id, prospect.customerId(),
                product.code().value(), origin.source().name(), origin.agreementId(), origin.employerId(),
                origin.campaignId(), team.map(StoredTeam::id).orElse(null), assignee, score.total(), due, now));
        metrics.count("crm.leads.created", "product", product.code().value());
        return Optional.of(id);
    }

    /** What a person does with a lead: CONTACT, QUALIFY or LOSE (If-Match on the lead's version). */
    public StoredLead act(UUID id, LeadAction action, String reason, String ifMatch, String actor) {
        StoredLead lead = store.locked(id);
        Versions.requireMatch(ifMatch, lead.version());
        Instant now = clock.now();
        LeadStep step;
        try {
            step = switch (action) {
                case CONTACT -> lead.lifecycle().contact(actor, now, lead.clearance());
                case QUALIFY -> lead.lifecycle().qualify(actor, now);
                case LOSE -> lead.lifecycle().lose(actor, now, reason);
            };
        } catch (ApprovalRequired e) {
            throw new StateConflict("approval-required", e.getMessage());
        }
        record(lead, step, lead.slaDueAt(), null);
        return get(id);
    }

    /** The agreement's corporate relationship manager clears contact with a sensitive employer's officer. */
    public StoredLead approve(UUID id, String manager) {
        StoredLead lead = store.locked(id);
        if (!lead.clearance().approvalRequired()) {
            throw new StateConflict("approval-not-needed", "this lead needs no approval");
        }
        if (lead.clearance().cleared()) {
            return lead;
        }
        StoredAgreement agreement = lead.agreementId() == null ? null : agreements.find(lead.agreementId()).orElse(null);
        if (agreement == null || !agreement.relationshipManager().equals(manager)) {
            throw new ProblemException("forbidden", "Forbidden", 403, "only the corporate relationship manager who "
                    + "signed the agreement approves contact", null, Map.of());
        }
        Instant now = clock.now();
        store.approved(id, manager, now);
        return get(id);
    }

    /** The team lead gives the lead to another member of its team; a fresh first-contact deadline starts. */
    public StoredLead reassign(UUID id, String to, String reason, String ifMatch, String actor, boolean admin) {
        StoredLead lead = store.locked(id);
        Versions.requireMatch(ifMatch, lead.version());
        if (!lead.lifecycle().status().isWorkable()) {
            throw new StateConflict("lead-not-workable", "a " + lead.lifecycle().status() + " lead is not reassigned");
        }
        StoredTeam team = lead.teamId() == null ? null : teams.get(lead.teamId());
        if (team == null) {
            throw new StateConflict("no-team", "the lead has no team yet");
        }
        if (!admin && !team.teamLead().equals(actor)) {
            throw new ProblemException("forbidden", "Forbidden", 403, "only the team's lead reassigns its leads",
                    null, Map.of());
        }
        if (team.members().stream().noneMatch(m -> m.member().staffId().equals(to) && m.member().active())) {
            throw ProblemException.invalidField("assignee", "is not an active member of team " + team.id());
        }
        if (to.equals(lead.assignee())) {
            throw ProblemException.invalidField("assignee", "the lead is with " + to + " already");
        }
        Instant now = clock.now();
        LeadSla.Reassignment r = sla(Optional.of(team)).reassign(lead.assignee(), to, actor, now, reason);
        store.assign(id, team.id(), to, lead.lifecycle().status() == LeadStatus.NEW ? r.deadline() : lead.slaDueAt());
        store.history(id, r.history());
        outbox.publish(CrosssellEvents.LEAD_ASSIGNED, id, new LeadAssigned(id, lead.customerId(),
                lead.product().value(), team.id(), lead.assignee(), to, "REASSIGNED", actor, now));
        return get(id);
    }

    /** Applies the service's own steps (hold, release, expire) to leads, as the system. */
    public void apply(List<LeadEffect> effects) {
        Instant now = clock.now();
        for (LeadEffect effect : effects) {
            StoredLead lead = store.locked(effect.leadId());
            if (!lead.lifecycle().status().isOpen()) {
                continue;
            }
            LeadStep step = effect.apply(lead.lifecycle(), now);
            Instant due = lead.slaDueAt();
            Instant heldAt = null;
            if (effect.action() == LeadEffect.Action.HOLD) {
                heldAt = now;
            } else if (effect.action() == LeadEffect.Action.RELEASE && due != null && lead.heldAt() != null) {
                due = sla(lead.teamId() == null ? Optional.empty() : teams.find(lead.teamId()))
                        .resumed(due, lead.heldAt(), now);
            }
            record(lead, step, due, heldAt);
        }
    }

    /** Expires every open lead of the customer with {@code reason}. */
    public void expireAllOf(UUID customerId, String reason) {
        apply(store.openOfCustomer(customerId).stream()
                .map(l -> new LeadEffect(l.id(), LeadEffect.Action.EXPIRE, reason)).toList());
    }

    /** Scores the open leads again (the customer's or the employer's tier changed). */
    public void rescore(List<StoredLead> leads) {
        Instant now = clock.now();
        for (StoredLead lead : leads) {
            Optional<Prospect> prospect = facts.prospect(lead.customerId());
            Optional<Product> product = catalogue.find(lead.product().value()).map(StoredProduct::product);
            if (prospect.isEmpty() || product.isEmpty()) {
                continue;
            }
            String employerTier = lead.employerId() == null ? null
                    : facts.find(lead.employerId()).map(CustomerFacts.Fact::tier).orElse(null);
            PriorityScore score = rules.scoring().score(product.get(), prospect.get(), lead.employerId() != null,
                    employerTier);
            if (score.equals(lead.priority())) {
                continue;
            }
            store.rescored(lead.id(), score);
            store.history(lead.id(), LeadHistoryEntry.rescored(now, Actors.SYSTEM, lead.priority(), score));
        }
    }

    /** Escalates to their team lead the uncontacted leads past their deadline at {@code now}; returns how many. */
    public int escalateOverdue(Instant now, int limit) {
        int escalated = 0;
        for (StoredLead lead : store.overdue(now, limit)) {
            Optional<StoredTeam> team = lead.teamId() == null ? Optional.empty() : teams.find(lead.teamId());
            if (team.isEmpty()) {
                continue;
            }
            Optional<LeadHistoryEntry> line = sla(team).escalation(lead.lifecycle().status(), lead.slaDueAt(),
                    lead.assignee(), false, team.get().teamLead(), now);
            if (line.isPresent()) {
                store.escalated(lead.id(), team.get().teamLead(), now);
                store.history(lead.id(), line.get());
                outbox.publish(CrosssellEvents.LEAD_ASSIGNED, lead.id(), new LeadAssigned(lead.id(), lead.customerId(),
                        lead.product().value(), team.get().id(), lead.assignee(), team.get().teamLead(), "ESCALATED",
                        Actors.SYSTEM, now));
                metrics.count("crm.leads.sla.breaches", "product", lead.product().value());
                escalated++;
            }
        }
        return escalated;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredLead get(UUID id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("lead", id));
    }

    List<StoredLead> openOfCustomer(UUID customerId) {
        return store.openOfCustomer(customerId);
    }

    List<StoredLead> openOfAgreement(UUID agreementId) {
        return store.openOfAgreement(agreementId);
    }

    List<StoredLead> openOfEmployer(UUID employerId) {
        return store.openOfEmployer(employerId);
    }

    private void record(StoredLead lead, LeadStep step, Instant due, Instant heldAt) {
        store.moved(lead.id(), step.after(), heldAt, due);
        store.history(lead.id(), LeadHistoryEntry.statusChanged(step.transition()));
        boolean byService = Actors.SYSTEM.equals(step.transition().actor());
        outbox.publish(CrosssellEvents.LEAD_STATUS_CHANGED, lead.id(), new LeadStatusChanged(lead.id(),
                lead.customerId(), lead.product().value(), step.transition().from().name(),
                step.transition().to().name(), byService ? step.transition().reason() : null,
                step.transition().actor(), step.transition().at()));
    }

    private LeadSla sla(Optional<StoredTeam> team) {
        return rules.sla(team.map(StoredTeam::firstContactMinutes).orElse(rules.defaultSlaMinutes()));
    }
}
