package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.credit.ConversionCredit;
import io.bankcrm.crosssell.domain.credit.CorporateLink;
import io.bankcrm.crosssell.domain.credit.CreditLine;
import io.bankcrm.crosssell.domain.credit.CreditSplit;
import io.bankcrm.crosssell.domain.credit.CreditSplitRule;
import io.bankcrm.crosssell.domain.credit.Credited;
import io.bankcrm.crosssell.domain.lead.Conversion;
import io.bankcrm.crosssell.domain.lead.LeadHistoryEntry;
import io.bankcrm.crosssell.domain.lead.LeadStep;
import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.events.crosssell.CrosssellEvents;
import io.bankcrm.events.crosssell.LeadConverted;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.StateConflict;
import io.bankcrm.platform.outbox.Outbox;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Versions;
import io.bankcrm.platform.observability.BusinessMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Converting a qualified lead: the lead's step, the product the customer now holds, and the credit record, split
 * by the rule in force on the conversion day between the corporate team that signed the employer and the retail
 * team that converted the customer. The rule is copied onto the record, so a later version changes nothing.
 */
@ApplicationScoped
@Transactional
public class Conversions {

    private final EntityManager em;
    private final LeadStore store;
    private final Agreements agreements;
    private final CreditRules rules;
    private final Catalogue catalogue;
    private final Outbox outbox;
    private final BankClock clock;
    @Inject
    BusinessMetrics metrics;

    public Conversions(EntityManager em, LeadStore store, Agreements agreements, CreditRules rules,
                       Catalogue catalogue, Outbox outbox, BankClock clock) {
        this.em = em;
        this.store = store;
        this.agreements = agreements;
        this.rules = rules;
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.clock = clock;
    }

    public StoredLead convert(UUID leadId, ConversionRequest request, String ifMatch, String actor) {
        StoredLead lead = store.locked(leadId);
        Versions.requireMatch(ifMatch, lead.version());
        String code = request.product() == null ? lead.product().value() : request.product();
        if (catalogue.find(code).isEmpty()) {
            throw new InvalidInput("product", "is not in the catalogue");
        }
        if (request.openedOn().isAfter(clock.today())) {
            throw new InvalidInput("openedOn", "must not be in the future");
        }
        Conversion what = new Conversion(new ProductCode(code), request.value().toMoney("value"), request.openedOn(),
                request.reference());
        if (lead.teamId() == null || lead.assignee() == null) {
            throw new StateConflict("lead-unassigned", "a lead is converted by a member of its team; this one has none");
        }
        Instant now = clock.now();
        LeadStep step = lead.lifecycle().convert(actor, now, what);
        Optional<CorporateLink> link = corporateLink(lead);
        ConversionCredit credit = CreditSplit.credit(leadId, what.product(), what.openedOn(), what.value(), link,
                new Credited(lead.teamId().toString(), actor), rules.book());
        store.converted(leadId, step.after(), what);
        store.history(leadId, LeadHistoryEntry.statusChanged(step.transition()));
        save(credit);
        em.createNativeQuery("""
                        insert into product_holding (customer_id, product_code, since, source, recorded_at)
                        values (?1, ?2, ?3, 'conversion', now()) on conflict do nothing""")
                .setParameter(1, lead.customerId()).setParameter(2, code).setParameter(3, what.openedOn())
                .executeUpdate();
        List<LeadConverted.CreditShare> shares = new ArrayList<>();
        for (CreditLine line : credit.lines()) {
            shares.add(new LeadConverted.CreditShare(line.role().name(), UUID.fromString(line.credited().teamId()),
                    line.credited().staffId(), line.share(), line.value().amount()));
        }
        outbox.publish(CrosssellEvents.LEAD_CONVERTED, leadId, new LeadConverted(leadId, lead.customerId(),
                lead.product().value(), code, what.value().amount(), what.value().currency().getCurrencyCode(),
                what.openedOn(), credit.rule() == null ? null : credit.rule().version(), shares, actor, now));
        metrics.count("crm.leads.converted", "product", lead.product().value());
        return store.find(leadId).orElseThrow();
    }

    /** The corporate side of a lead that came through an agreement whose signing team is known. */
    private Optional<CorporateLink> corporateLink(StoredLead lead) {
        if (!lead.source().throughCorporate() || lead.agreementId() == null || lead.linkedOn() == null) {
            return Optional.empty();
        }
        return agreements.find(lead.agreementId()).filter(a -> a.corporateTeamId() != null)
                .map(a -> new CorporateLink(a.id(), new Credited(a.corporateTeamId().toString(),
                        a.relationshipManager()), lead.linkedOn()));
    }

    private void save(ConversionCredit c) {
        CreditSplitRule rule = c.rule();
        em.createNativeQuery("""
                        insert into conversion_credit (conversion_id, product, converted_on, value_amount, currency,
                            rule_version, corporate_percent, window_days, effective_from, in_window, why)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, c.conversionId()).setParameter(2, c.product().value())
                .setParameter(3, c.convertedOn()).setParameter(4, c.value().amount())
                .setParameter(5, c.value().currency().getCurrencyCode())
                .setParameter(6, rule == null ? null : rule.version())
                .setParameter(7, rule == null ? null : rule.corporatePercent())
                .setParameter(8, rule == null ? null : rule.windowDays())
                .setParameter(9, rule == null ? null : rule.effectiveFrom())
                .setParameter(10, c.inWindow()).setParameter(11, c.why()).executeUpdate();
        for (int i = 0; i < c.lines().size(); i++) {
            CreditLine l = c.lines().get(i);
            em.createNativeQuery("""
                            insert into credit_line (conversion_id, seq, role, team_id, staff_id, share, amount)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                    .setParameter(1, c.conversionId()).setParameter(2, i).setParameter(3, l.role().name())
                    .setParameter(4, l.credited().teamId()).setParameter(5, l.credited().staffId())
                    .setParameter(6, l.share()).setParameter(7, l.value().amount()).executeUpdate();
        }
    }

    /** The credit record of a converted lead, as written then. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ConversionCredit> credit(UUID leadId) {
        return credits("c.conversion_id = ?1", leadId).stream().findFirst();
    }

    /** The credit records of the conversions between {@code first} and {@code last}, both included. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ConversionCredit> between(java.time.LocalDate first, java.time.LocalDate last) {
        return credits("c.converted_on between ?1 and ?2", first, last);
    }

    private List<ConversionCredit> credits(String where, Object... params) {
        var query = em.createNativeQuery("""
                select c.conversion_id, c.product, c.converted_on, c.value_amount, c.currency, c.rule_version,
                    c.corporate_percent, c.window_days, c.effective_from, c.in_window, c.why,
                    l.seq, l.role, l.team_id, l.staff_id, l.share, l.amount
                from conversion_credit c join credit_line l on l.conversion_id = c.conversion_id
                where\s""" + where + " order by c.conversion_id, l.seq", Tuple.class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        List<ConversionCredit> out = new ArrayList<>();
        UUID current = null;
        List<CreditLine> lines = new ArrayList<>();
        SqlRow head = null;
        for (SqlRow r : SqlRow.list(query)) {
            if (!r.uuid("conversion_id").equals(current)) {
                if (head != null) {
                    out.add(record(head, lines));
                }
                current = r.uuid("conversion_id");
                head = r;
                lines = new ArrayList<>();
            }
            lines.add(new CreditLine(io.bankcrm.crosssell.domain.credit.CreditRole.valueOf(r.text("role")),
                    new Credited(r.text("team_id"), r.text("staff_id")), r.decimal("share"),
                    LeadStore.money(r.decimal("amount"), r.text("currency"))));
        }
        if (head != null) {
            out.add(record(head, lines));
        }
        return out;
    }

    private static ConversionCredit record(SqlRow r, List<CreditLine> lines) {
        CreditSplitRule rule = r.isNull("rule_version") ? null : new CreditSplitRule(r.intValue("rule_version"),
                r.decimal("corporate_percent"), r.intValue("window_days"), r.localDate("effective_from"));
        return new ConversionCredit(r.uuid("conversion_id"), new ProductCode(r.text("product")),
                r.localDate("converted_on"), LeadStore.money(r.decimal("value_amount"), r.text("currency")), rule,
                r.bool("in_window"), lines, r.text("why"));
    }
}
