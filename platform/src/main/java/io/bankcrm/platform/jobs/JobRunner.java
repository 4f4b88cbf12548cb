package io.bankcrm.platform.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.platform.config.PlatformConfig;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.problem.Failures;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.observability.LogContext;
import io.bankcrm.platform.observability.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The workers of one instance. Each of {@code crm.jobs.workers} threads claims the oldest queued job of a kind
 * this service has a {@link JobHandler} for ({@code for update skip locked}, so the replicas of a service share
 * one queue and no job is claimed twice), runs it, and looks for the next; idle, it waits until a submission
 * commits here or {@code crm.jobs.poll-interval} passes (for jobs submitted on other replicas).
 *
 * <p>A heartbeat thread stamps this instance's running jobs every {@code crm.jobs.heartbeat-interval} and learns of
 * cancellation requests from the same statement; it also sweeps jobs whose heartbeat is older than
 * {@code crm.jobs.stale-after}: their worker died, so they go back to the queue (kinds that resume, up to
 * {@code crm.jobs.max-attempts} claims) or fail with an incident id. Every write of a running job names the worker
 * and the claim it holds, so a worker declared dead can no longer change the job. At shutdown the jobs running
 * here are released at once rather than waiting to be found stale.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    private final EntityManager em;
    private final Tracing tracing;
    private final ObjectMapper json;
    private final PlatformConfig.Jobs config;
    private final Map<String, JobHandler> handlers = new HashMap<>();
    private final String instance;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Map<UUID, RunningJob> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private ExecutorService workers;
    private ScheduledExecutorService heartbeat;

    public JobRunner(@Any Instance<JobHandler> handlers, EntityManager em, ObjectMapper json, PlatformConfig config,
                     Tracing tracing) {
        this.em = em;
        this.tracing = tracing;
        this.json = json;
        this.config = config.jobs();
        for (JobHandler handler : handlers) {
            JobHandler other = this.handlers.put(handler.kind(), handler);
            if (other != null) {
                throw new IllegalStateException("two job handlers for kind " + handler.kind() + ": "
                        + other.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        this.instance = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    void start(@Observes StartupEvent event) {
        if (handlers.isEmpty()) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.workers(), r -> daemon(r, "job-worker-" + n.incrementAndGet()));
        for (int i = 0; i < config.workers(); i++) {
            workers.execute(this::work);
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "job-heartbeat"));
        long every = config.heartbeatInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beatAndSweep, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("job runner %s: %d worker(s) for %s", instance, config.workers(), handlers.keySet());
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (workers == null) {
            return;
        }
        heartbeat.shutdownNow();
        for (RunningJob job : running.values()) {
            release(job);
        }
        workers.shutdownNow();
    }

    /**
     * Stops this runner as a killed process would: no more heartbeats, workers interrupted, and nothing
     * released, so other instances must find its jobs stale. For tests of recovery.
     */
    void halt() {
        stopping = true;
        if (workers != null) {
            heartbeat.shutdownNow();
            workers.shutdownNow();
        }
    }

    /** This instance's name in {@code job.claimed_by}: host and a random suffix, new at each start. */
    public String instance() {
        return instance;
    }

    /** Makes an idle worker look for queued jobs now; {@link Jobs#submit} calls it after its commit. */
    void wake() {
        if (wakeUp.availablePermits() < config.workers()) {
            wakeUp.release();
        }
    }

    /** A cancellation committed here: a job running here learns it at once instead of at the next heartbeat. */
    void cancelRequested(UUID id) {
        RunningJob job = running.get(id);
        if (job != null) {
            job.cancelRequested = true;
        }
    }

    void requireHandler(String kind) {
        if (!handlers.containsKey(kind)) {
            throw new IllegalArgumentException("no job handler for kind " + kind + "; known: " + handlers.keySet());
        }
    }

    private void work() {
        while (!stopping) {
            try {
                Optional<RunningJob> claimed = claim();
                if (claimed.isPresent()) {
                    execute(claimed.get());
                } else {
                    wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.error("job worker could not claim a job; it tries again shortly", e);
                sleep(config.pollInterval().toMillis());
            }
        }
    }

    /** The oldest queued job of a kind handled here, now RUNNING on this worker. */
    Optional<RunningJob> claim() {
        return QuarkusTransaction.requiringNew().call(() -> SqlRow.first(em.createNativeQuery("""
                        update job j set status = 'RUNNING', started_at = coalesce(j.started_at, now()),
                            heartbeat_at = now(), claimed_by = ?1, attempts = j.attempts + 1
                        from (select id from job where status = 'QUEUED' and kind = any(?2)
                              order by submitted_at, id limit 1 for update skip locked) next
                        where j.id = next.id
                        returning\s""" + Job.COLUMNS, Tuple.class)
                        .setParameter(1, instance).setParameter(2, handlers.keySet().toArray(String[]::new)))
                .map(row -> {
                    RunningJob job = new RunningJob(this, Job.of(json, row));
                    running.put(job.id(), job);
                    return job;
                }));
    }

    /** Runs the job in a span of the trace it was submitted in (its stored {@code traceparent}). */
    void execute(RunningJob job) {
        String traceparent = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select traceparent from job where id = ?1").setParameter(1, job.id()).getSingleResult());
        Span span = tracing.startJob(job.kind(), job.id().toString(), traceparent);
        Throwable failure = null;
        try (Scope scope = span.makeCurrent()) {
            LogContext.trace(span);
            execute(job, handlers.get(job.kind()));
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            LogContext.clearTrace();
            Tracing.end(span, failure);
        }
    }

    private void execute(RunningJob job, JobHandler handler) {
        long started = System.nanoTime();
        LOG.infof("%s job %s %s (attempt %d)", job.kind(), job.id(),
                job.attempt() == 1 ? "starts" : "resumes at " + job.progress().done(), job.attempt());
        try {
            handler.run(job);
            if (!job.completed) {
                QuarkusTransaction.requiringNew().run(() -> saveCompleted(job, false, null));
            }
            LOG.infof("%s job %s completed in %d ms", job.kind(), job.id(), (System.nanoTime() - started) / 1_000_000);
        } catch (Throwable e) {
            ended(job, e);
        } finally {
            running.remove(job.id(), job);
        }
    }

    private void ended(RunningJob job, Throwable e) {
        if (Failures.causeOf(e, JobLostException.class) != null || job.lost || stopping) {
            LOG.warnf("%s job %s: this worker no longer holds it (%s); its work in progress rolled back",
                    job.kind(), job.id(), Failures.rootMessage(e));
            return;
        }
        if (Failures.causeOf(e, JobCancelledException.class) != null) {
            finish(job, "CANCELLED", null, null);
            LOG.infof("%s job %s cancelled", job.kind(), job.id());
            return;
        }
        UUID incident = UUID.randomUUID();
        ProblemException refusal = Failures.causeOf(e, ProblemException.class);
        if (refusal != null) {
            LOG.warnf("%s job %s refused (incident %s): %s", job.kind(), job.id(), incident, refusal.getMessage());
            finish(job, "FAILED", incident, refusal.getMessage());
        } else {
            LOG.errorf(e, "%s job %s failed (incident %s)", job.kind(), job.id(), incident);
            finish(job, "FAILED", incident, "the job failed; quote incident " + incident);
        }
    }

    private void finish(RunningJob job, String status, UUID incident, String message) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                int updated = em.createNativeQuery("""
                                update job set status = ?4, finished_at = now(), failure_incident = ?5,
                                    failure_message = ?6
                                where id = ?1 and claimed_by = ?2 and attempts = ?3 and status = 'RUNNING'""")
                        .setParameter(1, job.id()).setParameter(2, instance).setParameter(3, job.attempt())
                        .setParameter(4, status).setParameter(5, incident).setParameter(6, message)
                        .executeUpdate();
                if (updated == 0) {
                    LOG.warnf("%s job %s was no longer held by this worker when it ended %s", job.kind(), job.id(),
                            status);
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s job %s ended %s but that could not be recorded; the sweep will find it", job.kind(),
                    job.id(), status);
        }
    }

    /** Saves a running job's progress, if this worker still holds it; in the caller's transaction if there is one. */
    void saveProgress(RunningJob job, String phase, long done, Long total, boolean withResult, Object result) {
        fenced(job, """
                update job set phase = ?4, progress_done = ?5, progress_total = cast(?6 as bigint),
                    result = case when ?7 then cast(?8 as jsonb) else result end, heartbeat_at = now()
                where id = ?1 and claimed_by = ?2 and attempts = ?3 and status = 'RUNNING'""",
                phase, done, total, withResult, Job.write(json, result));
    }

    /** Marks a running job COMPLETED (all its work done), if this worker still holds it; same transaction rule. */
    void saveCompleted(RunningJob job, boolean withResult, Object result) {
        fenced(job, """
                update job set status = 'COMPLETED', finished_at = now(), heartbeat_at = now(),
                    progress_done = coalesce(progress_total, progress_done),
                    result = case when ?4 then cast(?5 as jsonb) else result end
                where id = ?1 and claimed_by = ?2 and attempts = ?3 and status = 'RUNNING'""",
                withResult, Job.write(json, result));
    }

    private void fenced(RunningJob job, String update, Object... more) {
        QuarkusTransaction.joiningExisting().run(() -> {
            var query = em.createNativeQuery(update).setParameter(1, job.id()).setParameter(2, instance)
                    .setParameter(3, job.attempt());
            for (int i = 0; i < more.length; i++) {
                query.setParameter(4 + i, more[i]);
            }
            if (query.executeUpdate() == 0) {
                throw new JobLostException(job + " is no longer held by worker " + instance);
            }
        });
    }

    boolean stopping() {
        return stopping;
    }

    private void beatAndSweep() {
        try {
            beat();
            sweep();
        } catch (RuntimeException e) {
            LOG.warnf("job heartbeat failed; trying again in %s: %s", config.heartbeatInterval(), e.toString());
        }
    }

    /** Stamps the jobs running here and learns which of them were asked to stop, or were lost. */
    void beat() {
        if (running.isEmpty()) {
            return;
        }
        UUID[] ids = running.keySet().toArray(UUID[]::new);
        List<SqlRow> alive = QuarkusTransaction.requiringNew().call(() -> SqlRow.list(em.createNativeQuery("""
                        update job set heartbeat_at = now() where id = any(?1) and claimed_by = ?2 and status = 'RUNNING'
                        returning id, attempts, cancel_requested_at is not null as cancel_requested""", Tuple.class)
                .setParameter(1, ids).setParameter(2, instance)));
        Map<UUID, SqlRow> byId = new HashMap<>();
        alive.forEach(row -> byId.put(row.uuid("id"), row));
        for (UUID id : ids) {
            RunningJob job = running.get(id);
            if (job == null) {
                continue;
            }
            SqlRow row = byId.get(id);
            if (row == null || row.intValue("attempts") != job.attempt()) {
                job.lost = true;
            } else if (row.bool("cancel_requested")) {
                job.cancelRequested = true;
            }
        }
    }

    /**
     * Jobs whose worker died: a kind that resumes goes back to the queue (unless cancellation was asked, or it
     * has used up its attempts); any other is failed with an incident id. Replicas may sweep at the same time:
     * each row is taken by one of them.
     */
    void sweep() {
        String[] resumable = handlers.values().stream().filter(h -> h.recovery() == JobHandler.Recovery.RESUME)
                .map(JobHandler::kind).toArray(String[]::new);
        List<SqlRow> swept = QuarkusTransaction.requiringNew().call(() -> SqlRow.list(em.createNativeQuery("""
                        with stale as (
                            select id, kind, attempts, gen_random_uuid() as incident,
                                   case when cancel_requested_at is not null then 'CANCELLED'
                                        when kind = any(?2) and attempts < ?3 then 'QUEUED'
                                        else 'FAILED' end as next
                            from job where status = 'RUNNING' and kind = any(?1)
                              and heartbeat_at < now() - make_interval(secs => ?4)
                            for update skip locked)
                        update job j set status = s.next, claimed_by = null,
                            finished_at = case when s.next = 'QUEUED' then null else now() end,
                            failure_incident = case when s.next = 'FAILED' then s.incident end,
                            failure_message = case when s.next = 'FAILED' then
                                (case when s.kind = any(?2) then 'the job lost its worker ' || s.attempts || ' times'
                                      else 'the job was interrupted: the service running it stopped or lost its'
                                           || ' database' end) || '; quote incident ' || s.incident end
                        from stale s where j.id = s.id
                        returning j.id, j.kind, j.status, j.attempts, j.progress_done, j.failure_incident""",
                        Tuple.class)
                .setParameter(1, handlers.keySet().toArray(String[]::new)).setParameter(2, resumable)
                .setParameter(3, config.maxAttempts()).setParameter(4, config.staleAfter().toMillis() / 1000.0)));
        boolean requeued = false;
        for (SqlRow row : swept) {
            String status = row.text("status");
            String kind = row.text("kind");
            if ("QUEUED".equals(status)) {
                requeued = true;
                LOG.infof("%s job %s lost its worker; queued again to resume at %d (attempt %d of %d)", kind,
                        row.uuid("id"), row.longValue("progress_done"), row.intValue("attempts") + 1,
                        config.maxAttempts());
            } else if ("FAILED".equals(status)) {
                LOG.warnf("%s job %s lost its worker and is failed (incident %s)", kind, row.uuid("id"),
                        row.uuid("failure_incident"));
            } else {
                LOG.infof("%s job %s lost its worker after cancellation was asked; cancelled", kind, row.uuid("id"));
            }
        }
        if (requeued) {
            wake();
        }
    }

    /** At shutdown: give a job running here back at once, so another instance need not wait to find it stale. */
    private void release(RunningJob job) {
        boolean resume = handlers.get(job.kind()).recovery() == JobHandler.Recovery.RESUME;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                UUID incident = UUID.randomUUID();
                int released = em.createNativeQuery("""
                                update job set status = ?4, claimed_by = null,
                                    finished_at = case when ?4 = 'QUEUED' then null else now() end,
                                    failure_incident = case when ?4 = 'FAILED' then ?5 end,
                                    failure_message = case when ?4 = 'FAILED' then ?6 end
                                where id = ?1 and claimed_by = ?2 and attempts = ?3 and status = 'RUNNING'""")
                        .setParameter(1, job.id()).setParameter(2, instance).setParameter(3, job.attempt())
                        .setParameter(4, resume ? "QUEUED" : "FAILED").setParameter(5, incident)
                        .setParameter(6, "the job was interrupted: the service running it stopped; quote incident "
                                + incident)
                        .executeUpdate();
                if (released == 1) {
                    LOG.warnf("%s job %s %s: the service is stopping", job.kind(), job.id(),
                            resume ? "queued again to resume elsewhere" : "failed (incident " + incident + ")");
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("%s job %s could not be released at shutdown; it is resumed once found stale: %s", job.kind(),
                    job.id(), e.toString());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
