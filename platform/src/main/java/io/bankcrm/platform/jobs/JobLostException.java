package io.bankcrm.platform.jobs;

/**
 * This worker no longer holds the job: it was declared dead and the job was resumed or failed elsewhere, or the
 * service is stopping and released it. The work in progress must roll back; the runner leaves the job alone.
 */
public class JobLostException extends RuntimeException {

    public JobLostException(String message) {
        super(message, null, false, false);
    }
}
