package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.agreement.AgreementChange;
import io.bankcrm.crosssell.domain.agreement.AgreementKind;
import io.bankcrm.crosssell.domain.agreement.AgreementStatus;
import io.bankcrm.crosssell.domain.agreement.CollectionCategory;
import io.bankcrm.crosssell.domain.agreement.CollectionTerms;
import io.bankcrm.crosssell.domain.agreement.PayrollTerms;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.money.Money;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.bankcrm.platform.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Payroll and collection agreements of corporate customers: signing (as a DRAFT), their life cycle with who, when
 * and why, and what a step does to the agreement's open leads (announced as an {@link AgreementChanged} in the
 * same transaction).
 */
@ApplicationScoped
@Transactional
public class Agreements {

    private final EntityManager em;
    private final CustomerFacts facts;
    private final BankClock clock;
    private final Event<AgreementChanged> changed;

    public Agreements(EntityManager em, CustomerFacts facts, BankClock clock, Event<AgreementChanged> changed) {
        this.em = em;
        this.facts = facts;
        this.clock = clock;
        this.changed = changed;
    }

    /** Records a new agreement as DRAFT. The corporate must be known from customer-service's events. */
    public StoredAgreement create(AgreementRequest request, String user) {
        PayrollTerms payroll = request instanceof AgreementRequest.Payroll p ? p.terms() : null;
        CollectionTerms collection = request instanceof AgreementRequest.Collection c ? c.terms() : null;
        InvalidInput.throwIfAny(payroll != null ? payroll.violations() : collection.violations());
        CustomerFacts.Fact corporate = facts.find(request.corporateId())
                .filter(f -> f.kind() == CustomerKind.CORPORATE)
                .orElseThrow(() -> ProblemException.unprocessable("unknown-corporate", "customer "
                        + request.corporateId() + " is not a corporate customer known to crosssell-service (it learns "
                        + "them from customer-service's events; a customer registered a moment ago may not be here yet)"));
        String branch = request.branch() != null ? request.branch() : corporate.homeBranch();
        if (branch == null) {
            throw new InvalidInput("branch", "is required: the corporate customer has no home branch");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        Money fee = payroll != null ? payroll.feePerPayment() : collection.feePerItem();
        em.createNativeQuery("""
                        insert into agreement (id, kind, corporate_id, branch, corporate_team_id, relationship_manager, account,
                            pay_day, expected_headcount, category, payers_per_month, fee_amount, fee_currency,
                            contact_needs_approval, status, version, created_at, created_by, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'DRAFT', 1, ?15, ?16, ?15)""")
                .setParameter(1, id).setParameter(2, request.kind().name()).setParameter(3, request.corporateId())
                .setParameter(4, branch).setParameter(5, request.corporateTeamId())
                .setParameter(6, request.relationshipManager())
                .setParameter(7, payroll != null ? payroll.payrollAccount() : collection.settlementAccount())
                .setParameter(8, payroll != null ? payroll.payDay() : null)
                .setParameter(9, payroll != null ? payroll.expectedHeadcount() : null)
                .setParameter(10, collection != null ? collection.category().name() : null)
                .setParameter(11, collection != null ? collection.payersPerMonth() : null)
                .setParameter(12, fee.amount()).setParameter(13, fee.currency().getCurrencyCode())
                .setParameter(14, payroll != null && payroll.contactNeedsApproval())
                .setParameter(15, now).setParameter(16, user)
                .executeUpdate();
        history(id, null, AgreementStatus.DRAFT, user, now, null);
        return get(request.kind(), id);
    }

    /**
     * Moves the agreement to {@code target} if the life cycle allows it (409 naming the allowed steps otherwise),
     * records the step and applies its effect on the open leads in the same transaction.
     */
    public StoredAgreement changeStatus(AgreementKind kind, UUID id, AgreementStatus target, String reason,
                                        String ifMatch, String user) {
        StoredAgreement current = locked(kind, id);
        Versions.requireMatch(ifMatch, current.version());
        Instant now = clock.now();
        AgreementChange change = current.status().moveTo(target, user, now, reason);
        em.createNativeQuery("update agreement set status = ?2, version = version + 1, updated_at = ?3 where id = ?1")
                .setParameter(1, id).setParameter(2, target.name()).setParameter(3, now).executeUpdate();
        history(id, current.status(), target, user, now, change.transition().reason());
        changed.fire(new AgreementChanged(current, change));
        return get(kind, id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredAgreement get(AgreementKind kind, UUID id) {
        return find(id).filter(a -> a.kind() == kind).orElseThrow(() -> notFound(kind, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredAgreement> find(UUID id) {
        return SqlRow.first(em.createNativeQuery(SELECT + " where id = ?1", Tuple.class).setParameter(1, id))
                .map(Agreements::stored);
    }

    /** The ACTIVE agreements of a corporate customer, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredAgreement> activeOf(UUID corporateId, AgreementKind kind) {
        return SqlRow.list(em.createNativeQuery(SELECT + " " + """
                         where corporate_id = ?1 and kind = ?2 and status = 'ACTIVE' order by created_at, id""", Tuple.class)
                .setParameter(1, corporateId).setParameter(2, kind.name())).stream().map(Agreements::stored).toList();
    }

    /** Agreements of one kind by id, optionally of one corporate and in one status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StoredAgreement> list(AgreementKind kind, UUID corporateId, AgreementStatus status, PageRequest page) {
        List<SqlRow> rows = SqlRow.list(em.createNativeQuery(SELECT + " " + """
                         where kind = ?1 and (cast(?2 as uuid) is null or corporate_id = ?2) and (?3 = '' or status = ?3)
                           and (?4 or id > ?5) order by id limit ?6""", Tuple.class)
                .setParameter(1, kind.name()).setParameter(2, corporateId)
                .setParameter(3, status == null ? "" : status.name())
                .setParameter(4, page.first()).setParameter(5, page.first() ? new UUID(0, 0) : page.afterUuid(0))
                .setParameter(6, page.limit() + 1));
        return Page.fromOverfetch(rows.stream().map(Agreements::stored).toList(), page.limit(), a -> a,
                a -> PageRequest.cursorAfter(a.id().toString()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgreementHistoryLine> history(AgreementKind kind, UUID id) {
        get(kind, id);
        return SqlRow.list(em.createNativeQuery("""
                        select from_status, to_status, actor, at, reason from agreement_history
                        where agreement_id = ?1 order by seq""", Tuple.class).setParameter(1, id)).stream()
                .map(r -> new AgreementHistoryLine(
                        r.isNull("from_status") ? null : r.enumValue("from_status", AgreementStatus.class),
                        r.enumValue("to_status", AgreementStatus.class), r.text("actor"), r.instant("at"),
                        r.text("reason")))
                .toList();
    }

    private StoredAgreement locked(AgreementKind kind, UUID id) {
        return SqlRow.first(em.createNativeQuery(SELECT + " where id = ?1 for update", Tuple.class).setParameter(1, id))
                .map(Agreements::stored).filter(a -> a.kind() == kind).orElseThrow(() -> notFound(kind, id));
    }

    private void history(UUID id, AgreementStatus from, AgreementStatus to, String actor, Instant at, String reason) {
        em.createNativeQuery("""
                        insert into agreement_history (agreement_id, from_status, to_status, actor, at, reason)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, id).setParameter(2, from == null ? null : from.name()).setParameter(3, to.name())
                .setParameter(4, actor).setParameter(5, at).setParameter(6, reason).executeUpdate();
    }

    private static ProblemException notFound(AgreementKind kind, UUID id) {
        return ProblemException.notFound(kind == AgreementKind.PAYROLL ? "payroll agreement" : "collection agreement", id);
    }

    private static final String SELECT = """
            select id, kind, corporate_id, branch, corporate_team_id, relationship_manager, account, pay_day,
                expected_headcount, category, payers_per_month, fee_amount, fee_currency, contact_needs_approval, status,
                version, created_at, created_by, updated_at from agreement""";

    private static StoredAgreement stored(SqlRow r) {
        AgreementKind kind = r.enumValue("kind", AgreementKind.class);
        Currency currency = Currency.getInstance(r.text("fee_currency"));
        Money fee = new Money(r.decimal("fee_amount").setScale(Math.max(0, currency.getDefaultFractionDigits())),
                currency);
        PayrollTerms payroll = kind == AgreementKind.PAYROLL ? new PayrollTerms(r.text("account"),
                r.intValue("pay_day"), r.intValue("expected_headcount"), fee, r.bool("contact_needs_approval")) : null;
        CollectionTerms collection = kind == AgreementKind.COLLECTION ? new CollectionTerms(
                r.enumValue("category", CollectionCategory.class), r.text("account"), r.intValue("payers_per_month"),
                fee) : null;
        return new StoredAgreement(r.uuid("id"), kind, r.uuid("corporate_id"), r.text("branch"),
                r.isNull("corporate_team_id") ? null : r.uuid("corporate_team_id"), r.text("relationship_manager"),
                payroll, collection, r.enumValue("status", AgreementStatus.class), r.longValue("version"),
                r.instant("created_at"), r.text("created_by"), r.instant("updated_at"));
    }
}
