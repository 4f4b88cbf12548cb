package io.bankcrm.platform.jobs;

/**
 * Where a job is in its life: {@code QUEUED} until a worker claims it, {@code RUNNING}, then one of the three
 * final states. A job whose worker died goes back to {@code QUEUED} (its kind resumes) or ends {@code FAILED}.
 */
public enum JobStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    /** True for the final states: nothing about the job changes any more. */
    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
