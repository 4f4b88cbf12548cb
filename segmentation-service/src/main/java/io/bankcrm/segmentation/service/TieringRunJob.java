package io.bankcrm.segmentation.service;

import io.bankcrm.events.segmentation.SegmentationEvents;
import io.bankcrm.events.segmentation.TieringRunCompleted;
import io.bankcrm.platform.jobs.JobContext;
import io.bankcrm.platform.jobs.JobHandler;
import io.bankcrm.platform.observability.BusinessMetrics;
import io.bankcrm.platform.outbox.Outbox;
import io.bankcrm.segmentation.config.SegmentationConfig;
import io.bankcrm.segmentation.domain.TierLadder;
import io.bankcrm.segmentation.domain.TieringPolicy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@value #KIND} job: computes a run with {@link TieringEngine} in one transaction (up to
 * {@code segmentation.tiering.run-timeout}), reporting each phase from a short transaction beside it. A publishing
 * run's tier changes, events, run-completed event, report and COMPLETED status commit together; publishing runs
 * of a segment are serialized by an advisory lock and checked again for their order. A run cannot be resumed half
 * done: one whose worker died is failed, and is submitted again.
 */
@ApplicationScoped
public class TieringRunJob implements JobHandler {

    public static final String KIND = "tiering-run";
    private static final Logger LOG = Logger.getLogger(TieringRunJob.class);

    private final EntityManager em;
    private final TieringRuns runs;
    private final TieringPolicies policies;
    private final TierCatalogue tiers;
    private final Outbox outbox;
    private final SegmentationConfig config;
    @Inject
    BusinessMetrics metrics;

    public TieringRunJob(EntityManager em, TieringRuns runs, TieringPolicies policies, TierCatalogue tiers,
                         Outbox outbox, SegmentationConfig config) {
        this.em = em;
        this.runs = runs;
        this.policies = policies;
        this.tiers = tiers;
        this.outbox = outbox;
        this.config = config;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext job) {
        long started = System.nanoTime();
        String outcome = "failed";
        TieringReport report;
        try {
            report = QuarkusTransaction.requiringNew()
                    .timeout((int) config.tiering().runTimeout().toSeconds())
                    .call(() -> compute(job));
            outcome = "completed";
        } finally {
            metrics.time("crm.tiering.runs", Duration.ofNanos(System.nanoTime() - started), "outcome", outcome);
        }
        LOG.infof("tiering run %s: %d customers, %d changed", job.id(), report.customers(),
                report.movements().changed());
    }

    private TieringReport compute(JobContext job) {
        TieringRuns.RunRow run = runs.row(job.id(), false);
        TieringPolicy policy = policies.get(run.policyId(), run.policyVersion()).policy();
        TierLadder ladder = tiers.ladder(policy.tierCodes());
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!run.dryRun()) {
            em.createNativeQuery("select cast(pg_advisory_xact_lock(hashtext('tiering:' || ?1)) as text)")
                    .setParameter(1, policy.segment().name()).getSingleResult();
            runs.refuseUnorderedPublication(policy.segment(), run.asOf(), job.id());
        }
        TieringEngine engine = new TieringEngine(new TieringEngine.Spec(job.id(), policy, ladder, run.asOf(),
                !run.dryRun(), at, config.reportingCurrency(), config.tiering().workMem()));
        TieringReport report = em.unwrap(Session.class).doReturningWork(connection ->
                engine.run(connection, phase -> {
                    job.checkpoint();
                    // beside the run's transaction, so the phase shows while the run computes
                    QuarkusTransaction.requiringNew().run(() -> job.progress(phase.name(), phase.percent(), 100L));
                }, (type, select) -> outbox.publishEach(type, select, Map.of())));
        job.checkpoint();
        if (!run.dryRun()) {
            outbox.publish(SegmentationEvents.RUN_COMPLETED, job.id(), completed(run, policy, report, at));
        }
        em.createNativeQuery("update tiering_run set report = cast(?2 as jsonb) where id = ?1")
                .setParameter(1, job.id()).setParameter(2, runs.json(report)).executeUpdate();
        job.complete(TieringRun.Summary.of(report));
        return report;
    }

    private static TieringRunCompleted completed(TieringRuns.RunRow run, TieringPolicy policy, TieringReport report,
                                                 Instant at) {
        Map<String, Long> perTier = new LinkedHashMap<>();
        report.tiers().forEach(t -> perTier.put(t.tier(), t.customers()));
        TieringReport.Movements m = report.movements();
        return new TieringRunCompleted(run.id(), policy.id(), policy.version(), policy.segment().name(),
                policy.method().name(), run.asOf().toString(), report.customers(), m.tierChanges(), m.flagChanges(),
                m.up(), m.down(), m.newlyTiered(), perTier, report.topTwentyPercentProfitShare(), at);
    }
}
