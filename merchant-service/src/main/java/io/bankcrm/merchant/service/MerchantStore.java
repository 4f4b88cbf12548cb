package io.bankcrm.merchant.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.merchant.domain.Stamp;
import io.bankcrm.merchant.domain.merchant.Address;
import io.bankcrm.merchant.domain.merchant.LegalRepresentative;
import io.bankcrm.merchant.domain.merchant.MccGroup;
import io.bankcrm.merchant.domain.merchant.MerchantApplication;
import io.bankcrm.merchant.domain.merchant.SettlementAccount;
import io.bankcrm.merchant.domain.onboarding.DocumentType;
import io.bankcrm.merchant.domain.onboarding.Onboarding;
import io.bankcrm.merchant.domain.onboarding.OnboardingStatus;
import io.bankcrm.merchant.domain.onboarding.OnboardingStep;
import io.bankcrm.merchant.domain.onboarding.RiskAssessment;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.domain.StateConflict;
import io.bankcrm.platform.pii.PiiProtector;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Merchants and their onboarding in PostgreSQL (native SQL): the application's fields, the status columns the
 * overdue list scans, each step, document and terminal as rows. The legal representative's resident ID is stored
 * encrypted with a blind index, never in clear.
 */
@ApplicationScoped
@Transactional
public class MerchantStore {

    private final EntityManager em;
    private final PiiProtector pii;
    private final ObjectMapper mapper;

    public MerchantStore(EntityManager em, PiiProtector pii, ObjectMapper mapper) {
        this.em = em;
        this.pii = pii;
        this.mapper = mapper;
    }

    /** Inserts a new merchant; empty when the credit code is already a merchant's (the existing id is returned). */
    public Optional<UUID> insert(UUID id, MerchantApplication a, Onboarding onboarding, Stamp stamp) {
        SettlementAccount account = a.settlementAccount();
        int inserted = em.createNativeQuery("""
                        insert into merchant (id, registered_name, credit_code, licence_number, licence_expiry,
                            legal_rep_name, legal_rep_id_encrypted, legal_rep_id_index, mcc, mcc_group,
                            registered_address, business_address, settlement_account_name, settlement_bank_code,
                            settlement_account_number, status, applied_on, entered_status_at, created_at, created_by,
                            updated_at, updated_by)
                        values (?1, ?2, ?3, ?4, cast(?5 as date), ?6, ?7, ?8, ?9, ?10, cast(?11 as jsonb), cast(?12 as jsonb), ?13,
                            ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?19, ?20)
                        on conflict (credit_code) do nothing""")
                .setParameter(1, id)
                .setParameter(2, a.registeredName())
                .setParameter(3, a.creditCode())
                .setParameter(4, a.licenceNumber())
                .setParameter(5, a.licenceExpiry())
                .setParameter(6, a.legalRepresentative().name())
                .setParameter(7, pii.encrypt(a.legalRepresentative().residentIdNumber()))
                .setParameter(8, pii.blindIndex(a.legalRepresentative().residentIdNumber()))
                .setParameter(9, a.mcc())
                .setParameter(10, onboarding.group().name())
                .setParameter(11, json(a.registeredAddress()))
                .setParameter(12, json(a.businessAddress()))
                .setParameter(13, account.accountName())
                .setParameter(14, account.bankCode())
                .setParameter(15, account.accountNumber())
                .setParameter(16, onboarding.status().name())
                .setParameter(17, onboarding.appliedOn())
                .setParameter(18, onboarding.enteredCurrentStatusAt())
                .setParameter(19, stamp.at())
                .setParameter(20, stamp.actor())
                .executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        writeSteps(id, onboarding.steps(), 0);
        return Optional.of(id);
    }

    public Optional<UUID> idByCreditCode(String creditCode) {
        return SqlRow.first(em.createNativeQuery("select id from merchant where credit_code = ?1", Tuple.class)
                .setParameter(1, creditCode)).map(r -> r.uuid("id"));
    }

    /** The merchant, or 404. */
    public Merchant get(UUID id) {
        return find(id, false).orElseThrow(() -> ProblemException.notFound("merchant", id));
    }

    /** The merchant with its row locked until the transaction ends (for a change), or 404. */
    public Merchant lock(UUID id) {
        return find(id, true).orElseThrow(() -> ProblemException.notFound("merchant", id));
    }

    private Optional<Merchant> find(UUID id, boolean forUpdate) {
        return SqlRow.first(em.createNativeQuery("select * from merchant where id = ?1"
                        + (forUpdate ? " for update" : ""), Tuple.class).setParameter(1, id))
                .map(this::merchant);
    }

    /**
     * Writes what {@code after} added to {@code before}: the status columns, the new steps, documents and
     * terminals; the version goes up by one.
     *
     * @throws StateConflict {@code terminal-taken} when a terminal id is another merchant's
     */
    public Merchant update(Merchant before, Stamp stamp) {
        Onboarding o = before.onboarding();
        Optional<RiskAssessment> risk = o.risk();
        em.createNativeQuery("""
                        update merchant set status = ?2, suspended_from = cast(?3 as varchar),
                            risk_decision = cast(?4 as varchar), risk_score = cast(?5 as integer),
                            risk_reasons = cast(?6 as text[]), agreement_id = cast(?7 as uuid), entered_status_at = ?8, updated_at = ?9,
                            updated_by = ?10, version = version + 1
                        where id = ?1""")
                .setParameter(1, before.id())
                .setParameter(2, o.status().name())
                .setParameter(3, o.suspendedFrom().map(Enum::name).orElse(null))
                .setParameter(4, risk.map(r -> r.decision().name()).orElse(null))
                .setParameter(5, risk.map(RiskAssessment::score).orElse(null))
                .setParameter(6, risk.map(r -> r.reasons().toArray(String[]::new)).orElse(null))
                .setParameter(7, o.agreementId().orElse(null))
                .setParameter(8, o.enteredCurrentStatusAt())
                .setParameter(9, stamp.at())
                .setParameter(10, stamp.actor())
                .executeUpdate();
        writeSteps(before.id(), o.steps(), stepCount(before.id()));
        for (Map.Entry<DocumentType, Stamp> d : o.documents().entrySet()) {
            em.createNativeQuery("""
                            insert into merchant_document (merchant_id, document_type, received_by, received_at)
                            values (?1, ?2, ?3, ?4) on conflict (merchant_id, document_type) do nothing""")
                    .setParameter(1, before.id()).setParameter(2, d.getKey().name())
                    .setParameter(3, d.getValue().actor()).setParameter(4, d.getValue().at())
                    .executeUpdate();
        }
        List<String> stored = terminals(before.id());
        for (String terminal : o.terminalIds()) {
            if (stored.contains(terminal)) {
                continue;
            }
            int added = em.createNativeQuery("""
                            insert into terminal (terminal_id, merchant_id, installed_by, installed_at)
                            values (?1, ?2, ?3, ?4) on conflict (terminal_id) do nothing""")
                    .setParameter(1, terminal).setParameter(2, before.id())
                    .setParameter(3, stamp.actor()).setParameter(4, stamp.at())
                    .executeUpdate();
            if (added == 0) {
                throw new StateConflict("terminal-taken", "terminal " + terminal + " belongs to another merchant");
            }
        }
        return get(before.id());
    }

    /** A page of merchants in id order, optionally of one status and MCC group. */
    public Page<Merchant> page(OnboardingStatus status, MccGroup group, PageRequest page) {
        var query = em.createNativeQuery("""
                        select * from merchant
                        where (cast(?1 as varchar) is null or status = ?1)
                          and (cast(?2 as varchar) is null or mcc_group = ?2)
                          and (cast(?3 as uuid) is null or id > ?3)
                        order by id limit ?4""", Tuple.class)
                .setParameter(1, status == null ? null : status.name())
                .setParameter(2, group == null ? null : group.name())
                .setParameter(3, page.first() ? null : page.afterUuid(0))
                .setParameter(4, page.limit() + 1);
        return Page.fromOverfetch(SqlRow.list(query), page.limit(), this::merchant,
                row -> PageRequest.cursorAfter(row.uuid("id").toString()));
    }

    /**
     * Merchants waiting in a status longer than its SLA allows, the longest overdue first: one scan of
     * {@code (status, entered_status_at)} per status with an SLA. A declined merchant waits for nothing.
     *
     * @param waits seconds allowed per status
     */
    public List<Merchant> overdue(Map<OnboardingStatus, Long> waits, Instant now, int limit) {
        if (waits.isEmpty()) {
            return List.of();
        }
        StringBuilder values = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (Map.Entry<OnboardingStatus, Long> wait : waits.entrySet()) {
            values.append(values.isEmpty() ? "" : ", ").append("(cast(?").append(parameters.size() + 1)
                    .append(" as varchar), cast(?").append(parameters.size() + 2).append(" as bigint))");
            parameters.add(wait.getKey().name());
            parameters.add(wait.getValue());
        }
        int nowAt = parameters.size() + 1;
        var query = em.createNativeQuery("""
                select m.* from merchant m join (values %s) as sla(status, seconds) on m.status = sla.status
                where m.entered_status_at + make_interval(secs => sla.seconds) < ?%d
                  and m.risk_decision is distinct from 'DECLINED'
                order by m.entered_status_at + make_interval(secs => sla.seconds), m.id
                limit ?%d""".formatted(values, nowAt, nowAt + 1), Tuple.class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        query.setParameter(nowAt, now).setParameter(nowAt + 1, limit);
        return SqlRow.list(query).stream().map(this::merchant).toList();
    }

    /** The merchant a terminal belongs to, if any. */
    public Optional<UUID> merchantOfTerminal(String terminalId) {
        return SqlRow.first(em.createNativeQuery("select merchant_id from terminal where terminal_id = ?1",
                Tuple.class).setParameter(1, terminalId)).map(r -> r.uuid("merchant_id"));
    }

    private Merchant merchant(SqlRow row) {
        UUID id = row.uuid("id");
        LegalRepresentative rep = new LegalRepresentative(row.text("legal_rep_name"),
                pii.decrypt(row.text("legal_rep_id_encrypted")));
        MerchantApplication application = new MerchantApplication(row.text("registered_name"),
                row.text("credit_code"), row.text("licence_number"), row.localDate("licence_expiry"), rep,
                row.text("mcc"), address(row.text("registered_address")), address(row.text("business_address")),
                new SettlementAccount(row.text("settlement_account_name"), row.text("settlement_bank_code"),
                        row.text("settlement_account_number")));
        RiskAssessment risk = row.isNull("risk_decision") ? null
                : new RiskAssessment(row.enumValue("risk_decision", RiskAssessment.Decision.class),
                row.intValue("risk_score"), row.texts("risk_reasons"));
        Onboarding onboarding = Onboarding.restore(id, row.enumValue("mcc_group", MccGroup.class),
                row.localDate("licence_expiry"), row.localDate("applied_on"),
                row.enumValue("status", OnboardingStatus.class),
                row.isNull("suspended_from") ? null : row.enumValue("suspended_from", OnboardingStatus.class),
                risk, row.uuid("agreement_id"), terminals(id), documents(id), steps(id));
        return new Merchant(id, application, onboarding, row.instant("created_at"), row.text("created_by"),
                row.instant("updated_at"), row.text("updated_by"), row.longValue("version"));
    }

    private List<OnboardingStep> steps(UUID id) {
        return SqlRow.list(em.createNativeQuery("""
                        select from_status, to_status, actor, at, note from onboarding_step
                        where merchant_id = ?1 order by seq""", Tuple.class).setParameter(1, id)).stream()
                .map(r -> new OnboardingStep(
                        r.isNull("from_status") ? null : r.enumValue("from_status", OnboardingStatus.class),
                        r.enumValue("to_status", OnboardingStatus.class),
                        new Stamp(r.text("actor"), r.instant("at")), r.text("note")))
                .toList();
    }

    private Map<DocumentType, Stamp> documents(UUID id) {
        Map<DocumentType, Stamp> documents = new EnumMap<>(DocumentType.class);
        SqlRow.list(em.createNativeQuery("""
                        select document_type, received_by, received_at from merchant_document where merchant_id = ?1""",
                        Tuple.class).setParameter(1, id))
                .forEach(r -> documents.put(r.enumValue("document_type", DocumentType.class),
                        new Stamp(r.text("received_by"), r.instant("received_at"))));
        return documents;
    }

    private List<String> terminals(UUID id) {
        return SqlRow.list(em.createNativeQuery(
                        "select terminal_id from terminal where merchant_id = ?1 order by installed_at, terminal_id",
                        Tuple.class).setParameter(1, id)).stream()
                .map(r -> r.text("terminal_id")).toList();
    }

    private int stepCount(UUID id) {
        return ((Number) em.createNativeQuery("select count(*) from onboarding_step where merchant_id = ?1")
                .setParameter(1, id).getSingleResult()).intValue();
    }

    private void writeSteps(UUID id, List<OnboardingStep> steps, int from) {
        for (int seq = from; seq < steps.size(); seq++) {
            OnboardingStep step = steps.get(seq);
            em.createNativeQuery("""
                            insert into onboarding_step (merchant_id, seq, from_status, to_status, actor, at, note)
                            values (?1, ?2, cast(?3 as varchar), ?4, ?5, ?6, cast(?7 as varchar))""")
                    .setParameter(1, id).setParameter(2, seq)
                    .setParameter(3, step.from() == null ? null : step.from().name())
                    .setParameter(4, step.to().name())
                    .setParameter(5, step.stamp().actor()).setParameter(6, step.stamp().at())
                    .setParameter(7, step.note())
                    .executeUpdate();
        }
    }

    private String json(Address address) {
        try {
            return mapper.writeValueAsString(address);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an address cannot be written as JSON", e);
        }
    }

    private Address address(String json) {
        try {
            return mapper.readValue(json, Address.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored address is not readable", e);
        }
    }
}
