package io.bankcrm.platform.jobs;

import java.util.UUID;

/** A job claimed by a worker of this instance: the {@link JobContext} its handler gets. */
final class RunningJob implements JobContext {

    private final JobRunner runner;
    private final Job job;
    volatile boolean cancelRequested;
    volatile boolean lost;
    volatile boolean completed;

    RunningJob(JobRunner runner, Job job) {
        this.runner = runner;
        this.job = job;
        this.cancelRequested = job.cancelRequested();
    }

    @Override
    public UUID id() {
        return job.id();
    }

    @Override
    public String kind() {
        return job.kind();
    }

    @Override
    public String submittedBy() {
        return job.submittedBy();
    }

    @Override
    public int attempt() {
        return job.attempts();
    }

    @Override
    public JobProgress progress() {
        return job.progress();
    }

    @Override
    public <T> T parameters(Class<T> type) {
        return job.parameters(type);
    }

    @Override
    public <T> T result(Class<T> type) {
        return job.result(type);
    }

    @Override
    public void progress(String phase, long done, Long total) {
        checkHeld();
        runner.saveProgress(this, phase, done, total, false, null);
    }

    @Override
    public void progress(String phase, long done, Long total, Object result) {
        checkHeld();
        runner.saveProgress(this, phase, done, total, true, result);
    }

    @Override
    public void complete(Object result) {
        checkHeld();
        runner.saveCompleted(this, true, result);
        completed = true;
    }

    @Override
    public boolean cancelRequested() {
        return cancelRequested;
    }

    @Override
    public void checkpoint() {
        checkHeld();
        if (cancelRequested) {
            throw new JobCancelledException(job + " was asked to stop");
        }
    }

    private void checkHeld() {
        if (lost) {
            throw new JobLostException(job + " was taken from this worker");
        }
        if (runner.stopping()) {
            throw new JobLostException(job + " was released: the service is stopping");
        }
    }

    @Override
    public String toString() {
        return job.toString();
    }
}
