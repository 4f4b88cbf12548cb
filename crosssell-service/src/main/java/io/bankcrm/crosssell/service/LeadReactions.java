package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.Actors;
import io.bankcrm.crosssell.domain.agreement.AgreementKind;
import io.bankcrm.crosssell.domain.lead.LeadEffects;
import io.bankcrm.crosssell.domain.lead.LeadSource;
import io.bankcrm.crosssell.domain.lead.LeaverOutcome;
import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.crosssell.domain.product.Prospect;
import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What happens to leads when something outside them changes: a link to an employer with an active agreement brings
 * leads, a leaver's payroll-card lead expires (and a retention lead opens when they hold products), a consent
 * withdrawal closes the leads that needed it and a grant brings the ones it allows, a closed customer's leads
 * expire, an agreement's status step holds, releases or expires its leads, a tier change rescores.
 */
@ApplicationScoped
@Transactional
public class LeadReactions {

    /** What each link type brings, through which kind of agreement. */
    static final List<ProductCode> EMPLOYEE_PRODUCTS = List.of(ProductCode.PAYROLL_CARD, ProductCode.PERSONAL_LOAN);
    static final List<ProductCode> OFFICER_PRODUCTS = List.of(ProductCode.WEALTH_MANAGEMENT);
    static final List<ProductCode> PAYER_PRODUCTS = List.of(ProductCode.CREDIT_CARD, ProductCode.PERSONAL_LOAN);

    private final Leads leads;
    private final EmployerLinks links;
    private final Agreements agreements;
    private final CustomerFacts facts;
    private final Catalogue catalogue;

    public LeadReactions(Leads leads, EmployerLinks links, Agreements agreements, CustomerFacts facts,
                         Catalogue catalogue) {
        this.leads = leads;
        this.links = links;
        this.agreements = agreements;
        this.facts = facts;
        this.catalogue = catalogue;
    }

    /** customer-service linked a person to a corporate (relationship-linked). */
    public void linked(UUID relationshipId, UUID customerId, UUID employerId, String type, String office,
                       LocalDate validFrom) {
        if (!EmployerLinks.TYPES.contains(type)) {
            return;
        }
        links.linked(relationshipId, customerId, employerId, type, office, validFrom);
        links.find(relationshipId).ifPresent(this::ensureFor);
    }

    /**
     * The leads a current link brings, if the corporate has an ACTIVE agreement of the link's kind. Idempotent: it
     * is also what the roster job calls after linking, and whichever comes second finds the open leads.
     */
    public List<UUID> ensureFor(EmployerLinks.Link link) {
        AgreementKind kind = "PAYER_OF".equals(link.type()) ? AgreementKind.COLLECTION : AgreementKind.PAYROLL;
        List<StoredAgreement> active = agreements.activeOf(link.employerId(), kind);
        if (active.isEmpty() || link.endedOn() != null) {
            return List.of();
        }
        StoredAgreement agreement = active.get(0);
        return switch (link.type()) {
            case "EMPLOYEE_OF" -> leads.ensure(link.customerId(), EMPLOYEE_PRODUCTS,
                    LeadOrigin.agreement(LeadSource.PAYROLL_AGREEMENT, agreement, link.linkedOn(), false),
                    Actors.SYSTEM, "employee of a payroll client");
            case "OFFICER_OF" -> leads.ensure(link.customerId(), OFFICER_PRODUCTS,
                    LeadOrigin.agreement(LeadSource.OFFICER, agreement, link.linkedOn(),
                            agreement.contactNeedsApproval()),
                    Actors.SYSTEM, "officer (" + link.office() + ") of a payroll client");
            default -> leads.ensure(link.customerId(), PAYER_PRODUCTS,
                    LeadOrigin.agreement(LeadSource.COLLECTION_AGREEMENT, agreement, link.linkedOn(), false),
                    Actors.SYSTEM, "payer of a collection client");
        };
    }

    /** customer-service ended a link (relationship-ended): an EMPLOYEE_OF link's end is a leaver. */
    public void ended(UUID relationshipId, LocalDate validTo) {
        Optional<EmployerLinks.Link> ended = links.ended(relationshipId, validTo);
        if (ended.isEmpty() || !"EMPLOYEE_OF".equals(ended.get().type())) {
            return;
        }
        EmployerLinks.Link link = ended.get();
        for (StoredAgreement agreement : agreements.activeOf(link.employerId(), AgreementKind.PAYROLL)) {
            Optional<Prospect> prospect = facts.prospect(link.customerId());
            LeaverOutcome outcome = LeadEffects.ofLeaver(agreement.id(),
                    leads.openOfCustomer(link.customerId()).stream().map(StoredLead::open).toList(),
                    prospect.map(Prospect::heldProducts).orElse(java.util.Set.of()));
            leads.apply(outcome.expire());
            if (outcome.retentionLead()) {
                String rm = facts.find(link.customerId()).map(CustomerFacts.Fact::relationshipManager).orElse(null);
                leads.ensure(link.customerId(), List.of(ProductCode.RETENTION),
                        LeadOrigin.agreement(LeadSource.PAYROLL_AGREEMENT, agreement, link.linkedOn(), false)
                                .withAssignee(rm), Actors.SYSTEM, outcome.retentionReason());
            }
        }
    }

    /** MARKETING consent on a channel changed and was stored. */
    public void consentChanged(UUID customerId, boolean granted) {
        Optional<Prospect> prospect = facts.prospect(customerId);
        if (prospect.isEmpty()) {
            return;
        }
        java.util.Set<ConsentChannel> still = prospect.get().marketingChannels();
        leads.apply(LeadEffects.ofConsent(leads.openOfCustomer(customerId).stream().map(StoredLead::open).toList(),
                catalogue.all(), still));
        if (granted) {
            links.currentOf(customerId).forEach(this::ensureFor);
        }
    }

    public void closed(UUID customerId) {
        leads.expireAllOf(customerId, "the customer's relationship with the bank is closed");
    }

    /** A tier changed: rescore the customer's open leads, or an employer's employees' leads; new eligibility. */
    public void tierChanged(UUID customerId) {
        Optional<CustomerFacts.Fact> fact = facts.find(customerId);
        leads.rescore(leads.openOfCustomer(customerId));
        if (fact.isPresent() && fact.get().kind() == CustomerKind.CORPORATE) {
            leads.rescore(leads.openOfEmployer(customerId));
        } else {
            links.currentOf(customerId).forEach(this::ensureFor);
        }
    }

    /** An agreement's status step: hold, release or expire the open leads that came through it. */
    void agreementChanged(@Observes AgreementChanged event) {
        StoredAgreement a = event.before();
        leads.apply(LeadEffects.ofAgreementChange(a.id(), a.kind(), event.change(),
                leads.openOfAgreement(a.id()).stream().map(StoredLead::open).toList()));
    }

}
