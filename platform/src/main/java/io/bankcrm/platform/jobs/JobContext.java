package io.bankcrm.platform.jobs;

import java.util.UUID;

/**
 * The running job, as its {@link JobHandler} sees it. Writes ({@link #progress}, {@link #complete}) join the
 * caller's transaction when there is one, so they commit with the work they describe, and use a transaction of
 * their own otherwise. Each write checks that this worker still holds the job: one that lost it (declared dead
 * and taken over, or released at shutdown) gets a {@link JobLostException} and its transaction rolls back.
 */
public interface JobContext {

    UUID id();

    String kind();

    /** Who submitted the job, for the audit trail of what it changes. */
    String submittedBy();

    /** 1 on the first run; more when the job is resumed after its worker died. */
    int attempt();

    /** The progress saved last: zero on the first run, where to go on from when resumed. */
    JobProgress progress();

    /** The parameters given at submission, as {@code type}; null when there were none. */
    <T> T parameters(Class<T> type);

    /** The result saved last, as {@code type}; null when none was saved yet. */
    <T> T result(Class<T> type);

    /** Saves how far the job is. */
    void progress(String phase, long done, Long total);

    /** Saves how far the job is and its result so far, together. */
    void progress(String phase, long done, Long total, Object result);

    /**
     * Marks the job COMPLETED with {@code result}, in the current transaction (required), so that the end of the
     * work and the status commit together. Without it, a {@code run} that returns completes the job afterwards.
     */
    void complete(Object result);

    /** True once someone asked to cancel the job. */
    boolean cancelRequested();

    /**
     * Call between steps: throws {@link JobCancelledException} when cancellation was requested (the job ends
     * CANCELLED; what committed before stays), or {@link JobLostException} when this worker no longer holds the
     * job. Cheap: it reads what the heartbeat learnt.
     */
    void checkpoint();
}
