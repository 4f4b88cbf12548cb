package io.bankcrm.crosssell.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.crosssell.domain.agreement.AgreementKind;
import io.bankcrm.platform.config.PlatformConfig;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.domain.StateConflict;
import io.bankcrm.platform.jobs.JobView;
import io.bankcrm.platform.jobs.Jobs;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Roster submissions of payroll agreements: the upload is spooled, then a job of kind {@value RosterJob#KIND}
 * registers or matches every employee in customer-service, reconciles with the current members and links or
 * ends their employment; this class submits it and shows it.
 */
@ApplicationScoped
public class Rosters {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Agreements agreements;
    private final Jobs jobs;
    private final BankClock clock;
    private final Path spool;

    public Rosters(EntityManager em, ObjectMapper json, Agreements agreements, Jobs jobs, BankClock clock,
                   PlatformConfig platform) {
        this.em = em;
        this.json = json;
        this.agreements = agreements;
        this.jobs = jobs;
        this.clock = clock;
        this.spool = Path.of(platform.imports().spoolDir()).toAbsolutePath().resolve("rosters");
    }

    /** Spools the upload and submits its job; only an ACTIVE payroll agreement takes a roster (409). */
    public RosterStatus submit(UUID agreementId, InputStream body, String contentType, boolean confirmLeavers,
                               String user) {
        StoredAgreement agreement = agreements.get(AgreementKind.PAYROLL, agreementId);
        if (!agreement.status().isActive()) {
            throw new StateConflict("agreement-not-active", "only an ACTIVE agreement takes a roster; this one is "
                    + agreement.status());
        }
        Path file = spool.resolve(UUID.randomUUID() + ".ndjson");
        try {
            Files.createDirectories(spool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the roster spool directory", e);
        }
        int rows = RosterFile.spool(body, contentType, file, json);
        try {
            UUID id = QuarkusTransaction.requiringNew().call(() -> {
                UUID jobId = jobs.submit(RosterJob.KIND, new RosterParameters(agreementId), (long) rows, user);
                em.createNativeQuery("""
                                insert into roster (id, agreement_id, confirm_leavers, spool_file, total_rows, submitted_by,
                                    submitted_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                        .setParameter(1, jobId).setParameter(2, agreementId).setParameter(3, confirmLeavers)
                        .setParameter(4, file.toString()).setParameter(5, rows).setParameter(6, user)
                        .setParameter(7, clock.now()).executeUpdate();
                return jobId;
            });
            return get(agreementId, id);
        } catch (RuntimeException e) {
            RosterFile.deleteQuietly(file);
            throw e;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RosterStatus get(UUID agreementId, UUID rosterId) {
        SqlRow r = SqlRow.first(em.createNativeQuery("""
                        select total_rows, rows_done, phase, joiners, changed, unchanged, leavers, withholding,
                            (select count(distinct row_number) from roster_row_error e where e.roster_id = r.id) as refused,
                            (select count(*) from roster_call c where c.roster_id = r.id) as calls,
                            (select count(*) from roster_call c where c.roster_id = r.id and c.done) as calls_done
                        from roster r where id = ?1 and agreement_id = ?2""", Tuple.class)
                .setParameter(1, rosterId).setParameter(2, agreementId))
                .orElseThrow(() -> ProblemException.notFound("roster", rosterId));
        JobView<RosterSummary> job = jobs.get(RosterJob.KIND, rosterId).view(RosterSummary.class);
        RosterSummary now = new RosterSummary(r.intValue("total_rows"), (int) r.longValue("refused"),
                r.isNull("joiners") ? null : r.intValue("joiners"), r.isNull("changed") ? null : r.intValue("changed"),
                r.isNull("unchanged") ? null : r.intValue("unchanged"), r.isNull("leavers") ? null : r.intValue("leavers"),
                r.isNull("withholding") ? null
                        : r.enumValue("withholding", io.bankcrm.crosssell.domain.roster.LeaverWithholding.class),
                (int) r.longValue("calls_done"), r.isNull("joiners") ? null : (int) r.longValue("calls"));
        return new RosterStatus(agreementId, job, r.text("phase"), now);
    }

    /** The rows not applied, by row: the field and the message (never the ID number or mobile). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RowError> errors(UUID agreementId, UUID rosterId, PageRequest page) {
        get(agreementId, rosterId);
        List<RowError> rows = SqlRow.list(em.createNativeQuery("""
                        select row_number, field, message from roster_row_error where roster_id = ?1 and row_number > ?2
                        order by row_number, field limit ?3""", Tuple.class)
                .setParameter(1, rosterId).setParameter(2, page.first() ? 0L : page.afterLong(0))
                .setParameter(3, page.limit() + 1)).stream()
                .map(r -> new RowError(r.longValue("row_number"), r.text("field"), r.text("message"))).toList();
        return Page.fromOverfetch(rows, page.limit(), e -> e, e -> PageRequest.cursorAfter(Long.toString(e.row())));
    }

    /** The agreement's current roster members (what crosssell keeps of them). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Member> members(UUID agreementId, PageRequest page) {
        agreements.get(AgreementKind.PAYROLL, agreementId);
        List<Member> rows = SqlRow.list(em.createNativeQuery("""
                        select customer_id, position, officer_role, salary_band, linked_on from roster_member
                        where agreement_id = ?1 and left_on is null and (?2 or customer_id > ?3)
                        order by customer_id limit ?4""", Tuple.class)
                .setParameter(1, agreementId).setParameter(2, page.first())
                .setParameter(3, page.first() ? new UUID(0, 0) : page.afterUuid(0))
                .setParameter(4, page.limit() + 1)).stream()
                .map(r -> new Member(r.uuid("customer_id"), r.text("position"), r.text("officer_role"),
                        r.text("salary_band"), r.localDate("linked_on"))).toList();
        return Page.fromOverfetch(rows, page.limit(), m -> m, m -> PageRequest.cursorAfter(m.customerId().toString()));
    }

    /** A roster and its job. */
    public record RosterStatus(UUID agreementId, JobView<RosterSummary> job, String phase, RosterSummary summary) {
    }

    /** A row not applied (a row with several faults has a line per field). */
    public record RowError(long row, String field, String message) {
    }

    /** A current member of an agreement's roster. */
    public record Member(UUID customerId, String position, String officerRole, String salaryBand,
                         java.time.LocalDate linkedOn) {
    }
}
