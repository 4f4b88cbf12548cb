package io.bankcrm.platform.imports;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.bankcrm.platform.config.PlatformConfig;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.jobs.Job;
import io.bankcrm.platform.jobs.Jobs;
import io.bankcrm.platform.problem.Failures;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bulk files as background jobs. The upload is streamed to a spool file (never held in memory), its header
 * checked and its rows counted, and an {@code import} job queued ({@link Jobs}); {@link ImportJobHandler} then
 * applies the rows in chunks on a job worker of any instance, resuming after a crash where the last committed chunk
 * ended.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    private static final Pattern SPOOLED = Pattern.compile(".+-([0-9a-f-]{36})\\.(csv|ndjson)");

    private final Instance<ImportRowHandler<?>> handlers;
    private final Jobs jobs;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Path spool;

    public ImportJobs(@Any Instance<ImportRowHandler<?>> handlers, Jobs jobs, EntityManager em, ObjectMapper json,
                      PlatformConfig config) {
        this.handlers = handlers;
        this.jobs = jobs;
        this.em = em;
        this.json = json;
        this.spool = Path.of(config.imports().spoolDir()).toAbsolutePath();
    }

    /**
     * Spools the file, checks its header, counts its rows and queues the job (in the caller's transaction if there
     * is one). A file refused here (415, 400) leaves nothing behind.
     *
     * @param rows the {@link ImportRowHandler#kind()} that applies the file's rows
     */
    public ImportJob submit(String rows, ImportFormat format, InputStream body, String submittedBy) {
        ImportRowHandler<?> handler = handler(rows);
        Path file = spool.resolve(rows + "-" + UUID.randomUUID() + "." + format.name().toLowerCase(Locale.ROOT));
        try {
            Files.createDirectories(spool);
            String sha256 = spoolTo(body, file);
            long total = inspect(format, file, handler.rowType());
            ImportParameters parameters = new ImportParameters(rows, format, file.toString(), sha256, total);
            UUID id = QuarkusTransaction.joiningExisting().call(() ->
                    jobs.submit(ImportJobHandler.KIND, parameters, total, submittedBy));
            return get(rows, id);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            RowReader.Unreadable unreadable = Failures.causeOf(e, RowReader.Unreadable.class);
            if (unreadable != null) {
                throw ProblemException.invalidField("file", unreadable.getMessage());
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot spool the uploaded file", io);
            }
            throw (RuntimeException) e;
        }
    }

    /** An import job of {@code rows}; 404 for any other job. */
    public ImportJob get(String rows, UUID id) {
        return view(job(rows, id));
    }

    /**
     * Asks an import to stop: a queued one is cancelled at once, a running one after its current chunk (the rows
     * applied before stay applied). 409 once it has finished.
     */
    public ImportJob cancel(String rows, UUID id, String by) {
        job(rows, id);
        return view(jobs.cancel(ImportJobHandler.KIND, id, by));
    }

    /** The rejected rows of a job, in file order. */
    public Page<RowError> errors(String rows, UUID id, PageRequest page) {
        job(rows, id);
        long after = page.first() ? 0 : page.afterLong(0);
        return QuarkusTransaction.joiningExisting().call(() -> Page.fromOverfetch(
                SqlRow.list(em.createNativeQuery("""
                                select id, row_number, field, message from import_row_error
                                where job_id = ?1 and id > ?2 order by id limit ?3""", Tuple.class)
                        .setParameter(1, id).setParameter(2, after).setParameter(3, page.limit() + 1)),
                page.limit(), ImportJobs::rowError, r -> PageRequest.cursorAfter(r.text("id"))));
    }

    private static RowError rowError(SqlRow row) {
        return new RowError(row.longValue("row_number"), row.text("field"), row.text("message"));
    }

    private Job job(String rows, UUID id) {
        Job job = QuarkusTransaction.joiningExisting().call(() -> jobs.get(ImportJobHandler.KIND, id));
        if (!rows.equals(job.parameters(ImportParameters.class).rows())) {
            throw ProblemException.notFound(rows + " import job", id);
        }
        return job;
    }

    private static ImportJob view(Job job) {
        ImportParameters parameters = job.parameters(ImportParameters.class);
        var view = job.view(ImportSummary.class);
        ImportSummary summary = view.result() == null ? ImportSummary.NONE : view.result();
        return new ImportJob(view, parameters.rows(), parameters.format(), parameters.fileSha256(),
                parameters.totalRows(), view.progress().done(), summary.rowsAccepted(), summary.rowsRejected());
    }

    /**
     * Spool files whose job has ended (cancelled or failed: a completed job deletes its own) or never committed
     * are deleted once they are a day old.
     */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteAbandonedSpoolFiles() {
        if (!Files.isDirectory(spool)) {
            return;
        }
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(spool)) {
            for (Path file : files) {
                Matcher name = SPOOLED.matcher(file.getFileName().toString());
                if (name.matches() && Files.getLastModifiedTime(file).toInstant().isBefore(dayAgo)
                        && !stillNeeded(file)) {
                    LOG.infof("deleting abandoned spool file %s", file);
                    deleteQuietly(file);
                }
            }
        } catch (IOException e) {
            LOG.warnf("cannot clean the spool directory %s: %s", spool, e.getMessage());
        }
    }

    private boolean stillNeeded(Path file) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery("""
                        select 1 from job where kind = ?1 and parameters ->> 'file' = ?2
                          and status in ('QUEUED', 'RUNNING')""")
                .setParameter(1, ImportJobHandler.KIND).setParameter(2, file.toString()).getResultList().isEmpty());
    }

    ImportRowHandler<?> handler(String rows) {
        for (ImportRowHandler<?> h : handlers) {
            if (h.kind().equals(rows)) {
                return h;
            }
        }
        throw new IllegalStateException("no import handler for kind " + rows);
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

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("cannot delete spool file %s: %s", file, e.getMessage());
        }
    }
}
