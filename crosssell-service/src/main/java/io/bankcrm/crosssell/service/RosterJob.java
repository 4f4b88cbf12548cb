package io.bankcrm.crosssell.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.crosssell.domain.agreement.AgreementKind;
import io.bankcrm.crosssell.domain.prospect.OfficerRole;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import io.bankcrm.crosssell.domain.roster.MemberChange;
import io.bankcrm.crosssell.domain.roster.ResolvedRow;
import io.bankcrm.crosssell.domain.roster.RosterCall;
import io.bankcrm.crosssell.domain.roster.RosterChanges;
import io.bankcrm.crosssell.domain.roster.RosterMember;
import io.bankcrm.crosssell.domain.roster.RosterReconciliation;
import io.bankcrm.crosssell.domain.roster.RosterRow;
import io.bankcrm.crosssell.domain.roster.RosterRowRules;
import io.bankcrm.crosssell.domain.roster.RowCheck;
import io.bankcrm.crosssell.domain.roster.LeaverPolicy;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.domain.Violation;
import io.bankcrm.platform.jobs.JobContext;
import io.bankcrm.platform.jobs.JobHandler;
import io.bankcrm.platform.time.BankClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The roster job: (1) RESOLVING, row by row from the spool file, validate and register or match the person in
 * customer-service, saving the answer (customer id and the roster's facts) with the progress in one transaction;
 * (2) reconcile with the agreement's current members and save the planned calls; (3) APPLYING, each call (link,
 * end) with its own Idempotency-Key, then in one transaction its effect (members, links, leads) and the call's
 * done flag. A job resumed after a crash goes on at the first row or call not committed, with the same keys.
 * While customer-service is unavailable the job waits (phase "waiting for customer-service"), pausing longer each
 * time up to {@code crm.system-caller.max-pause} (platform's {@code Dependency.awaitIn}), and stays cancellable.
 */
@ApplicationScoped
public class RosterJob implements JobHandler {

    public static final String KIND = "roster";
    static final String WAITING = "waiting for customer-service";
    private static final Logger LOG = Logger.getLogger(RosterJob.class);

    private final EntityManager em;
    private final ObjectMapper json;
    private final CustomerDirectory directory;
    private final Agreements agreements;
    private final EmployerLinks links;
    private final LeadReactions reactions;
    private final Leads leads;
    private final BankClock clock;

    public RosterJob(EntityManager em, ObjectMapper json, CustomerDirectory directory, Agreements agreements,
                     EmployerLinks links, LeadReactions reactions, Leads leads, BankClock clock) {
        this.em = em;
        this.json = json;
        this.directory = directory;
        this.agreements = agreements;
        this.links = links;
        this.reactions = reactions;
        this.leads = leads;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Recovery recovery() {
        return Recovery.RESUME;
    }

    @Override
    public void run(JobContext job) {
        UUID rosterId = job.id();
        UUID agreementId = job.parameters(RosterParameters.class).agreementId();
        StoredAgreement agreement = QuarkusTransaction.requiringNew().call(
                () -> agreements.get(AgreementKind.PAYROLL, agreementId));
        SqlRow roster = QuarkusTransaction.requiringNew().call(() -> row(rosterId));
        if ("RESOLVING".equals(roster.text("phase"))) {
            resolve(job, rosterId, agreement, Path.of(roster.text("spool_file")), roster.intValue("total_rows"),
                    roster.intValue("rows_done"));
            QuarkusTransaction.requiringNew().run(() -> reconcile(job, rosterId, agreement, roster.bool("confirm_leavers")));
        }
        apply(job, rosterId, agreement);
        RosterFile.deleteQuietly(Path.of(roster.text("spool_file")));
    }

    private void resolve(JobContext job, UUID rosterId, StoredAgreement agreement, Path spool, int total, int done) {
        LocalDate today = clock.today();
        try (Stream<RosterRow> rows = RosterFile.read(spool, json, done)) {
            Iterator<RosterRow> it = rows.iterator();
            while (it.hasNext()) {
                RosterRow row = it.next();
                RowCheck check = RosterRowRules.check(row, today);
                CustomerDirectory.Registration answer = check.accepted()
                        ? directory.register(job, waiting(job, row.rowNumber() - 1, total),
                        new CustomerDirectory.Person(check.row().name(), check.row().idNumber(), check.row().mobile(),
                                agreement.branch(), check.row().position()),
                        RosterCall.registrationKey(rosterId, row.rowNumber()))
                        : null;
                QuarkusTransaction.requiringNew().run(() -> {
                    if (!check.accepted()) {
                        errors(rosterId, row.rowNumber(), check.violations());
                    } else if (answer instanceof CustomerDirectory.Registration.Refused refused) {
                        errors(rosterId, row.rowNumber(), refused.errors());
                    } else if (answer instanceof CustomerDirectory.Registration.Registered r) {
                        var v = check.row();
                        em.createNativeQuery("""
                                        insert into roster_resolution (roster_id, row_number, customer_id, matched, position,
                                            officer_role, salary_band) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                                .setParameter(1, rosterId).setParameter(2, row.rowNumber()).setParameter(3, r.customerId())
                                .setParameter(4, r.matched()).setParameter(5, v.position())
                                .setParameter(6, v.officerRole() == null ? null : v.officerRole().name())
                                .setParameter(7, v.salaryBand().name()).executeUpdate();
                    }
                    em.createNativeQuery("update roster set rows_done = ?2 where id = ?1").setParameter(1, rosterId)
                            .setParameter(2, row.rowNumber()).executeUpdate();
                    job.progress("RESOLVING", row.rowNumber(), (long) total);
                });
                job.checkpoint();
            }
        }
    }

    private void reconcile(JobContext job, UUID rosterId, StoredAgreement agreement, boolean confirmLeavers) {
        List<RosterMember> previous = SqlRow.list(em.createNativeQuery("""
                        select customer_id, position, officer_role, salary_band from roster_member
                        where agreement_id = ?1 and left_on is null order by customer_id""", Tuple.class)
                .setParameter(1, agreement.id())).stream().map(RosterJob::member).toList();
        List<ResolvedRow> resolved = SqlRow.list(em.createNativeQuery("""
                        select row_number, customer_id, position, officer_role, salary_band from roster_resolution
                        where roster_id = ?1 order by row_number""", Tuple.class).setParameter(1, rosterId))
                .stream().map(r -> new ResolvedRow(r.longValue("row_number"), member(r))).toList();
        int notApplied = ((Number) em.createNativeQuery(
                        "select count(distinct row_number) from roster_row_error where roster_id = ?1")
                .setParameter(1, rosterId).getSingleResult()).intValue();
        LeaverPolicy policy = confirmLeavers ? LeaverPolicy.DEFAULT.confirm() : LeaverPolicy.DEFAULT;
        RosterChanges changes = RosterReconciliation.reconcile(previous, resolved, notApplied, policy);
        List<RosterCall> calls = changes.calls(rosterId);
        for (int i = 0; i < calls.size(); i++) {
            RosterCall c = calls.get(i);
            em.createNativeQuery("""
                            insert into roster_call (roster_id, seq, kind, customer_id, office, idempotency_key)
                            values (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, rosterId).setParameter(2, i).setParameter(3, c.kind().name())
                    .setParameter(4, c.customerId()).setParameter(5, c.office() == null ? null : c.office().name())
                    .setParameter(6, c.idempotencyKey()).executeUpdate();
        }
        // the facts of members who stay (a new salary band, position) are updated now; their calls come next
        for (MemberChange change : changes.changed()) {
            RosterMember after = change.after();
            em.createNativeQuery("""
                            update roster_member set position = ?3, salary_band = ?4 where agreement_id = ?1 and customer_id = ?2""")
                    .setParameter(1, agreement.id()).setParameter(2, after.customerId()).setParameter(3, after.position())
                    .setParameter(4, after.salaryBand().name()).executeUpdate();
        }
        em.createNativeQuery("""
                        update roster set phase = 'APPLYING', joiners = ?2, changed = ?3, unchanged = ?4, leavers = ?5,
                            withholding = ?6 where id = ?1""")
                .setParameter(1, rosterId).setParameter(2, changes.joiners().size())
                .setParameter(3, changes.changed().size()).setParameter(4, changes.unchanged())
                .setParameter(5, changes.leavers().size()).setParameter(6, changes.withholding().name())
                .executeUpdate();
        for (MemberChange change : changes.changed()) {
            if (change.salaryBandChanged()) {
                leads.rescore(leads.openOfCustomer(change.after().customerId()));
            }
        }
        job.progress("APPLYING", 0, (long) calls.size());
    }

    private void apply(JobContext job, UUID rosterId, StoredAgreement agreement) {
        List<SqlRow> calls = QuarkusTransaction.requiringNew().call(() -> SqlRow.list(em.createNativeQuery("""
                        select seq, kind, customer_id, office, idempotency_key, done from roster_call where roster_id = ?1
                        order by seq""", Tuple.class).setParameter(1, rosterId)));
        LocalDate today = clock.today();
        int total = calls.size();
        for (SqlRow call : calls) {
            if (call.bool("done")) {
                continue;
            }
            int seq = call.intValue("seq");
            RosterCall.Kind kind = call.enumValue("kind", RosterCall.Kind.class);
            UUID customer = call.uuid("customer_id");
            String office = call.text("office");
            String key = call.text("idempotency_key");
            UUID relationship = switch (kind) {
                case LINK_EMPLOYEE -> directory.link(job, waiting(job, seq, total), customer,
                        agreement.corporateId(), "EMPLOYEE_OF", null, today, key);
                case LINK_OFFICER -> directory.link(job, waiting(job, seq, total), customer,
                        agreement.corporateId(), "OFFICER_OF", office, today, key);
                case END_EMPLOYEE, END_OFFICER -> endLink(job, seq, total, rosterId, agreement, customer,
                        kind == RosterCall.Kind.END_EMPLOYEE ? "EMPLOYEE_OF" : "OFFICER_OF", today, key);
            };
            QuarkusTransaction.requiringNew().run(() -> {
                applied(rosterId, agreement, kind, customer, office, relationship, today);
                em.createNativeQuery("update roster_call set done = true, relationship_id = ?3 where roster_id = ?1 and seq = ?2")
                        .setParameter(1, rosterId).setParameter(2, seq).setParameter(3, relationship).executeUpdate();
                if (seq + 1 == total) {
                    em.createNativeQuery("update roster set phase = 'DONE' where id = ?1").setParameter(1, rosterId)
                            .executeUpdate();
                }
                job.progress("APPLYING", seq + 1L, (long) total);
            });
            job.checkpoint();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update roster set phase = 'DONE' where id = ?1").setParameter(1, rosterId)
                    .executeUpdate();
            job.progress("DONE", total, (long) total);
        });
    }

    /** The relationship to end: the link crosssell made or learnt of; ends it in customer-service. */
    private UUID endLink(JobContext job, int seq, int total, UUID rosterId, StoredAgreement agreement, UUID customer,
                         String type, LocalDate today, String key) {
        UUID relationship = QuarkusTransaction.requiringNew().call(() -> {
            List<?> ids = em.createNativeQuery("""
                            select coalesce(case when ?3 = 'EMPLOYEE_OF' then m.employee_link_id else m.officer_link_id end,
                                (select l.relationship_id from employer_link l where l.customer_id = ?2 and l.employer_id = ?4
                                   and l.type = ?3 and l.ended_on is null order by l.linked_on desc limit 1))
                            from roster_member m where m.agreement_id = ?1 and m.customer_id = ?2""")
                    .setParameter(1, agreement.id()).setParameter(2, customer).setParameter(3, type)
                    .setParameter(4, agreement.corporateId()).getResultList();
            return ids.isEmpty() ? null : (UUID) ids.get(0);
        });
        if (relationship == null) {
            LOG.warnf("roster %s: no %s link of customer %s to end; nothing to do in customer-service", rosterId, type,
                    customer);
            return null;
        }
        directory.end(job, waiting(job, seq, total), customer, relationship, today,
                "not on the employer's roster " + rosterId, key);
        return relationship;
    }

    /** The effect of a call that customer-service took: members, links, leads (in the caller's transaction). */
    private void applied(UUID rosterId, StoredAgreement agreement, RosterCall.Kind kind, UUID customer, String office,
                         UUID relationship, LocalDate today) {
        switch (kind) {
            case LINK_EMPLOYEE -> {
                SqlRow facts = SqlRow.first(em.createNativeQuery("""
                                select position, officer_role, salary_band from roster_resolution
                                where roster_id = ?1 and customer_id = ?2 order by row_number limit 1""", Tuple.class)
                        .setParameter(1, rosterId).setParameter(2, customer)).orElseThrow();
                em.createNativeQuery("""
                                insert into roster_member (agreement_id, customer_id, position, officer_role, salary_band,
                                    linked_on, employee_link_id) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                                on conflict (agreement_id, customer_id) do update set position = excluded.position,
                                    officer_role = excluded.officer_role, salary_band = excluded.salary_band,
                                    linked_on = excluded.linked_on, left_on = null, employee_link_id = excluded.employee_link_id""")
                        .setParameter(1, agreement.id()).setParameter(2, customer).setParameter(3, facts.text("position"))
                        .setParameter(4, facts.text("officer_role")).setParameter(5, facts.text("salary_band"))
                        .setParameter(6, today).setParameter(7, relationship).executeUpdate();
                linked(relationship, customer, agreement, "EMPLOYEE_OF", null, today);
            }
            case LINK_OFFICER -> {
                em.createNativeQuery("""
                                update roster_member set officer_role = ?3, officer_link_id = ?4
                                where agreement_id = ?1 and customer_id = ?2""")
                        .setParameter(1, agreement.id()).setParameter(2, customer).setParameter(3, office)
                        .setParameter(4, relationship).executeUpdate();
                linked(relationship, customer, agreement, "OFFICER_OF", office, today);
            }
            case END_OFFICER -> {
                em.createNativeQuery("""
                                update roster_member set officer_role = null, officer_link_id = null
                                where agreement_id = ?1 and customer_id = ?2 and officer_role = ?3""")
                        .setParameter(1, agreement.id()).setParameter(2, customer).setParameter(3, office).executeUpdate();
                if (relationship != null) {
                    reactions.ended(relationship, today);
                }
            }
            case END_EMPLOYEE -> {
                em.createNativeQuery("update roster_member set left_on = ?3 where agreement_id = ?1 and customer_id = ?2")
                        .setParameter(1, agreement.id()).setParameter(2, customer).setParameter(3, today).executeUpdate();
                if (relationship != null) {
                    reactions.ended(relationship, today);
                }
            }
        }
    }

    /** Records the link as customer-service's event would, and ensures its leads (the event later finds them). */
    private void linked(UUID relationship, UUID customer, StoredAgreement agreement, String type, String office,
                        LocalDate today) {
        links.linked(relationship, customer, agreement.corporateId(), type, office, today);
        links.find(relationship).ifPresent(reactions::ensureFor);
    }

    /** Shows that the job waits for customer-service (platform's Dependency pauses and retries meanwhile). */
    private static Runnable waiting(JobContext job, long done, long total) {
        return () -> QuarkusTransaction.requiringNew().run(() -> job.progress(WAITING, done, total));
    }

    private void errors(UUID rosterId, long row, List<Violation> violations) {
        for (Violation v : violations) {
            em.createNativeQuery("insert into roster_row_error (roster_id, row_number, field, message) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, rosterId).setParameter(2, row).setParameter(3, v.field())
                    .setParameter(4, v.message()).executeUpdate();
        }
    }

    private SqlRow row(UUID rosterId) {
        return SqlRow.first(em.createNativeQuery("""
                        select phase, spool_file, total_rows, rows_done, confirm_leavers from roster where id = ?1""",
                Tuple.class).setParameter(1, rosterId)).orElseThrow();
    }

    private static RosterMember member(SqlRow r) {
        return new RosterMember(r.uuid("customer_id"), r.text("position"),
                OfficerRole.parse(r.text("officer_role")).orElse(null),
                SalaryBand.parse(r.text("salary_band")).orElseThrow());
    }
}
