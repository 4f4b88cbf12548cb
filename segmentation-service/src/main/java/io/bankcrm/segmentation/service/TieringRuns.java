package io.bankcrm.segmentation.service;

import io.bankcrm.platform.db.SqlValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.platform.outbox.Outbox;
import io.bankcrm.platform.problem.Failures;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.bankcrm.segmentation.config.SegmentationConfig;
import io.bankcrm.segmentation.domain.TierLadder;
import io.bankcrm.segmentation.domain.TieringPolicy;
import io.bankcrm.events.segmentation.SegmentationEvents;
import io.bankcrm.events.segmentation.TieringRunCompleted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tiering runs as jobs. A submitted run is a QUEUED row; one worker thread per instance claims queued runs
 * ({@code for update skip locked}) and computes each in one transaction with {@link TieringEngine}, reporting its
 * phase from separate short transactions. A publishing run's tier changes, events, run-completed event and
 * COMPLETED status commit together; publishing runs of a segment are serialized by an advisory lock and must go
 * forward in months, so the hysteresis counts one run per month.
 */
@ApplicationScoped
public class TieringRuns {

    private static final Logger LOG = Logger.getLogger(TieringRuns.class);

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final TieringPolicies policies;
    private final TierCatalogue tiers;
    private final Outbox outbox;
    private final SegmentationConfig config;
    private final BankClock clock;
    /** A running run's heartbeat interval, and how long without one means its worker died. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration STALE = Duration.ofMinutes(2);

    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tiering-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "tiering-runs");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    public TieringRuns(EntityManager em, ObjectMapper mapper, TieringPolicies policies, TierCatalogue tiers,
                       Outbox outbox, SegmentationConfig config, BankClock clock) {
        this.em = em;
        this.mapper = mapper;
        this.policies = policies;
        this.tiers = tiers;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Queues a run; call {@link #wake()} after the transaction commits. */
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
            refuseUnorderedPublication(policy, asOf, null);
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into tiering_run (id, policy_id, policy_version, segment, method, as_of_month, dry_run,
                            status, phase, percent, submitted_by, submitted_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'QUEUED', 'QUEUED', 0, ?8, now())""")
                .setParameter(1, id).setParameter(2, policy.id()).setParameter(3, policy.version())
                .setParameter(4, policy.segment().name()).setParameter(5, policy.method().name())
                .setParameter(6, asOf.atDay(1)).setParameter(7, dryRun).setParameter(8, user)
                .executeUpdate();
        return get(id);
    }

    /**
     * A publishing run must be for a later month than the segment's last one, and alone: the hysteresis counts
     * runs, and a month counted twice would downgrade customers early.
     */
    private void refuseUnorderedPublication(TieringPolicy policy, YearMonth asOf, UUID self) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select status, as_of_month from tiering_run
                        where segment = ?1 and not dry_run and id <> ?2
                          and (status in ('QUEUED', 'RUNNING') or (status = 'COMPLETED' and as_of_month >= ?3))
                        order by as_of_month desc limit 1""")
                .setParameter(1, policy.segment().name())
                .setParameter(2, self == null ? new UUID(0, 0) : self)
                .setParameter(3, asOf.atDay(1))
                .getResultList();
        if (rows.isEmpty()) {
            return;
        }
        String status = (String) rows.get(0)[0];
        String month = SqlValues.monthText(rows.get(0)[1]);
        String detail = TieringRun.COMPLETED.equals(status)
                ? "tiers of " + policy.segment() + " are already published for " + month
                + ": a publishing run must be for a later month (a dry run can preview any month)"
                : "a publishing run for " + policy.segment() + " (" + month + ") is " + status.toLowerCase(java.util.Locale.ROOT)
                + "; wait for it to finish";
        throw ProblemException.conflict(detail, Map.of("segment", policy.segment().name(), "month", month));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TieringRun get(UUID id) {
        return find(id, true);
    }

    /** Runs, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TieringRun> list(PageRequest page) {
        Instant beforeTime = page.first() ? Instant.parse("9999-12-31T00:00:00Z") : page.afterInstant(0);
        UUID beforeId = page.first() ? new UUID(-1L, -1L) : page.afterUuid(1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + """
                         , null from tiering_run where (submitted_at, id) < (?1, ?2)
                         order by submitted_at desc, id desc limit ?3""")
                .setParameter(1, beforeTime).setParameter(2, beforeId).setParameter(3, page.limit() + 1)
                .getResultList();
        return Page.fromOverfetch(rows, page.limit(), this::run,
                r -> PageRequest.cursorAfter(SqlValues.instant(r[11]).toString(), r[0].toString()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ParetoCurve pareto(UUID id) {
        TieringRun run = get(id);
        if (!TieringRun.COMPLETED.equals(run.status())) {
            throw ProblemException.conflict("run " + id + " is " + run.status()
                    + ": its Pareto curve is there once it has completed", Map.of("status", run.status()));
        }
        TieringReport r = run.report();
        return new ParetoCurve(id, run.segment(), run.asOfMonth(), r.customers(), r.totalProfit(),
                r.topTwentyPercentProfitShare(), r.paretoCurve());
    }

    /** Makes the worker look for queued runs now (it also looks every few seconds). */
    public void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                wakeQueued.set(false);
                drain();
            });
        }
    }

    void started(@Observes StartupEvent event) {
        wake();
    }

    void stopping(@Observes ShutdownEvent event) {
        worker.shutdownNow();
        heartbeat.shutdownNow();
    }

    @Scheduled(every = "10s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void housekeeping() {
        QuarkusTransaction.requiringNew().run(() -> {
            int failed = em.createNativeQuery("""
                            update tiering_run set status = 'FAILED', finished_at = now(),
                                failure = 'the run was interrupted: the service stopped while computing it'
                            where status = 'RUNNING' and heartbeat_at < ?1""")
                    .setParameter(1, Instant.now().minus(STALE))
                    .executeUpdate();
            if (failed > 0) {
                LOG.warnf("%d interrupted tiering run(s) marked FAILED", failed);
            }
        });
        wake();
    }

    private void drain() {
        try {
            UUID id;
            while ((id = claim()) != null) {
                execute(id);
            }
        } catch (RuntimeException e) {
            LOG.error("tiering worker could not claim runs; it tries again shortly", e);
        }
    }

    private UUID claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery("""
                            update tiering_run set status = 'RUNNING', phase = 'STARTING', started_at = now(),
                                heartbeat_at = now()
                            where id = (select id from tiering_run where status = 'QUEUED'
                                        order by submitted_at, id for update skip locked limit 1)
                            returning id""").getResultList();
            return ids.isEmpty() ? null : ids.get(0);
        });
    }

    private void execute(UUID id) {
        long started = System.nanoTime();
        // The run is one long transaction; a beat from beside it tells other replicas its worker is alive.
        ScheduledFuture<?> beating = heartbeat.scheduleAtFixedRate(() -> beat(id), HEARTBEAT.toSeconds(),
                HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
        try {
            TieringReport report = QuarkusTransaction.requiringNew()
                    .timeout((int) config.tiering().runTimeout().toSeconds())
                    .call(() -> compute(id));
            LOG.infof("tiering run %s completed in %d ms: %d customers, %d changed", id,
                    (System.nanoTime() - started) / 1_000_000, report.customers(), report.movements().changed());
        } catch (RuntimeException e) {
            String failure;
            ProblemException refused = Failures.causeOf(e, ProblemException.class);
            if (refused != null) {
                failure = refused.getMessage();
                LOG.warnf("tiering run %s refused: %s", id, failure);
            } else {
                String incident = UUID.randomUUID().toString();
                failure = "the run failed; quote incident " + incident;
                LOG.errorf(e, "tiering run %s failed (incident %s)", id, incident);
            }
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            update tiering_run set status = 'FAILED', failure = ?2, finished_at = now() where id = ?1""")
                    .setParameter(1, id).setParameter(2, failure).executeUpdate());
        } finally {
            beating.cancel(false);
        }
    }

    private void beat(UUID id) {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "update tiering_run set heartbeat_at = now() where id = ?1 and status = 'RUNNING'")
                    .setParameter(1, id).executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("heartbeat of tiering run %s failed: %s", id, e.toString());
        }
    }

    private TieringReport compute(UUID id) {
        TieringRun run = find(id, false);
        TieringPolicy policy = policies.get(run.policyId(), run.policyVersion()).policy();
        TierLadder ladder = tiers.ladder(policy.tierCodes());
        YearMonth asOf = YearMonth.parse(run.asOfMonth());
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!run.dryRun()) {
            em.createNativeQuery("select cast(pg_advisory_xact_lock(hashtext('tiering:' || ?1)) as text)")
                    .setParameter(1, policy.segment().name()).getSingleResult();
            refuseUnorderedPublication(policy, asOf, id);
        }
        TieringEngine engine = new TieringEngine(new TieringEngine.Spec(id, policy, ladder, asOf, !run.dryRun(), at,
                config.reportingCurrency(), config.tiering().workMem()));
        TieringReport report = em.unwrap(Session.class).doReturningWork(connection ->
                engine.run(connection, phase -> progress(id, phase),
                        (type, select) -> outbox.publishEach(type, select, Map.of())));
        if (!run.dryRun()) {
            outbox.publish(SegmentationEvents.RUN_COMPLETED, id, completed(run, policy, report, at));
        }
        em.createNativeQuery("""
                        update tiering_run set status = 'COMPLETED', phase = 'DONE', percent = 100, customers = ?2,
                            report = cast(?3 as jsonb), finished_at = now(), heartbeat_at = now()
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, report.customers()).setParameter(3, json(report))
                .executeUpdate();
        return report;
    }

    private void progress(UUID id, TieringEngine.Phase phase) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update tiering_run set phase = ?2, percent = ?3, heartbeat_at = now() where id = ?1""")
                .setParameter(1, id).setParameter(2, phase.name()).setParameter(3, phase.percent())
                .executeUpdate());
    }

    private static TieringRunCompleted completed(TieringRun run, TieringPolicy policy, TieringReport report,
                                                 Instant at) {
        Map<String, Long> perTier = new LinkedHashMap<>();
        report.tiers().forEach(t -> perTier.put(t.tier(), t.customers()));
        TieringReport.Movements m = report.movements();
        return new TieringRunCompleted(run.id(), policy.id(), policy.version(), policy.segment().name(),
                policy.method().name(), run.asOfMonth(), report.customers(), m.tierChanges(), m.flagChanges(), m.up(),
                m.down(), m.newlyTiered(), perTier, report.topTwentyPercentProfitShare(), at);
    }

    private static final String COLUMNS = """
            id, policy_id, policy_version, segment, method, as_of_month, dry_run, status, phase, percent,
            customers, submitted_at, submitted_by, started_at, finished_at, failure""";

    private TieringRun find(UUID id, boolean withReport) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + ", "
                        + (withReport ? "report::text" : "null") + " from tiering_run where id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("tiering run", id);
        }
        return run(rows.get(0));
    }

    private TieringRun run(Object[] r) {
        return new TieringRun((UUID) r[0], (UUID) r[1], SqlValues.intValue(r[2]), (String) r[3], (String) r[4],
                SqlValues.monthText(r[5]), (Boolean) r[6], (String) r[7],
                new TieringRun.Progress((String) r[8], SqlValues.intValue(r[9])),
                r[10] == null ? null : SqlValues.longValue(r[10]), (String) r[12], SqlValues.instant(r[11]),
                SqlValues.instant(r[13]), SqlValues.instant(r[14]), (String) r[15], report((String) r[16]));
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

    private String json(TieringReport report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
