package io.bankcrm.segmentation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.jobs.Job;
import io.bankcrm.platform.jobs.JobStatus;
import io.bankcrm.platform.jobs.Jobs;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.bankcrm.segmentation.domain.Segment;
import io.bankcrm.segmentation.domain.TieringMethod;
import io.bankcrm.segmentation.domain.TieringPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tiering runs: submitted as platform jobs of kind {@value TieringRunJob#KIND} (the job's state is platform's
 * {@code job} row; what the run tiers and its report are this service's {@code tiering_run} row of the same id),
 * computed by {@link TieringRunJob}. Publishing runs of a segment must go forward in months, one at a time, so the
 * hysteresis counts one run per month.
 */
@ApplicationScoped
public class TieringRuns {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final TieringPolicies policies;
    private final Jobs jobs;
    private final BankClock clock;

    public TieringRuns(EntityManager em, ObjectMapper mapper, TieringPolicies policies, Jobs jobs, BankClock clock) {
        this.em = em;
        this.mapper = mapper;
        this.policies = policies;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Queues a run; a worker starts it once the transaction commits. */
    @Transactional
    public TieringRun submit(UUID policyId, Integer policyVersion, YearMonth asOf, boolean dryRun, String user) {
        StoredPolicy stored;
        try {
            stored = policyVersion == null ? policies.current(policyId) : policies.get(policyId, policyVersion);
        } catch (ProblemException e) {
            throw ProblemException.invalidField(policyVersion == null ? "policyId" : "policyVersion",
                    "names no tiering policy: " + e.getMessage());
        }
        if (asOf.isAfter(clock.currentMonth())) {
            throw ProblemException.invalidField("asOfMonth", "is in the future");
        }
        TieringPolicy policy = stored.policy();
        if (!dryRun) {
            refuseUnorderedPublication(policy.segment(), asOf, null);
        }
        UUID id = jobs.submit(TieringRunJob.KIND, null, user);
        em.createNativeQuery("""
                        insert into tiering_run (id, policy_id, policy_version, segment, method, as_of_month, dry_run)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, id).setParameter(2, policy.id()).setParameter(3, policy.version())
                .setParameter(4, policy.segment().name()).setParameter(5, policy.method().name())
                .setParameter(6, asOf.atDay(1)).setParameter(7, dryRun)
                .executeUpdate();
        return get(id);
    }

    /**
     * A publishing run must be for a later month than the segment's last published one, and alone: the
     * hysteresis counts runs, and a month counted twice would downgrade customers early.
     *
     * @param self the run being computed, which does not count against itself; null at submission
     */
    void refuseUnorderedPublication(Segment segment, YearMonth asOf, UUID self) {
        SqlRow.first(em.createNativeQuery("""
                        select j.status, r.as_of_month from tiering_run r join job j on j.id = r.id
                        where r.segment = ?1 and not r.dry_run and r.id <> ?2
                          and (j.status in ('QUEUED', 'RUNNING') or (j.status = 'COMPLETED' and r.as_of_month >= ?3))
                        order by r.as_of_month desc limit 1""", Tuple.class)
                .setParameter(1, segment.name())
                .setParameter(2, self == null ? new UUID(0, 0) : self)
                .setParameter(3, asOf.atDay(1))).ifPresent(blocking -> {
            JobStatus status = blocking.enumValue("status", JobStatus.class);
            YearMonth month = blocking.month("as_of_month");
            String detail = status == JobStatus.COMPLETED
                    ? "tiers of " + segment + " are already published for " + month
                    + ": a publishing run must be for a later month (a dry run can preview any month)"
                    : "a publishing run for " + segment + " (" + month + ") is " + status.name().toLowerCase(Locale.ROOT)
                    + "; wait for it to finish";
            throw ProblemException.conflict(detail, Map.of("segment", segment.name(), "month", month.toString()));
        });
    }

    /** A run, with its report once completed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TieringRun get(UUID id) {
        return run(jobs.get(TieringRunJob.KIND, id), row(id, true));
    }

    /** Runs, newest first, without their reports. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TieringRun> list(PageRequest page) {
        Page<Job> listed = jobs.list(TieringRunJob.KIND, page);
        Map<UUID, RunRow> rows = rows(listed.items().stream().map(Job::id).toList());
        return new Page<>(listed.items().stream().map(job -> run(job, rows.get(job.id()))).toList(),
                listed.nextCursor());
    }

    /**
     * Asks a run to stop: a queued one is cancelled at once; a running one at its next phase, and as one
     * transaction it then leaves nothing behind (no tiers, no events). 409 once it has finished.
     */
    @Transactional
    public TieringRun cancel(UUID id, String by) {
        return run(jobs.cancel(TieringRunJob.KIND, id, by), row(id, true));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ParetoCurve pareto(UUID id) {
        TieringRun run = get(id);
        if (run.job().status() != JobStatus.COMPLETED) {
            throw ProblemException.conflict("run " + id + " is " + run.job().status()
                    + ": its Pareto curve is there once it has completed", Map.of("jobStatus", run.job().status().name()));
        }
        TieringReport r = run.report();
        return new ParetoCurve(id, run.segment(), run.asOfMonth(), r.customers(), r.totalProfit(),
                r.topTwentyPercentProfitShare(), r.paretoCurve());
    }

    /** What the run tiers (and its report), as {@link TieringRunJob} reads it. */
    RunRow row(UUID id, boolean withReport) {
        return SqlRow.first(em.createNativeQuery("select " + RunRow.COLUMNS + ", "
                                + (withReport ? "report::text" : "null") + " as report from tiering_run where id = ?1",
                        Tuple.class).setParameter(1, id))
                .map(this::runRow)
                .orElseThrow(() -> ProblemException.notFound("tiering run", id));
    }

    private Map<UUID, RunRow> rows(Collection<UUID> ids) {
        return SqlRow.list(em.createNativeQuery("select " + RunRow.COLUMNS
                                + ", null as report from tiering_run where id = any(?1)", Tuple.class)
                        .setParameter(1, ids.toArray(UUID[]::new))).stream()
                .map(this::runRow).collect(Collectors.toMap(RunRow::id, Function.identity()));
    }

    /** A {@code tiering_run} row: what the run tiers, and its report once completed. */
    record RunRow(UUID id, UUID policyId, int policyVersion, Segment segment, TieringMethod method, YearMonth asOf,
                  boolean dryRun, TieringReport report) {
        static final String COLUMNS = "id, policy_id, policy_version, segment, method, as_of_month, dry_run";
    }

    private RunRow runRow(SqlRow r) {
        return new RunRow(r.uuid("id"), r.uuid("policy_id"), r.intValue("policy_version"),
                r.enumValue("segment", Segment.class), r.enumValue("method", TieringMethod.class),
                r.month("as_of_month"), r.bool("dry_run"), report(r.text("report")));
    }

    private static TieringRun run(Job job, RunRow row) {
        var view = job.view(TieringRun.Summary.class);
        return new TieringRun(view, row.policyId(), row.policyVersion(), row.segment(), row.method(), row.asOf(),
                row.dryRun(), view.result() == null ? null : view.result().customers(), row.report());
    }

    private TieringReport report(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, TieringReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report cannot be read", e);
        }
    }

    String json(TieringReport report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
