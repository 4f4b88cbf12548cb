package io.bankcrm.platform.jobs;

import io.bankcrm.platform.config.PlatformConfig;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.testing.CrmTestStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job runner on the real PostgreSQL: replicas sharing one queue, progress, cancellation, failures, and a
 * killed worker's jobs resumed or failed by kind. A second runner in the same JVM plays another replica; the
 * application's own runner (two workers) is the first.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class JobRunnerTest {

    @Inject
    Jobs jobs;

    @Inject
    JobRunner runner;

    @Inject
    EntityManager em;

    @Inject
    PlatformConfig config;

    private final List<Replica> replicas = new ArrayList<>();

    @AfterEach
    void stopReplicas() {
        replicas.forEach(Replica::kill);
    }

    @Test
    void twoReplicasShareTheQueueAndNoJobRunsTwice() {
        Replica replica = replica();
        String gate = "share-" + UUID.randomUUID();
        Gates.close(StepJobs.gate(gate, 1));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(submit(StepJobs.RESUMABLE, 3, gate, null));
        }
        // every worker of both instances takes one job and waits in its first step: four jobs, two per instance
        awaitCount("select count(*) from job where status = 'RUNNING' and id = any(?1)", ids, 4);
        List<?> holders = em.createNativeQuery("select claimed_by from job where status = 'RUNNING' and id = any(?1)")
                .setParameter(1, ids.toArray(UUID[]::new)).getResultList();
        assertEquals(Set.of(runner.instance(), replica.instance()), new HashSet<>(holders));
        assertEquals(2, holders.stream().filter(runner.instance()::equals).count());

        Gates.open(StepJobs.gate(gate, 1));
        for (UUID id : ids) {
            JobView<StepJobs.Summary> done = await(StepJobs.RESUMABLE, id, v -> v.status().finished());
            assertEquals(JobStatus.COMPLETED, done.status());
            assertEquals(new StepJobs.Summary(3), done.result());
            assertEquals(List.of("1:1", "1:2", "1:3"), steps(id), "each step once, by the first claim");
        }
    }

    @Test
    void progressAndTheResultSoFarAreShownWhileTheJobRuns() {
        String gate = "progress-" + UUID.randomUUID();
        Gates.close(StepJobs.gate(gate, 3));
        UUID id = submit(StepJobs.RESUMABLE, 5, gate, null);
        JobView<StepJobs.Summary> queuedOrRunning = jobs.get(StepJobs.RESUMABLE, id).view(StepJobs.Summary.class);
        assertEquals("tester", queuedOrRunning.submittedBy());
        assertNotNull(queuedOrRunning.submittedAt());

        JobView<StepJobs.Summary> mid = await(StepJobs.RESUMABLE, id, v -> v.progress().done() == 2);
        assertEquals(JobStatus.RUNNING, mid.status());
        assertEquals(new JobProgress("STEP", 2, 5L, 40), mid.progress());
        assertEquals(new StepJobs.Summary(2), mid.result());
        assertNotNull(mid.startedAt());
        assertNull(mid.finishedAt());

        Gates.open(StepJobs.gate(gate, 3));
        JobView<StepJobs.Summary> done = await(StepJobs.RESUMABLE, id, v -> v.status().finished());
        assertEquals(JobStatus.COMPLETED, done.status());
        assertEquals(new JobProgress("STEP", 5, 5L, 100), done.progress());
        assertNotNull(done.finishedAt());
        assertNull(done.failure());
    }

    @Test
    void aQueuedJobIsCancelledAtOnceAndARunningOneAtItsNextCheckpoint() {
        String busy = "busy-" + UUID.randomUUID();
        Gates.close(StepJobs.gate(busy, 1));
        UUID first = submit(StepJobs.RESUMABLE, 5, busy, null);
        UUID second = submit(StepJobs.RESUMABLE, 5, busy, null);
        awaitCount("select count(*) from job where status = 'RUNNING' and id = any(?1)", List.of(first, second), 2);

        UUID queued = submit(StepJobs.RESUMABLE, 5, null, null);
        Job cancelled = QuarkusTransaction.requiringNew().call(() -> jobs.cancel(StepJobs.RESUMABLE, queued, "boss"));
        assertEquals(JobStatus.CANCELLED, cancelled.status());
        assertTrue(cancelled.cancelRequested());
        assertNotNull(cancelled.view(Object.class).finishedAt());

        // a running job: the step under way completes, then the job stops
        Job asked = QuarkusTransaction.requiringNew().call(() -> jobs.cancel(StepJobs.RESUMABLE, first, "boss"));
        assertEquals(JobStatus.RUNNING, asked.status());
        assertTrue(asked.cancelRequested());
        Gates.open(StepJobs.gate(busy, 1));
        JobView<StepJobs.Summary> stopped = await(StepJobs.RESUMABLE, first, v -> v.status().finished());
        assertEquals(JobStatus.CANCELLED, stopped.status());
        assertEquals(1, stopped.progress().done(), "what committed before the cancellation stays");
        assertEquals(List.of("1:1"), steps(first));
        assertEquals(JobStatus.COMPLETED, await(StepJobs.RESUMABLE, second, v -> v.status().finished()).status());
        assertEquals(List.of(), steps(queued));

        ProblemException finished = assertThrows(ProblemException.class, () ->
                QuarkusTransaction.requiringNew().call(() -> jobs.cancel(StepJobs.RESUMABLE, second, "boss")));
        assertEquals(409, finished.status());
        assertEquals(404, assertThrows(ProblemException.class, () ->
                jobs.get(StepJobs.ONE_SHOT, second)).status(), "a job is found under its own kind only");
    }

    @Test
    void aFaultIsShownAsAnIncidentIdAndARefusalWithItsReason() {
        UUID fault = submit(StepJobs.FAILING, 1, null, "fault");
        UUID refusal = submit(StepJobs.FAILING, 1, null, "refusal");

        JobView<StepJobs.Summary> failed = await(StepJobs.FAILING, fault, v -> v.status().finished());
        assertEquals(JobStatus.FAILED, failed.status());
        assertNotNull(failed.incident());
        assertEquals("the job failed; quote incident " + failed.incident(), failed.failure());
        assertFalse(failed.failure().contains("internal detail"));
        assertEquals(new StepJobs.Summary(1), failed.result(), "the result saved before the failure stays");

        JobView<StepJobs.Summary> refused = await(StepJobs.FAILING, refusal, v -> v.status().finished());
        assertEquals(JobStatus.FAILED, refused.status());
        assertEquals("the test job refuses: nothing to do", refused.failure());
        assertNotNull(refused.incident());
    }

    @Test
    void aKilledWorkersJobIsResumedWhereItsKindCanAndFailedWhereItCannot() {
        // the application's two workers are kept busy, so the replica takes the jobs under test
        String busy = "hold-" + UUID.randomUUID();
        Gates.close(StepJobs.gate(busy, 1));
        List<UUID> blockers = List.of(submit(StepJobs.RESUMABLE, 1, busy, null),
                submit(StepJobs.RESUMABLE, 1, busy, null));
        awaitCount("select count(*) from job where status = 'RUNNING' and id = any(?1)", blockers, 2);

        Replica victim = replica();
        String gate = "kill-" + UUID.randomUUID();
        Gates.close(StepJobs.gate(gate, 3));
        UUID resumable = submit(StepJobs.RESUMABLE, 4, gate, null);
        UUID oneShot = submit(StepJobs.ONE_SHOT, 4, gate, null);
        await(StepJobs.RESUMABLE, resumable, v -> v.progress().done() == 2);
        await(StepJobs.ONE_SHOT, oneShot, v -> v.progress().done() == 2);
        assertEquals(victim.instance(), claimedBy(resumable));
        assertEquals(victim.instance(), claimedBy(oneShot));

        victim.kill();
        Gates.open(StepJobs.gate(busy, 1));
        Gates.open(StepJobs.gate(gate, 3));

        JobView<StepJobs.Summary> resumed = await(StepJobs.RESUMABLE, resumable, v -> v.status().finished());
        assertEquals(JobStatus.COMPLETED, resumed.status());
        assertEquals(List.of("1:1", "1:2", "2:3", "2:4"), steps(resumable),
                "resumed after the last saved step, by the second claim, nothing done twice");
        assertEquals(runner.instance(), claimedBy(resumable));

        JobView<StepJobs.Summary> failed = await(StepJobs.ONE_SHOT, oneShot, v -> v.status().finished());
        assertEquals(JobStatus.FAILED, failed.status());
        assertNotNull(failed.incident());
        assertTrue(failed.failure().startsWith("the job was interrupted"), failed.failure());
        assertTrue(failed.failure().endsWith("quote incident " + failed.incident()), failed.failure());
        assertEquals(List.of("1:1", "1:2"), steps(oneShot));
    }

    @Test
    void aWorkerThatLostItsJobCanNoLongerWriteToIt() {
        String gate = "zombie-" + UUID.randomUUID();
        Gates.close(StepJobs.gate(gate, 2));
        UUID id = submit(StepJobs.RESUMABLE, 3, gate, null);
        await(StepJobs.RESUMABLE, id, v -> v.progress().done() == 1);
        // as the sweep does when the heartbeat stopped (a long pause): the job is queued again and claimed anew
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update job set status = 'QUEUED', claimed_by = null where id = ?1").setParameter(1, id).executeUpdate());
        awaitCount("select count(*) from job where attempts = 2 and id = any(?1)", List.of(id), 1);

        Gates.open(StepJobs.gate(gate, 2));
        assertEquals(JobStatus.COMPLETED, await(StepJobs.RESUMABLE, id, v -> v.status().finished()).status());
        assertEquals(List.of("1:1", "2:2", "2:3"), steps(id), "the first claim's step 2 rolled back");
    }

    @Test
    void aJobThatKeepsLosingItsWorkerIsFailedAfterItsLastAttempt() {
        UUID id = QuarkusTransaction.requiringNew().call(() -> jobs.submit(StepJobs.RESUMABLE,
                new StepJobs.Parameters(3, "never-" + UUID.randomUUID(), null), "tester"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update job set status = 'RUNNING', claimed_by = 'dead-host/0', attempts = ?2,
                            heartbeat_at = now() - interval '1 minute' where id = ?1""")
                .setParameter(1, id).setParameter(2, config.jobs().maxAttempts()).executeUpdate());
        JobView<StepJobs.Summary> failed = await(StepJobs.RESUMABLE, id, v -> v.status().finished());
        assertEquals(JobStatus.FAILED, failed.status());
        assertEquals("the job lost its worker " + config.jobs().maxAttempts() + " times; quote incident "
                + failed.incident(), failed.failure());
    }

    @Test
    void aKindWithoutAHandlerCannotBeSubmitted() {
        assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew().call(() ->
                jobs.submit("no-such-kind", null, "tester")));
    }

    private Replica replica() {
        Replica replica = Replica.start();
        replicas.add(replica);
        return replica;
    }

    private UUID submit(String kind, long steps, String gate, String failWith) {
        return QuarkusTransaction.requiringNew().call(() ->
                jobs.submit(kind, new StepJobs.Parameters(steps, gate, failWith), "tester"));
    }

    private JobView<StepJobs.Summary> await(String kind, UUID id, Predicate<JobView<StepJobs.Summary>> until) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JobView<StepJobs.Summary> view = jobs.get(kind, id).view(StepJobs.Summary.class);
            if (until.test(view)) {
                return view;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("job " + id + " still " + view);
            }
            sleep();
        }
    }

    private void awaitCount(String sql, List<UUID> ids, long expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            long count = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                    .setParameter(1, ids.toArray(UUID[]::new)).getSingleResult()).longValue());
            if (count == expected) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(sql + ": " + count + ", expected " + expected);
            }
            sleep();
        }
    }

    private List<String> steps(UUID id) {
        @SuppressWarnings("unchecked")
        List<String> steps = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select attempt || ':' || step from test_job_step where job_id = ?1 order by step, attempt")
                .setParameter(1, id).getResultList());
        return steps;
    }

    private String claimedBy(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select claimed_by from job where id = ?1").setParameter(1, id).getSingleResult());
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
