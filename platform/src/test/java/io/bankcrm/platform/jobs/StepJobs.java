package io.bankcrm.platform.jobs;

import io.bankcrm.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Test jobs: {@code steps} steps, each one transaction that records the step and saves the progress. A step may
 * wait at a {@link Gates gate}, so a test can look at (or kill) a job mid-way.
 */
public final class StepJobs {

    public static final String RESUMABLE = "test-steps";
    public static final String ONE_SHOT = "test-one-shot";
    public static final String FAILING = "test-failing";

    /**
     * @param gate each step waits at the gate {@code gate + "/" + step}, if a test closed it
     * @param failWith "refusal" or "fault": how the job ends after its steps; null to complete
     */
    public record Parameters(long steps, String gate, String failWith) {
    }

    public record Summary(long stepsDone) {
    }

    public static String gate(String gate, long step) {
        return gate + "/" + step;
    }

    private StepJobs() {
    }

    abstract static class Base implements JobHandler {

        @Inject
        EntityManager em;

        @Override
        public void run(JobContext job) throws Exception {
            Parameters parameters = job.parameters(Parameters.class);
            for (long step = job.progress().done() + 1; step <= parameters.steps(); step++) {
                Gates.pass(gate(parameters.gate(), step));
                long done = step;
                QuarkusTransaction.requiringNew().run(() -> {
                    em.createNativeQuery("insert into test_job_step (job_id, attempt, step, worker) values (?1, ?2, ?3, ?4)")
                            .setParameter(1, job.id()).setParameter(2, job.attempt()).setParameter(3, done)
                            .setParameter(4, Thread.currentThread().getName()).executeUpdate();
                    job.progress("STEP", done, parameters.steps(), new Summary(done));
                });
                job.checkpoint();
            }
            if ("refusal".equals(parameters.failWith())) {
                throw ProblemException.badRequest("the test job refuses: nothing to do");
            }
            if ("fault".equals(parameters.failWith())) {
                throw new IllegalStateException("internal detail that must not reach the user");
            }
        }
    }

    @ApplicationScoped
    public static class Resumable extends Base {
        @Override
        public String kind() {
            return RESUMABLE;
        }

        @Override
        public Recovery recovery() {
            return Recovery.RESUME;
        }
    }

    @ApplicationScoped
    public static class OneShot extends Base {
        @Override
        public String kind() {
            return ONE_SHOT;
        }
    }

    @ApplicationScoped
    public static class Failing extends Base {
        @Override
        public String kind() {
            return FAILING;
        }
    }
}
