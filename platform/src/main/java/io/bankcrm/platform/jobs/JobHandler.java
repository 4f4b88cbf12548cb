package io.bankcrm.platform.jobs;

/**
 * Runs one kind of background job. Implement it as a CDI bean; the {@link JobRunner} of every instance of the
 * service claims the kind's queued jobs ({@link Jobs#submit}) and calls {@link #run} on one of its worker threads.
 *
 * <p>{@code run} is called outside any transaction: open the transactions the work needs
 * ({@code QuarkusTransaction}), and save progress with {@link JobContext#progress} inside them, so that what the
 * job did and how far it says it got commit together. Returning normally completes the job with the last saved
 * result (or call {@link JobContext#complete} in the transaction of the last piece of work). Throwing fails it:
 * a {@link io.bankcrm.platform.problem.ProblemException}'s detail is shown as the reason; any other exception is
 * logged with its stack trace under an incident id, which the job shows instead.
 */
public interface JobHandler {

    /** The kind of job, e.g. {@code tiering-run}: stored with each job and shown in its view. */
    String kind();

    /**
     * What becomes of a job of this kind whose worker died mid-way (the service was killed, or lost its
     * database): {@link Recovery#RESUME} runs it again from its last saved progress, on any instance;
     * {@link Recovery#FAIL} (the default) fails it, for work that cannot be picked up half done.
     */
    default Recovery recovery() {
        return Recovery.FAIL;
    }

    /** Does the work of one job. */
    void run(JobContext job) throws Exception;

    enum Recovery {
        /** Run it again, where its last saved progress says; {@code run} must then skip what was done. */
        RESUME,
        /** Fail it, with an incident id; the user submits it again. */
        FAIL
    }
}
