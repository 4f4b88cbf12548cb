package io.bankcrm.platform.jobs;

/**
 * How far a job is: {@code done} of {@code total} units of its kind (rows of a file, percent of a run), in
 * {@code phase}.
 *
 * @param phase what the job is doing now, in its kind's words (e.g. {@code RANKING}); null until it says
 * @param total null while the job does not know it yet
 * @param percent {@code done} of {@code total} in whole percent (rounded down); 100 once the job completed
 */
public record JobProgress(String phase, long done, Long total, int percent) {

    static JobProgress of(String phase, long done, Long total, JobStatus status) {
        int percent;
        if (status == JobStatus.COMPLETED) {
            percent = 100;
        } else if (total == null || total <= 0) {
            percent = 0;
        } else {
            percent = (int) Math.min(100, Math.max(0, done * 100 / total));
        }
        return new JobProgress(phase, done, total, percent);
    }
}
