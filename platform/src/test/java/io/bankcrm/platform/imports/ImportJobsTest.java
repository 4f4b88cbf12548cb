package io.bankcrm.platform.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.platform.jobs.Gates;
import io.bankcrm.platform.jobs.JobStatus;
import io.bankcrm.platform.jobs.Replica;
import io.bankcrm.platform.jobs.StepJobs;
import io.bankcrm.platform.jobs.Jobs;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.web.PageRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bulk files as jobs on the real PostgreSQL: rows applied and reported, refusals, cancellation, and a crash. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class ImportJobsTest {

    @Inject
    ImportJobs imports;

    @Inject
    Jobs jobs;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Test
    void goodRowsAreAppliedAndBadOnesReportedWithTheirRowAndField() throws Exception {
        String p = prefix();
        String file = "{\"code\":\"" + p + "1\",\"amount\":10}\n"
                + "{not json\n"
                + "\n"
                + "{\"code\":\"" + p + "3\",\"amount\":-1}\n"
                + "{\"amount\":4}\n"
                + "{\"code\":\"" + p + "5\",\"amount\":50}\n";
        ImportJob submitted = submit(ImportFormat.NDJSON, file);
        assertEquals(5, submitted.totalRows());
        assertEquals(5L, submitted.job().progress().total());
        assertEquals(TestRows.KIND, submitted.rows());

        ImportJob done = await(submitted.job().id(), j -> j.job().status().finished());
        assertEquals(JobStatus.COMPLETED, done.job().status());
        assertEquals(new ImportSummary(2, 3), done.job().result());
        assertEquals(5, done.job().progress().done());
        assertEquals(100, done.job().progress().percent());
        assertEquals(2, done.rowsAccepted());
        assertEquals(3, done.rowsRejected());
        assertEquals(List.of(new RowError(2, "row", "is not valid JSON"),
                        new RowError(3, "amount", "must not be negative"), new RowError(4, "code", "must not be blank")),
                imports.errors(TestRows.KIND, done.job().id(), PageRequest.of(10, null)).items());
        assertEquals(List.of(1, 1), applications(p));
        Path spooled = Path.of(jobs.get("import", done.job().id()).parameters(ImportParameters.class).file());
        assertFalse(Files.exists(spooled), "the spool file is deleted once applied");

        // one shape for every job: the shared members at the top, the import's own beside them
        JsonNode shown = json.readTree(json.writeValueAsString(done));
        assertEquals("import", shown.get("kind").asText());
        assertEquals("COMPLETED", shown.get("status").asText());
        assertEquals(5, shown.get("progress").get("done").asInt());
        assertEquals(3, shown.get("result").get("rowsRejected").asInt());
        assertEquals(2, shown.get("rowsAccepted").asInt());
        assertEquals(TestRows.KIND, shown.get("rows").asText());
        assertFalse(shown.has("job"));
        assertFalse(shown.toString().contains(".ndjson"), "the spool path is not shown");
    }

    @Test
    void aCsvWithColumnsTheRowsLackIsRefusedBeforeAnythingIsQueued() {
        long before = importJobs();
        ProblemException refused = assertThrows(ProblemException.class,
                () -> submit(ImportFormat.CSV, "code,amount,colour\nA,1,red\n"));
        assertEquals(400, refused.status());
        assertEquals(400, assertThrows(ProblemException.class, () -> submit(ImportFormat.CSV, "code,amount\n"))
                .status(), "no data rows");
        assertEquals(before, importJobs());
    }

    @Test
    void anImportWhoseWorkerIsKilledResumesAtTheFirstRowNotCommittedAndAppliesEachRowOnce() {
        // the application's workers are kept busy, so a second instance takes the file, and is killed mid-way
        String busy = "import-busy-" + UUID.randomUUID();
        Gates.close(StepJobs.gate(busy, 1));
        List<UUID> blockers = List.of(step(busy), step(busy));
        awaitRunning(blockers);
        String p = prefix();
        Gates.close(p + "700");
        try (Replica victim = Replica.start()) {
            ImportJob submitted = submit(ImportFormat.CSV, csv(p, 1_250));
            await(submitted.job().id(), j -> j.job().progress().done() == 500);
            assertEquals(victim.instance(), claimedBy(submitted.job().id()));
            victim.kill();
            Gates.open(StepJobs.gate(busy, 1));
            Gates.open(p + "700");

            ImportJob done = await(submitted.job().id(), j -> j.job().status().finished());
            assertEquals(JobStatus.COMPLETED, done.job().status(), String.valueOf(done));
            assertEquals(Replica.applicationInstance(), claimedBy(done.job().id()));
            assertEquals(1_250, done.rowsDone());
            assertEquals(1_250, done.rowsAccepted(), "each row counted once, across the crash");
            assertEquals(0, done.rowsRejected());
            List<Integer> applications = applications(p);
            assertEquals(1_250, applications.size());
            assertEquals(List.of(1), applications.stream().distinct().toList(), "each row's effect committed once");
        }
    }

    @Test
    void aCancelledImportStopsAfterItsCurrentChunkAndKeepsWhatItApplied() {
        String p = prefix();
        Gates.close(p + "0600");
        ImportJob submitted = submit(ImportFormat.CSV, csv(p, 1_200).replace(p + "600,", p + "0600,"));
        await(submitted.job().id(), j -> j.job().progress().done() == 500);
        ImportJob asked = imports.cancel(TestRows.KIND, submitted.job().id(), "boss");
        assertEquals(true, asked.job().cancelRequested());
        Gates.open(p + "0600");

        ImportJob stopped = await(submitted.job().id(), j -> j.job().status().finished());
        assertEquals(JobStatus.CANCELLED, stopped.job().status());
        assertEquals(1_000, stopped.rowsDone());
        assertEquals(1_000, applications(p).size());
        assertEquals(409, assertThrows(ProblemException.class,
                () -> imports.cancel(TestRows.KIND, submitted.job().id(), "boss")).status());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> imports.get("customers", submitted.job().id())).status(), "not a file of other rows");
    }

    private ImportJob submit(ImportFormat format, String file) {
        return imports.submit(TestRows.KIND, format, new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                "tester");
    }

    private static String csv(String prefix, int rows) {
        StringBuilder csv = new StringBuilder("code,amount\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(prefix).append(i).append(',').append(i).append('\n');
        }
        return csv.toString();
    }

    private static String prefix() {
        return "T" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    private UUID step(String gate) {
        return QuarkusTransaction.requiringNew().call(() ->
                jobs.submit(StepJobs.RESUMABLE, new StepJobs.Parameters(1, gate, null), "tester"));
    }

    private ImportJob await(UUID id, Predicate<ImportJob> until) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            ImportJob job = imports.get(TestRows.KIND, id);
            if (until.test(job)) {
                return job;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("import " + id + " still " + job);
            }
            pause();
        }
    }

    private void awaitRunning(List<UUID> ids) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (ids.stream().anyMatch(id -> jobs.get(StepJobs.RESUMABLE, id).status() != JobStatus.RUNNING)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the blocking jobs did not start");
            }
            pause();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Integer> applications(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(
                        "select applications from test_import_row where code like ?1 order by code")
                .setParameter(1, prefix + "%").getResultList()).stream().map(Number::intValue).toList());
    }

    private long importJobs() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from job where kind = 'import'").getSingleResult()).longValue());
    }

    private String claimedBy(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select claimed_by from job where id = ?1").setParameter(1, id).getSingleResult());
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
