package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.Stamp;
import io.bankcrm.merchant.domain.agreement.Agreement;
import io.bankcrm.merchant.domain.agreement.Fulfilment;
import io.bankcrm.merchant.domain.agreement.InKindObligation;
import io.bankcrm.merchant.domain.agreement.Obligor;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.StateConflict;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Partnership agreements in PostgreSQL: the agreement is stored when the merchant signs it (the AGREEMENT_SIGNED
 * step); its in-kind obligations are added, and their fulfilments recorded, under the agreement's version (If-Match),
 * through the domain's {@link Agreement}, which refuses a fulfilment that predates the agreement.
 */
@ApplicationScoped
@Transactional
public class Agreements {

    public static final String NOT_SIGNED = "agreement-not-signed";

    private final EntityManager em;
    private final MerchantStore merchants;
    private final Caller caller;
    private final BankClock clock;

    public Agreements(EntityManager em, MerchantStore merchants, Caller caller, BankClock clock) {
        this.em = em;
        this.merchants = merchants;
        this.caller = caller;
        this.clock = clock;
    }

    /** An agreement as stored: the domain agreement, who signed it, who recorded what, and its version. */
    public record StoredAgreement(Agreement agreement, String signedBy, Map<UUID, Stamp> obligationStamps,
                                 long version) {
    }

    /** Stores the agreement the merchant signed now (in the onboarding step's transaction); once per merchant. */
    public void signed(UUID merchantId, UUID agreementId, Stamp stamp) {
        em.createNativeQuery("""
                        insert into agreement (id, merchant_id, signed_on, signed_by) values (?1, ?2, ?3, ?4)
                        on conflict (merchant_id) do nothing""")
                .setParameter(1, agreementId).setParameter(2, merchantId)
                .setParameter(3, LocalDate.ofInstant(stamp.at(), clock.zone())).setParameter(4, stamp.actor())
                .executeUpdate();
    }

    /** The merchant's agreement; 404 for an unknown merchant and, saying so, before it signed one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredAgreement get(UUID merchantId) {
        return find(merchantId, false).orElseThrow(() -> {
            Merchant merchant = merchants.get(merchantId);
            return new ProblemException("not-found", "Not found", 404, "merchant " + merchantId
                    + " has not signed an agreement yet (" + merchant.onboarding().status() + ")", List.of(), Map.of());
        });
    }

    /** Adds an in-kind obligation to the merchant's agreement (If-Match: the agreement's version). */
    public Added addObligation(UUID merchantId, ObligationForm form, String ifMatch) {
        StoredAgreement stored = load(merchantId, true);
        Versions.requireMatch(ifMatch, stored.version());
        UUID id = UUID.randomUUID();
        InKindObligation obligation = InKindObligation.promise(id, form.obligor(), form.description().strip(),
                form.target(), form.unit().strip(), form.dueBy());
        if (form.dueBy().isBefore(stored.agreement().validFrom())) {
            throw new InvalidInput("dueBy", "before the agreement was signed (" + stored.agreement().validFrom() + ")");
        }
        Stamp stamp = stamp();
        em.createNativeQuery("""
                        insert into in_kind_obligation (id, agreement_id, seq, obligor, description, target, unit,
                            due_by, created_at, created_by)
                        values (?1, ?2, (select coalesce(max(seq), 0) + 1 from in_kind_obligation where agreement_id = ?2),
                            ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, id).setParameter(2, stored.agreement().id())
                .setParameter(3, obligation.obligor().name()).setParameter(4, obligation.description())
                .setParameter(5, obligation.target()).setParameter(6, obligation.unit())
                .setParameter(7, obligation.dueBy()).setParameter(8, stamp.at()).setParameter(9, stamp.actor())
                .executeUpdate();
        bump(stored);
        return new Added(load(merchantId, false), id);
    }

    /** Records a fulfilment of one obligation (If-Match: the agreement's version); 404 for an unknown obligation. */
    public Added fulfil(UUID merchantId, UUID obligationId, FulfilmentForm form, String ifMatch) {
        StoredAgreement stored = load(merchantId, true);
        Versions.requireMatch(ifMatch, stored.version());
        InKindObligation obligation = stored.agreement().obligations().stream()
                .filter(o -> o.id().equals(obligationId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("obligation", obligationId));
        if (form.on().isAfter(clock.today())) {
            throw new InvalidInput("on", "a fulfilment is recorded once done, not ahead (today is " + clock.today() + ")");
        }
        Stamp stamp = stamp();
        Fulfilment fulfilment = new Fulfilment(form.quantity(), form.on(),
                form.evidence() == null || form.evidence().isBlank() ? null : form.evidence().strip(), stamp);
        stored.agreement().fulfil(obligationId, fulfilment); // the domain's rules (not before the agreement)
        em.createNativeQuery("""
                        insert into fulfilment (obligation_id, seq, quantity, fulfilled_on, evidence, recorded_by,
                            recorded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, obligationId).setParameter(2, obligation.fulfilments().size() + 1)
                .setParameter(3, fulfilment.quantity()).setParameter(4, fulfilment.on())
                .setParameter(5, fulfilment.evidence()).setParameter(6, stamp.actor()).setParameter(7, stamp.at())
                .executeUpdate();
        bump(stored);
        return new Added(load(merchantId, false), obligationId);
    }

    /** The agreement after a change and the obligation it touched. */
    public record Added(StoredAgreement agreement, UUID obligationId) {

        public InKindObligation obligation() {
            return agreement.agreement().obligations().stream().filter(o -> o.id().equals(obligationId))
                    .findFirst().orElseThrow();
        }
    }

    private void bump(StoredAgreement stored) {
        em.createNativeQuery("update agreement set version = version + 1 where id = ?1")
                .setParameter(1, stored.agreement().id()).executeUpdate();
    }

    /** The agreement to change, locked; 404 for an unknown merchant, 409 before it signed one. */
    private StoredAgreement load(UUID merchantId, boolean lock) {
        return find(merchantId, lock).orElseThrow(() -> {
            Merchant merchant = merchants.get(merchantId);
            return new StateConflict(NOT_SIGNED, "merchant " + merchantId + " has not signed an agreement yet ("
                    + merchant.onboarding().status() + ")");
        });
    }

    private Optional<StoredAgreement> find(UUID merchantId, boolean lock) {
        Optional<SqlRow> row = SqlRow.first(em.createNativeQuery(
                        "select id, signed_on, signed_by, version from agreement where merchant_id = ?1"
                                + (lock ? " for update" : ""), Tuple.class)
                .setParameter(1, merchantId));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        UUID id = row.get().uuid("id");
        Map<UUID, List<Fulfilment>> fulfilments = new LinkedHashMap<>();
        SqlRow.list(em.createNativeQuery("""
                        select f.obligation_id, f.quantity, f.fulfilled_on, f.evidence, f.recorded_by, f.recorded_at
                        from fulfilment f join in_kind_obligation o on o.id = f.obligation_id
                        where o.agreement_id = ?1 order by f.obligation_id, f.seq""", Tuple.class)
                .setParameter(1, id)).forEach(f -> fulfilments.computeIfAbsent(f.uuid("obligation_id"),
                k -> new ArrayList<>()).add(new Fulfilment(f.intValue("quantity"), f.localDate("fulfilled_on"),
                f.isNull("evidence") ? null : f.text("evidence"),
                new Stamp(f.text("recorded_by"), f.instant("recorded_at")))));
        List<InKindObligation> obligations = new ArrayList<>();
        Map<UUID, Stamp> stamps = new LinkedHashMap<>();
        SqlRow.list(em.createNativeQuery("""
                        select id, obligor, description, target, unit, due_by, created_by, created_at
                        from in_kind_obligation where agreement_id = ?1 order by seq""", Tuple.class)
                .setParameter(1, id)).forEach(o -> {
            UUID oid = o.uuid("id");
            obligations.add(new InKindObligation(oid, o.enumValue("obligor", Obligor.class), o.text("description"),
                    o.intValue("target"), o.text("unit"), o.localDate("due_by"),
                    fulfilments.getOrDefault(oid, List.of())));
            stamps.put(oid, new Stamp(o.text("created_by"), o.instant("created_at")));
        });
        LocalDate signedOn = row.get().localDate("signed_on");
        return Optional.of(new StoredAgreement(new Agreement(id, merchantId, signedOn, signedOn, null, obligations),
                row.get().text("signed_by"), stamps, row.get().longValue("version")));
    }

    private Stamp stamp() {
        return new Stamp(caller.name(), clock.now());
    }
}
