package io.bankcrm.platform.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.platform.db.SqlRow;

import java.time.Instant;
import java.util.UUID;

/**
 * A job as stored, read by {@link Jobs}: its shared state, and its parameters and result as the kind's types.
 * Mapped from its row here and nowhere else.
 */
public final class Job {

    /** The columns {@link #of} reads, for queries of the {@code job} table (alias {@code j} where joined). */
    static final String COLUMNS = """
            j.id, j.kind, j.status, j.phase, j.progress_done, j.progress_total, j.parameters::text as parameters,
            j.result::text as result, j.submitted_by, j.submitted_at, j.started_at, j.finished_at, j.claimed_by,
            j.attempts, j.cancel_requested_at, j.failure_incident, j.failure_message""";

    private final ObjectMapper json;
    private final UUID id;
    private final String kind;
    private final JobStatus status;
    private final JobProgress progress;
    private final String parameters;
    private final String result;
    private final String submittedBy;
    private final Instant submittedAt;
    private final Instant startedAt;
    private final Instant finishedAt;
    private final String claimedBy;
    private final int attempts;
    private final boolean cancelRequested;
    private final UUID incident;
    private final String failure;

    private Job(ObjectMapper json, SqlRow row) {
        this.json = json;
        this.id = row.uuid("id");
        this.kind = row.text("kind");
        this.status = row.enumValue("status", JobStatus.class);
        this.progress = JobProgress.of(row.text("phase"), row.longValue("progress_done"),
                row.nullableLong("progress_total"), status);
        this.parameters = row.text("parameters");
        this.result = row.text("result");
        this.submittedBy = row.text("submitted_by");
        this.submittedAt = row.instant("submitted_at");
        this.startedAt = row.instant("started_at");
        this.finishedAt = row.instant("finished_at");
        this.claimedBy = row.text("claimed_by");
        this.attempts = row.intValue("attempts");
        this.cancelRequested = !row.isNull("cancel_requested_at");
        this.incident = row.uuid("failure_incident");
        this.failure = row.text("failure_message");
    }

    static Job of(ObjectMapper json, SqlRow row) {
        return new Job(json, row);
    }

    public UUID id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public JobStatus status() {
        return status;
    }

    public JobProgress progress() {
        return progress;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    int attempts() {
        return attempts;
    }

    String claimedBy() {
        return claimedBy;
    }

    /** The parameters given at submission, as {@code type}; null when there were none. */
    public <P> P parameters(Class<P> type) {
        return read(parameters, type);
    }

    /** The result saved last, as {@code type}; null when none was saved yet. */
    public <R> R result(Class<R> type) {
        return read(result, type);
    }

    /** The job as {@code GET} shows it, with its result as {@code resultType}. */
    public <R> JobView<R> view(Class<R> resultType) {
        return new JobView<>(id, kind, status, progress, submittedBy, submittedAt, startedAt, finishedAt, failure,
                incident, cancelRequested, result(resultType));
    }

    private <T> T read(String text, Class<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored JSON of job " + id + " is not a " + type.getSimpleName(), e);
        }
    }

    static String write(ObjectMapper json, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the job's " + value.getClass().getSimpleName()
                    + " cannot be written as JSON", e);
        }
    }

    @Override
    public String toString() {
        return kind + " job " + id + " (" + status + ")";
    }
}
