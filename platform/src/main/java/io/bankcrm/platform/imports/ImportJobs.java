package io.bankcrm.platform.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.bankcrm.platform.config.PlatformConfig;
import io.bankcrm.platform.db.SqlValues;
import io.bankcrm.platform.problem.Failures;
import io.bankcrm.platform.problem.FieldViolation;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.problem.ProblemMappers;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bulk files as jobs. The upload is streamed to a spool file (never held in memory), its rows counted, and a
 * job recorded; a background worker then applies the rows in chunks. Each chunk's effects, its rejected-row
 * report and the job's progress commit in one transaction, so a service killed mid-file resumes at the first
 * row not yet committed, and nothing is applied twice.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    private static final int CHUNK = 500;

    private final Instance<ImportRowHandler<?>> handlers;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Validator validator;
    private final Path spool;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "import-worker");
        t.setDaemon(true);
        return t;
    });
    private final String instance = UUID.randomUUID().toString();
    private final long staleAfterSeconds;

    public ImportJobs(@Any Instance<ImportRowHandler<?>> handlers, EntityManager em, ObjectMapper json,
                      Validator validator, PlatformConfig config) {
        this.handlers = handlers;
        this.em = em;
        this.json = json;
        this.validator = validator;
        this.spool = Path.of(config.imports().spoolDir()).toAbsolutePath();
        this.staleAfterSeconds = config.imports().staleAfter().toSeconds();
    }

    /** Spools the file, checks its header, counts its rows and queues the job. */
    public ImportJob submit(String kind, ImportFormat format, InputStream body, String submittedBy) {
        ImportRowHandler<?> handler = handler(kind);
        UUID id = UUID.randomUUID();
        Path file = spool.resolve(kind + "-" + id + "." + format.name().toLowerCase());
        String sha256;
        long rows;
        try {
            Files.createDirectories(spool);
            sha256 = spoolTo(body, file);
            rows = inspect(format, file, handler.rowType());
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("cannot spool the uploaded file", e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into import_job (id, kind, format, status, file_path, file_sha256, total_rows,
                                                submitted_by, submitted_at)
                        values (?1, ?2, ?3, 'QUEUED', ?4, ?5, ?6, ?7, now())""")
                .setParameter(1, id).setParameter(2, kind).setParameter(3, format.name())
                .setParameter(4, file.toString()).setParameter(5, sha256).setParameter(6, rows)
                .setParameter(7, submittedBy).executeUpdate());
        worker.submit(() -> run(id));
        return get(kind, id);
    }

    public ImportJob get(String kind, UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select id, kind, format, status, total_rows, rows_done, rows_accepted, rows_rejected,
                                   file_sha256, submitted_by, submitted_at, started_at, finished_at, failure
                            from import_job where id = ?1 and kind = ?2""")
                    .setParameter(1, id).setParameter(2, kind).getResultList();
            if (rows.isEmpty()) {
                throw ProblemException.notFound("import job", id);
            }
            Object[] r = rows.get(0);
            return new ImportJob((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], num(r[4]), num(r[5]),
                    num(r[6]), num(r[7]), (String) r[8], (String) r[9], SqlValues.instant(r[10]), SqlValues.instant(r[11]),
                    SqlValues.instant(r[12]), (String) r[13]);
        });
    }

    /** The rejected rows of a job, in file order. */
    public Page<RowError> errors(String kind, UUID id, PageRequest page) {
        get(kind, id);
        long after = page.first() ? 0 : page.afterLong(0);
        return QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select id, row_number, field, message from import_row_error
                            where job_id = ?1 and id > ?2 order by id limit ?3""")
                    .setParameter(1, id).setParameter(2, after).setParameter(3, page.limit() + 1)
                    .getResultList();
            return Page.fromOverfetch(rows, page.limit(),
                    r -> new RowError(num(r[1]), (String) r[2], (String) r[3]),
                    r -> PageRequest.cursorAfter(r[0].toString()));
        });
    }

    void resumeAtStart(@Observes StartupEvent event) {
        resumeOrphans();
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    /** Picks up jobs whose worker died: queued but never started, or running without a recent heartbeat. */
    @Scheduled(every = "${crm.imports.scan-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeOrphans() {
        @SuppressWarnings("unchecked")
        List<UUID> orphans = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select id from import_job
                where (status = 'QUEUED' and submitted_at < now() - interval '10 seconds')
                   or (status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => ?1))
                order by submitted_at""").setParameter(1, staleAfterSeconds).getResultList());
        orphans.forEach(id -> worker.submit(() -> run(id)));
    }

    private void run(UUID id) {
        try {
            process(id);
        } catch (RuntimeException e) {
            LOG.errorf(e, "import job %s failed", id);
            finish(id, "FAILED", "the job stopped: " + e.getMessage());
        }
    }

    private void process(UUID id) {
        Object[] job = claim(id);
        if (job == null) {
            return;
        }
        String kind = (String) job[0];
        ImportFormat format = ImportFormat.valueOf((String) job[1]);
        Path file = Path.of((String) job[2]);
        long done = num(job[3]);
        String submittedBy = (String) job[4];
        ImportRowHandler<?> handler = handler(kind);
        long started = System.nanoTime();
        LOG.infof("import job %s (%s) %s at row %d", id, kind, done == 0 ? "starts" : "resumes", done + 1);
        if (!Files.exists(file)) {
            finish(id, "FAILED", "the uploaded file is no longer available: submit it again "
                    + "(rows already applied will not be duplicated)");
            return;
        }
        try (RowReader reader = RowReader.open(format, json, file)) {
            RowReader.ParsedRow row;
            List<RowReader.ParsedRow> chunk = new ArrayList<>(CHUNK);
            while ((row = reader.next()) != null) {
                if (row.number() <= done) {
                    continue;
                }
                chunk.add(row);
                if (chunk.size() == CHUNK) {
                    applyChunk(id, handler, chunk, submittedBy);
                    chunk.clear();
                }
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            if (!chunk.isEmpty()) {
                applyChunk(id, handler, chunk, submittedBy);
            }
        } catch (IOException e) {
            finish(id, "FAILED", e.getMessage());
            return;
        }
        finish(id, "COMPLETED", null);
        deleteQuietly(file);
        LOG.infof("import job %s (%s) completed in %d ms", id, kind, (System.nanoTime() - started) / 1_000_000);
    }

    private Object[] claim(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int claimed = em.createNativeQuery("""
                            update import_job set status = 'RUNNING', started_at = coalesce(started_at, now()),
                                   heartbeat_at = now(), claimed_by = ?2
                            where id = ?1 and (status = 'QUEUED'
                               or (status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => ?3)))""")
                    .setParameter(1, id).setParameter(2, instance).setParameter(3, staleAfterSeconds)
                    .executeUpdate();
            if (claimed == 0) {
                return null;
            }
            return (Object[]) em.createNativeQuery(
                            "select kind, format, file_path, rows_done, submitted_by from import_job where id = ?1")
                    .setParameter(1, id).getSingleResult();
        });
    }

    /**
     * Applies a chunk in one transaction. If the transaction fails (a row broke a constraint the handler did not
     * foresee, or a transactional bean marked it for rollback when refusing a row), the chunk is replayed one
     * row per transaction so that only the offending rows are rejected.
     */
    private <T> void applyChunk(UUID id, ImportRowHandler<T> handler, List<RowReader.ParsedRow> chunk,
                                String submittedBy) {
        try {
            QuarkusTransaction.requiringNew().run(() -> applyRows(id, handler, chunk, submittedBy));
        } catch (RuntimeException whole) {
            LOG.debugf(whole, "chunk of job %s refused; applying its rows one by one", id);
            for (RowReader.ParsedRow row : chunk) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> applyRows(id, handler, List.of(row), submittedBy));
                } catch (RuntimeException single) {
                    ProblemException refused = Failures.causeOf(single, ProblemException.class);
                    List<RowError> errors = refused != null
                            ? violations(row.number(), refused.toProblem().getErrors(), refused.getMessage())
                            : List.of(new RowError(row.number(), "row", "could not be stored: " + Failures.rootMessage(single)));
                    QuarkusTransaction.requiringNew().run(() -> record(id, row.number(), 0, errors));
                }
            }
        }
    }

    private <T> void applyRows(UUID id, ImportRowHandler<T> handler, List<RowReader.ParsedRow> rows,
                               String submittedBy) {
        long accepted = 0;
        List<RowError> errors = new ArrayList<>();
        for (RowReader.ParsedRow row : rows) {
            List<RowError> rowErrors = applyRow(handler, row, submittedBy);
            // Keep the persistence context at one row: otherwise every flush re-checks the whole chunk.
            em.flush();
            em.clear();
            if (rowErrors.isEmpty()) {
                accepted++;
            } else {
                errors.addAll(rowErrors);
            }
        }
        record(id, rows.get(rows.size() - 1).number(), accepted, errors);
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
                    .sorted(java.util.Comparator.comparing(RowError::field))
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

    /** Progress, the rejected rows' report and the heartbeat, in the chunk's transaction. */
    private void record(UUID id, long lastRow, long accepted, List<RowError> errors) {
        long rejectedRows = errors.stream().mapToLong(RowError::row).distinct().count();
        for (RowError error : errors) {
            em.createNativeQuery("""
                            insert into import_row_error (job_id, row_number, field, message)
                            values (?1, ?2, ?3, ?4)""")
                    .setParameter(1, id).setParameter(2, error.row()).setParameter(3, truncate(error.field(), 200))
                    .setParameter(4, truncate(error.message(), 1000)).executeUpdate();
        }
        em.createNativeQuery("""
                        update import_job set rows_done = ?2, rows_accepted = rows_accepted + ?3,
                               rows_rejected = rows_rejected + ?4, heartbeat_at = now()
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, lastRow).setParameter(3, accepted)
                .setParameter(4, rejectedRows).executeUpdate();
    }

    private void finish(UUID id, String status, String failure) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update import_job set status = ?2, failure = ?3, finished_at = now() where id = ?1""")
                .setParameter(1, id).setParameter(2, status).setParameter(3, failure).executeUpdate());
    }

    private static String spoolTo(InputStream body, Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        long size;
        try (InputStream in = new DigestInputStream(body, digest); OutputStream out = Files.newOutputStream(partial)) {
            size = in.transferTo(out);
        }
        if (size == 0) {
            Files.deleteIfExists(partial);
            throw ProblemException.badRequest("the file is empty");
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Refuses a file whose CSV header names columns the row type lacks, before any row is applied. */
    private long inspect(ImportFormat format, Path file, Class<?> rowType) throws IOException {
        try (RowReader reader = RowReader.open(format, json, file)) {
            if (format == ImportFormat.CSV) {
                Set<String> known = propertiesOf(rowType);
                Set<String> unknown = new TreeSet<>(reader.header());
                unknown.removeAll(known);
                if (reader.header().isEmpty() || !unknown.isEmpty()) {
                    throw ProblemException.invalidField("header", reader.header().isEmpty()
                            ? "the CSV has no header row"
                            : "unknown column(s) " + unknown + "; expected some of " + new TreeSet<>(known));
                }
            }
            long rows = reader.countRows();
            if (rows == 0) {
                throw ProblemException.badRequest("the file has no data rows");
            }
            return rows;
        }
    }

    private Set<String> propertiesOf(Class<?> rowType) {
        JavaType type = json.constructType(rowType);
        Set<String> names = new TreeSet<>();
        for (BeanPropertyDefinition p : json.getDeserializationConfig().introspect(type).findProperties()) {
            names.add(p.getName());
        }
        return names;
    }

    private ImportRowHandler<?> handler(String kind) {
        for (ImportRowHandler<?> h : handlers) {
            if (h.kind().equals(kind)) {
                return h;
            }
        }
        throw new IllegalStateException("no import handler for kind " + kind);
    }

    private static long num(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("cannot delete spool file %s: %s", file, e.getMessage());
        }
    }
}
