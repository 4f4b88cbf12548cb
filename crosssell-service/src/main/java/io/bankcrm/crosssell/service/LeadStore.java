package io.bankcrm.crosssell.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.crosssell.domain.lead.ContactClearance;
import io.bankcrm.crosssell.domain.lead.Conversion;
import io.bankcrm.platform.money.Money;
import io.bankcrm.crosssell.domain.lead.HistoryKind;
import io.bankcrm.crosssell.domain.lead.LeadHistoryEntry;
import io.bankcrm.crosssell.domain.lead.LeadLifecycle;
import io.bankcrm.crosssell.domain.lead.LeadSource;
import io.bankcrm.crosssell.domain.lead.LeadStatus;
import io.bankcrm.crosssell.domain.lead.PriorityScore;
import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code lead} and {@code lead_history} rows: what the lead use cases read and write. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LeadStore {

    static final String OPEN = "('NEW', 'CONTACTED', 'QUALIFIED', 'ON_HOLD')";

    private final EntityManager em;
    private final ObjectMapper mapper;

    public LeadStore(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /**
     * Inserts a NEW lead unless the customer has an open lead for the product (the partial unique index decides,
     * also between concurrent transactions).
     *
     * @return whether the lead was inserted
     */
    boolean insertIfNoneOpen(UUID id, UUID customerId, ProductCode product, LeadOrigin origin, PriorityScore score,
                             boolean needsApproval, String actor, Instant now) {
        return em.createNativeQuery("""
                        insert into lead (id, customer_id, product_code, source, agreement_id, employer_id, campaign_id,
                            linked_on, status, furthest, priority, priority_explanation, approval_required, version,
                            created_at, created_by, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'NEW', 'NEW', ?9, cast(?10 as jsonb), ?11, 1, ?12, ?13, ?12)
                        on conflict (customer_id, product_code) where status in ('NEW', 'CONTACTED', 'QUALIFIED', 'ON_HOLD')
                        do nothing""")
                .setParameter(1, id).setParameter(2, customerId).setParameter(3, product.value())
                .setParameter(4, origin.source().name()).setParameter(5, origin.agreementId())
                .setParameter(6, origin.employerId()).setParameter(7, origin.campaignId())
                .setParameter(8, origin.linkedOn()).setParameter(9, score.total()).setParameter(10, json(score))
                .setParameter(11, needsApproval).setParameter(12, now).setParameter(13, actor)
                .executeUpdate() == 1;
    }

    void assign(UUID id, UUID teamId, String assignee, Instant slaDueAt) {
        em.createNativeQuery("""
                        update lead set team_id = ?2, assignee = ?3, sla_due_at = ?4, version = version + 1, updated_at = now()
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, teamId).setParameter(3, assignee).setParameter(4, slaDueAt)
                .executeUpdate();
    }

    void escalated(UUID id, String teamLead, Instant at) {
        em.createNativeQuery("""
                        update lead set assignee = ?2, escalated_at = ?3, version = version + 1, updated_at = now() where id = ?1""")
                .setParameter(1, id).setParameter(2, teamLead).setParameter(3, at).executeUpdate();
    }

    void moved(UUID id, LeadLifecycle after, Instant heldAt, Instant slaDueAt) {
        em.createNativeQuery("""
                        update lead set status = ?2, held_from = ?3, furthest = ?4, held_at = ?5, sla_due_at = ?6,
                            version = version + 1, updated_at = now() where id = ?1""")
                .setParameter(1, id).setParameter(2, after.status().name())
                .setParameter(3, after.heldFrom() == null ? null : after.heldFrom().name())
                .setParameter(4, after.furthest().name()).setParameter(5, heldAt).setParameter(6, slaDueAt)
                .executeUpdate();
    }

    void approved(UUID id, String manager, Instant at) {
        em.createNativeQuery("""
                        update lead set approved_by = ?2, approved_at = ?3, version = version + 1, updated_at = now() where id = ?1""")
                .setParameter(1, id).setParameter(2, manager).setParameter(3, at).executeUpdate();
    }

    void rescored(UUID id, PriorityScore score) {
        em.createNativeQuery("""
                        update lead set priority = ?2, priority_explanation = cast(?3 as jsonb), version = version + 1,
                            updated_at = now() where id = ?1""")
                .setParameter(1, id).setParameter(2, score.total()).setParameter(3, json(score)).executeUpdate();
    }

    void history(UUID leadId, LeadHistoryEntry e) {
        em.createNativeQuery("""
                        insert into lead_history (lead_id, kind, at, actor, from_status, to_status, from_assignee, to_assignee, reason)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, leadId).setParameter(2, e.kind().name()).setParameter(3, e.at())
                .setParameter(4, e.actor()).setParameter(5, e.fromStatus() == null ? null : e.fromStatus().name())
                .setParameter(6, e.toStatus() == null ? null : e.toStatus().name())
                .setParameter(7, e.fromAssignee()).setParameter(8, e.toAssignee()).setParameter(9, e.reason())
                .executeUpdate();
    }

    StoredLead locked(UUID id) {
        return SqlRow.first(em.createNativeQuery(SELECT + " where id = ?1 for update", Tuple.class).setParameter(1, id))
                .map(this::stored).orElseThrow(() -> ProblemException.notFound("lead", id));
    }

    /** The open leads of one customer, or of one agreement, locked in id order (so concurrent sweeps do not deadlock). */
    List<StoredLead> openOfCustomer(UUID customerId) {
        return SqlRow.list(em.createNativeQuery(SELECT + " where customer_id = ?1 and status in " + OPEN
                + " order by id for update", Tuple.class).setParameter(1, customerId)).stream().map(this::stored).toList();
    }

    List<StoredLead> openOfAgreement(UUID agreementId) {
        return SqlRow.list(em.createNativeQuery(SELECT + " where agreement_id = ?1 and status in " + OPEN
                + " order by id for update", Tuple.class).setParameter(1, agreementId)).stream().map(this::stored).toList();
    }

    List<StoredLead> openOfEmployer(UUID employerId) {
        return SqlRow.list(em.createNativeQuery(SELECT + " where employer_id = ?1 and status in " + OPEN
                + " order by id for update", Tuple.class).setParameter(1, employerId)).stream().map(this::stored).toList();
    }

    /** Uncontacted leads past their deadline and not escalated yet, locked, skipping those another sweep holds. */
    List<StoredLead> overdue(Instant now, int limit) {
        return SqlRow.list(em.createNativeQuery(SELECT + " " + """
                         where status = 'NEW' and escalated_at is null and sla_due_at <= ?1
                        order by sla_due_at, id limit ?2 for update skip locked""", Tuple.class)
                .setParameter(1, now).setParameter(2, limit)).stream().map(this::stored).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredLead> find(UUID id) {
        return SqlRow.first(em.createNativeQuery(SELECT + " where id = ?1", Tuple.class).setParameter(1, id))
                .map(this::stored);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredLead> openFor(UUID customerId, ProductCode product) {
        return SqlRow.first(em.createNativeQuery(SELECT + " where customer_id = ?1 and product_code = ?2 and status in "
                        + OPEN, Tuple.class).setParameter(1, customerId).setParameter(2, product.value()))
                .map(this::stored);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LeadHistoryLine> history(UUID leadId) {
        return SqlRow.list(em.createNativeQuery("""
                        select kind, at, actor, from_status, to_status, from_assignee, to_assignee, reason from lead_history
                        where lead_id = ?1 order by seq""", Tuple.class).setParameter(1, leadId)).stream()
                .map(r -> new LeadHistoryLine(r.enumValue("kind", HistoryKind.class), r.instant("at"), r.text("actor"),
                        r.isNull("from_status") ? null : r.enumValue("from_status", LeadStatus.class),
                        r.isNull("to_status") ? null : r.enumValue("to_status", LeadStatus.class),
                        r.text("from_assignee"), r.text("to_assignee"), r.text("reason")))
                .toList();
    }

    /** Leads by the filter, highest priority first, then oldest, then id (the cursor carries all three). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StoredLead> list(LeadFilter f, Instant now, PageRequest page) {
        boolean first = page.first();
        List<StoredLead> rows = SqlRow.list(em.createNativeQuery(SELECT + " " + """
                         where (?1 = '' or status = ?1) and (cast(?2 as uuid) is null or team_id = ?2)
                          and (?3 = '' or assignee = ?3) and (?4 = '' or product_code = ?4) and (?5 = '' or source = ?5)
                          and (cast(?6 as uuid) is null or agreement_id = ?6) and (cast(?7 as uuid) is null or campaign_id = ?7)
                          and (cast(?8 as uuid) is null or customer_id = ?8)
                          and (not ?9 or (status = 'NEW' and sla_due_at <= ?10))
                          and (?11 or priority < ?12 or (priority = ?12 and (created_at > cast(?13 as timestamptz)
                              or (created_at = cast(?13 as timestamptz) and id > ?14))))
                        order by priority desc, created_at, id limit ?15""", Tuple.class)
                .setParameter(1, f.status() == null ? "" : f.status().name()).setParameter(2, f.teamId())
                .setParameter(3, f.assignee() == null ? "" : f.assignee())
                .setParameter(4, f.product() == null ? "" : f.product())
                .setParameter(5, f.source() == null ? "" : f.source().name()).setParameter(6, f.agreementId())
                .setParameter(7, f.campaignId()).setParameter(8, f.customerId())
                .setParameter(9, f.overdue()).setParameter(10, now)
                .setParameter(11, first)
                .setParameter(12, first ? 0 : page.afterInt(0)).setParameter(13, first ? Instant.EPOCH : page.afterInstant(1))
                .setParameter(14, first ? new UUID(0, 0) : page.afterUuid(2))
                .setParameter(15, page.limit() + 1)).stream().map(this::stored).toList();
        return Page.fromOverfetch(rows, page.limit(), l -> l, l -> PageRequest.cursorAfter(
                Integer.toString(l.priority().total()), l.createdAt().toString(), l.id().toString()));
    }

    private static final String SELECT = """
            select id, customer_id, product_code, source, agreement_id, employer_id, campaign_id, linked_on, team_id,
                assignee, status, held_from, held_at, furthest, priority_explanation::text as explanation, sla_due_at,
                escalated_at, approval_required, approved_by, approved_at, version, created_at, created_by, updated_at,
                opened_product, value_amount, value_currency, opened_on, contract_reference
            from lead""";

    private StoredLead stored(SqlRow r) {
        Conversion conversion = r.isNull("opened_product") ? null : new Conversion(
                new ProductCode(r.text("opened_product")), money(r.decimal("value_amount"), r.text("value_currency")),
                r.localDate("opened_on"), r.text("contract_reference"));
        LeadLifecycle lifecycle = new LeadLifecycle(r.enumValue("status", LeadStatus.class),
                r.isNull("held_from") ? null : r.enumValue("held_from", LeadStatus.class),
                r.enumValue("furthest", LeadStatus.class), conversion);
        ContactClearance clearance = new ContactClearance(r.bool("approval_required"), r.text("approved_by"),
                r.isNull("approved_at") ? null : r.instant("approved_at"));
        return new StoredLead(r.uuid("id"), r.uuid("customer_id"), new ProductCode(r.text("product_code")),
                r.enumValue("source", LeadSource.class), nullableUuid(r, "agreement_id"), nullableUuid(r, "employer_id"),
                nullableUuid(r, "campaign_id"), r.isNull("linked_on") ? null : r.localDate("linked_on"),
                nullableUuid(r, "team_id"), r.text("assignee"), lifecycle,
                r.isNull("held_at") ? null : r.instant("held_at"), score(r.text("explanation")),
                r.isNull("sla_due_at") ? null : r.instant("sla_due_at"),
                r.isNull("escalated_at") ? null : r.instant("escalated_at"), clearance, r.longValue("version"),
                r.instant("created_at"), r.text("created_by"), r.instant("updated_at"));
    }

    static Money money(java.math.BigDecimal amount, String currency) {
        java.util.Currency c = java.util.Currency.getInstance(currency.trim());
        return new Money(amount.setScale(Math.max(0, c.getDefaultFractionDigits())), c);
    }

    void converted(UUID id, LeadLifecycle after, Conversion c) {
        em.createNativeQuery("""
                        update lead set status = ?2, furthest = ?3, held_from = null, opened_product = ?4, value_amount = ?5,
                            value_currency = ?6, opened_on = ?7, contract_reference = ?8, version = version + 1,
                            updated_at = now() where id = ?1""")
                .setParameter(1, id).setParameter(2, after.status().name()).setParameter(3, after.furthest().name())
                .setParameter(4, c.product().value()).setParameter(5, c.value().amount())
                .setParameter(6, c.value().currency().getCurrencyCode()).setParameter(7, c.openedOn())
                .setParameter(8, c.reference()).executeUpdate();
    }

    private static UUID nullableUuid(SqlRow r, String column) {
        return r.isNull(column) ? null : r.uuid(column);
    }

    private PriorityScore score(String json) {
        try {
            return mapper.readValue(json, PriorityScore.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a lead's priority cannot be read", e);
        }
    }

    private String json(PriorityScore score) {
        try {
            return mapper.writeValueAsString(score);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
