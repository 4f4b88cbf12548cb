package io.bankcrm.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.events.Topics;
import io.bankcrm.platform.testing.KafkaProbe;
import io.bankcrm.platform.testing.TestTokens;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * customer-service killed (SIGKILL) in the middle of a bulk import: after a restart the job resumes where its
 * last committed chunk ended, every row lands exactly once, and every registration event reaches Kafka.
 */
class CrashDuringImportIT {

    private static final int ROWS = 10_000;
    private static final Map<String, String> FAST_TAKEOVER = Map.of(
            "CRM_JOBS_STALE_AFTER", "3s", "CRM_JOBS_HEARTBEAT_INTERVAL", "1s", "CRM_JOBS_POLL_INTERVAL", "1s");

    @Test
    void aServiceKilledMidImportResumesWithoutLosingOrDuplicatingAnything() throws Exception {
        String branch = "CRASH" + System.nanoTime() % 100_000;
        String file = ndjson(branch);
        ObjectMapper json = new ObjectMapper();
        try (KafkaProbe events = KafkaProbe.on(Topics.CUSTOMER)) {
            ServiceProcess service = ServiceProcess.start("customer-service", "customer", FAST_TAKEOVER);
            try {
                String job = RestAssured.given().baseUri(service.baseUrl())
                        .header("Authorization", TestTokens.bearer("integration"))
                        .contentType("application/x-ndjson").body(file.getBytes(StandardCharsets.UTF_8))
                        .post("/v1/customer-imports").then().statusCode(202).extract().header("Location");
                String jobPath = java.net.URI.create(job).getPath();
                awaitProgress(service, jobPath, 1_000);
                service.kill();

                service = service.restart();
                Map<String, Object> done = awaitFinished(service, jobPath);
                assertEquals("COMPLETED", done.get("status"), done.toString());
                assertEquals(ROWS, done.get("rowsDone"));
                assertEquals(ROWS, done.get("rowsAccepted"), "each row counted once, across the crash");
                assertEquals(0, done.get("rowsRejected"));
                assertEquals(ROWS, countCustomers(service, branch));

                Set<String> registered = new HashSet<>();
                events.await(r -> {
                    try {
                        JsonNode data = json.readTree(r.value());
                        if (branch.equals(data.path("homeBranch").asText())) {
                            registered.add(data.get("customerId").asText());
                        }
                        return registered.size() >= ROWS;
                    } catch (java.io.IOException e) {
                        return false;
                    }
                }, 1, Duration.ofSeconds(120));
                assertEquals(ROWS, registered.size(), "every committed registration was published");
            } finally {
                service.close();
            }
        }
    }

    private static String ndjson(String branch) {
        StringBuilder out = new StringBuilder(ROWS * 160);
        for (int i = 0; i < ROWS; i++) {
            String first17 = (110000 + i / 1000) + "1990" + String.format("%02d", 1 + i % 12)
                    + String.format("%02d", 1 + i % 28) + String.format("%03d", i % 1000);
            out.append("{\"kind\":\"INDIVIDUAL\",\"fullName\":\"员工").append(i)
                    .append("\",\"idNumber\":\"").append(first17).append(ResidentIdNumber.checkCharacter(first17))
                    .append("\",\"homeBranch\":\"").append(branch).append("\"}\n");
        }
        return out.toString();
    }

    private static void awaitProgress(ServiceProcess service, String job, int rows) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            Map<String, Object> state = job(service, job);
            int done = (Integer) state.get("rowsDone");
            assertTrue(done < ROWS, "the import finished before the crash could be staged; raise ROWS");
            if (done >= rows) {
                return;
            }
            assertTrue(Instant.now().isBefore(deadline), "no progress: " + state);
            Thread.sleep(20);
        }
    }

    private static Map<String, Object> awaitFinished(ServiceProcess service, String job) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(180);
        while (true) {
            Map<String, Object> state = job(service, job);
            if (!"RUNNING".equals(state.get("status")) && !"QUEUED".equals(state.get("status"))) {
                return state;
            }
            assertTrue(Instant.now().isBefore(deadline), "the job did not resume: " + state);
            Thread.sleep(250);
        }
    }

    private static Map<String, Object> job(ServiceProcess service, String job) {
        return RestAssured.given().baseUri(service.baseUrl()).header("Authorization", TestTokens.bearer("crm-admin"))
                .get(job).then().statusCode(200).extract().path("");
    }

    private static int countCustomers(ServiceProcess service, String branch) {
        int count = 0;
        String cursor = null;
        do {
            var request = RestAssured.given().baseUri(service.baseUrl())
                    .header("Authorization", TestTokens.bearer("crm-admin"))
                    .queryParam("branch", branch).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/v1/customers").then().statusCode(200).extract();
            count += page.<java.util.List<?>>path("items").size();
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return count;
    }
}
