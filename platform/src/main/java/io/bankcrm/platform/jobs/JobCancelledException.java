package io.bankcrm.platform.jobs;

/** Thrown by {@link JobContext#checkpoint()} when the job was asked to stop; the runner marks it CANCELLED. */
public class JobCancelledException extends RuntimeException {

    public JobCancelledException(String message) {
        super(message, null, false, false);
    }
}
