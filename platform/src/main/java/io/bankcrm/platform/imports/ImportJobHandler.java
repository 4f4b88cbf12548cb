package io.bankcrm.platform.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.platform.jobs.JobCancelledException;
import io.bankcrm.platform.jobs.JobContext;
import io.bankcrm.platform.jobs.JobHandler;
import io.bankcrm.platform.jobs.JobLostException;
import io.bankcrm.platform.problem.Failures;
import io.bankcrm.platform.problem.FieldViolation;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.problem.ProblemMappers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The {@code import} job: applies a spooled file's rows in chunks of 500. Each chunk's effects, its rejected rows'
 * report and the job's progress and counts commit in one transaction, so a job whose worker died resumes (on any
 * instance) at the first row not yet committed, and nothing is applied twice. Cancellation is honoured between
 * chunks.
 */
@ApplicationScoped
class ImportJobHandler implements JobHandler {

    static final String KIND = "import";
    static final String PHASE = "APPLYING_ROWS";
    private static final Logger LOG = Logger.getLogger(ImportJobHandler.class);
    private static final int CHUNK = 500;

    private final ImportJobs imports;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Validator validator;

    ImportJobHandler(ImportJobs imports, EntityManager em, ObjectMapper json, Validator validator) {
        this.imports = imports;
        this.em = em;
        this.json = json;
        this.validator = validator;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Recovery recovery() {
        return Recovery.RESUME;
    }

    @Override
    public void run(JobContext job) {
        ImportParameters file = job.parameters(ImportParameters.class);
        ImportRowHandler<?> handler = imports.handler(file.rows());
        Path path = Path.of(file.file());
        if (!Files.exists(path)) {
            throw ProblemException.badRequest("the uploaded file is no longer available: submit it again "
                    + "(rows already applied will not be duplicated)");
        }
        long done = job.progress().done();
        ImportSummary summary = job.result(ImportSummary.class) == null ? ImportSummary.NONE
                : job.result(ImportSummary.class);
        try (RowReader reader = RowReader.open(file.format(), json, path)) {
            RowReader.ParsedRow row;
            List<RowReader.ParsedRow> chunk = new ArrayList<>(CHUNK);
            while ((row = reader.next()) != null) {
                if (row.number() <= done) {
                    continue;
                }
                chunk.add(row);
                if (chunk.size() == CHUNK) {
                    summary = applyChunk(job, handler, chunk, summary, file.totalRows());
                    chunk.clear();
                    job.checkpoint();
                }
            }
            if (!chunk.isEmpty()) {
                summary = applyChunk(job, handler, chunk, summary, file.totalRows());
            }
        } catch (IOException e) {
            throw ProblemException.badRequest(e.getMessage());
        } catch (JobCancelledException e) {
            ImportJobs.deleteQuietly(path);
            throw e;
        }
        ImportSummary result = summary;
        QuarkusTransaction.requiringNew().run(() -> job.complete(result));
        ImportJobs.deleteQuietly(path);
    }

    /**
     * Applies a chunk in one transaction. If the transaction fails (a row broke a constraint the handler did not
     * foresee, or a transactional bean marked it for rollback when refusing a row), the chunk is replayed one
     * row per transaction so that only the offending rows are rejected.
     *
     * @return the counts once the chunk committed
     */
    private <T> ImportSummary applyChunk(JobContext job, ImportRowHandler<T> handler, List<RowReader.ParsedRow> chunk,
                                         ImportSummary before, long total) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> applyRows(job, handler, chunk, before, total));
        } catch (RuntimeException whole) {
            if (Failures.causeOf(whole, JobLostException.class) != null) {
                throw whole;
            }
            LOG.debugf(whole, "chunk of job %s refused; applying its rows one by one", job.id());
            ImportSummary summary = before;
            for (RowReader.ParsedRow row : chunk) {
                ImportSummary current = summary;
                try {
                    summary = QuarkusTransaction.requiringNew().call(() ->
                            applyRows(job, handler, List.of(row), current, total));
                } catch (RuntimeException single) {
                    if (Failures.causeOf(single, JobLostException.class) != null) {
                        throw single;
                    }
                    ProblemException refused = Failures.causeOf(single, ProblemException.class);
                    List<RowError> errors = refused != null
                            ? violations(row.number(), refused.toProblem().getErrors(), refused.getMessage())
                            : List.of(new RowError(row.number(), "row",
                            "could not be stored: " + Failures.rootMessage(single)));
                    summary = QuarkusTransaction.requiringNew().call(() ->
                            record(job, row.number(), 0, errors, current, total));
                }
            }
            return summary;
        }
    }

    private <T> ImportSummary applyRows(JobContext job, ImportRowHandler<T> handler, List<RowReader.ParsedRow> rows,
                                        ImportSummary before, long total) {
        long accepted = 0;
        List<RowError> errors = new ArrayList<>();
        for (RowReader.ParsedRow row : rows) {
            List<RowError> rowErrors = applyRow(handler, row, job.submittedBy());
            // Keep the persistence context at one row: otherwise every flush re-checks the whole chunk.
            em.flush();
            em.clear();
            if (rowErrors.isEmpty()) {
                accepted++;
            } else {
                errors.addAll(rowErrors);
            }
        }
        return record(job, rows.get(rows.size() - 1).number(), accepted, errors, before, total);
    }

    private <T> List<RowError> applyRow(ImportRowHandler<T> handler, RowReader.ParsedRow row, String submittedBy) {
        if (row.error() != null) {
            return List.of(new RowError(row.number(), "row", row.error()));
        }
        T value;
        try {
            value = json.treeToValue(row.node(), handler.rowType());
        } catch (JsonProcessingException e) {
            return violations(row.number(), ProblemMappers.jsonProblem(e).getErrors(), e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return List.of(new RowError(row.number(), "row", e.getMessage()));
        }
        Set<ConstraintViolation<T>> invalid = validator.validate(value);
        if (!invalid.isEmpty()) {
            return invalid.stream()
                    .map(v -> new RowError(row.number(), v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(RowError::field))
                    .toList();
        }
        try {
            handler.apply(value, submittedBy);
            return List.of();
        } catch (ProblemException e) {
            if (QuarkusTransaction.isRollbackOnly()) {
                throw e;
            }
            return violations(row.number(), e.toProblem().getErrors(), e.getMessage());
        }
    }

    private static List<RowError> violations(long row, List<FieldViolation> fields, String detail) {
        if (fields == null || fields.isEmpty()) {
            return List.of(new RowError(row, "row", detail));
        }
        return fields.stream().map(f -> new RowError(row, f.field(), f.message())).toList();
    }

    /** The rejected rows' report, the progress and the counts, in the chunk's transaction. */
    private ImportSummary record(JobContext job, long lastRow, long accepted, List<RowError> errors,
                                 ImportSummary before, long total) {
        long rejectedRows = errors.stream().mapToLong(RowError::row).distinct().count();
        for (RowError error : errors) {
            em.createNativeQuery("""
                            insert into import_row_error (job_id, row_number, field, message)
                            values (?1, ?2, ?3, ?4)""")
                    .setParameter(1, job.id()).setParameter(2, error.row()).setParameter(3, truncate(error.field(), 200))
                    .setParameter(4, truncate(error.message(), 1000)).executeUpdate();
        }
        ImportSummary after = before.plus(accepted, rejectedRows);
        job.progress(PHASE, lastRow, total, after);
        return after;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
