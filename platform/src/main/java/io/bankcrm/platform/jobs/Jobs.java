package io.bankcrm.platform.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.platform.db.AfterCommit;
import io.bankcrm.platform.observability.Tracing;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Background jobs: submit one, read it, list a kind's jobs, cancel one. The work itself is done by the kind's
 * {@link JobHandler} on a worker of any instance ({@link JobRunner}).
 *
 * <pre>{@code
 * UUID id = jobs.submit("roster", new RosterParameters(agreementId), caller.name());   // in your transaction
 * JobView<RosterSummary> view = jobs.get("roster", id).view(RosterSummary.class);       // for GET
 * }</pre>
 */
@ApplicationScoped
public class Jobs {

    private final EntityManager em;
    private final ObjectMapper json;
    private final AfterCommit afterCommit;
    private final JobRunner runner;
    private final Tracing tracing;

    public Jobs(EntityManager em, ObjectMapper json, AfterCommit afterCommit, JobRunner runner, Tracing tracing) {
        this.em = em;
        this.json = json;
        this.afterCommit = afterCommit;
        this.runner = runner;
        this.tracing = tracing;
    }

    /**
     * Queues a job in the caller's transaction: it exists if and only if that transaction commits, and a worker
     * of this instance is woken when it does (workers elsewhere find it at their next poll).
     *
     * @param parameters what the job needs to know, stored as JSON (read back by {@link JobContext#parameters});
     *                   null for none (a kind may keep its inputs in a table of its own, keyed by the job's id)
     * @return the new job's id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID submit(String kind, Object parameters, String submittedBy) {
        return submit(kind, parameters, null, submittedBy);
    }

    /** As {@link #submit(String, Object, String)}, for a job that knows its total amount of work up front. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID submit(String kind, Object parameters, Long total, String submittedBy) {
        runner.requireHandler(kind);
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into job (id, kind, status, progress_total, parameters, submitted_by, submitted_at,
                                         traceparent)
                        values (?1, ?2, 'QUEUED', ?3, cast(?4 as jsonb), ?5, now(), cast(?6 as varchar))""")
                .setParameter(1, id).setParameter(2, kind).setParameter(3, total)
                .setParameter(4, Job.write(json, parameters)).setParameter(5, submittedBy)
                .setParameter(6, tracing.currentTraceparent())
                .executeUpdate();
        afterCommit.run(runner::wake);
        return id;
    }

    /** A job of {@code kind}; 404 when there is none (or it is of another kind). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Job get(String kind, UUID id) {
        return SqlRow.first(em.createNativeQuery("select " + Job.COLUMNS + " from job j where j.id = ?1 and j.kind = ?2",
                        Tuple.class).setParameter(1, id).setParameter(2, kind))
                .map(row -> Job.of(json, row))
                .orElseThrow(() -> ProblemException.notFound(kind + " job", id));
    }

    /** The jobs of {@code kind}, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Job> list(String kind, PageRequest page) {
        Instant beforeTime = page.first() ? Instant.parse("9999-12-31T00:00:00Z") : page.afterInstant(0);
        UUID beforeId = page.first() ? new UUID(-1L, -1L) : page.afterUuid(1);
        var rows = SqlRow.list(em.createNativeQuery("select " + Job.COLUMNS
                        + " from job j where j.kind = ?1 and (j.submitted_at, j.id) < (?2, ?3)"
                        + " order by j.submitted_at desc, j.id desc limit ?4", Tuple.class)
                .setParameter(1, kind).setParameter(2, beforeTime).setParameter(3, beforeId)
                .setParameter(4, page.limit() + 1));
        return Page.fromOverfetch(rows.stream().map(row -> Job.of(json, row)).toList(), page.limit(), job -> job,
                job -> PageRequest.cursorAfter(job.submittedAt().toString(), job.id().toString()));
    }

    /**
     * Asks a job to stop. A queued job is CANCELLED at once; a running one stops at its next
     * {@link JobContext#checkpoint()} (what it committed before stays). 409 for a job that has already finished.
     */
    @Transactional
    public Job cancel(String kind, UUID id, String by) {
        get(kind, id);
        int requested = em.createNativeQuery("""
                        update job set cancel_requested_at = coalesce(cancel_requested_at, now()),
                            cancel_requested_by = coalesce(cancel_requested_by, ?2),
                            status = case when status = 'QUEUED' then 'CANCELLED' else status end,
                            finished_at = case when status = 'QUEUED' then now() else finished_at end
                        where id = ?1 and status in ('QUEUED', 'RUNNING')""")
                .setParameter(1, id).setParameter(2, by).executeUpdate();
        Job job = get(kind, id);
        if (requested == 0) {
            throw ProblemException.conflict(kind + " job " + id + " is " + job.status()
                    + ": there is nothing left to cancel", Map.of("jobStatus", job.status().name()));
        }
        afterCommit.run(() -> runner.cancelRequested(id));
        return job;
    }
}
