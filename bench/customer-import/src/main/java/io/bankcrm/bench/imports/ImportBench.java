package io.bankcrm.bench.imports;

import io.bankcrm.identifiers.ResidentIdNumber;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.BufferedWriter;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bulk-import benchmark for customer-service: generates N individual customers (valid resident IDs) as NDJSON,
 * streams the file to POST /v1/customer-imports, polls the job and prints the throughput.
 *
 * Run: see bench/README.md (arguments: [rows] [baseUrl] [token]). The resident IDs get their
 * check character from {@code identifiers}, the rule customer-service validates them with.
 */
public class ImportBench {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String base = args.length > 1 ? args[1] : "http://localhost:8081";
        String token = args.length > 2 ? args[2] : System.getenv("CRM_TOKEN");
        if (token == null) {
            throw new IllegalArgumentException("pass a token: ./crm token integration");
        }
        String run = Long.toString(System.currentTimeMillis() % 100_000);
        Path file = Files.createTempFile("customers-", ".ndjson");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < rows; i++) {
                // region 1xxxxx varies with the run and the row so that re-runs register new people
                String first17 = String.format("%06d", 100000 + (Integer.parseInt(run) * 7 + i / 1000) % 900000)
                        + "1980" + String.format("%02d", 1 + i % 12) + String.format("%02d", 1 + i % 28)
                        + String.format("%03d", i % 1000);
                out.write("{\"kind\":\"INDIVIDUAL\",\"fullName\":\"客户" + run + "-" + i + "\",\"idNumber\":\""
                        + first17 + ResidentIdNumber.checkCharacter(first17) + "\",\"homeBranch\":\"BENCH" + run + "\"}\n");
            }
        }
        System.out.printf("file: %d rows, %.1f MB%n", rows, Files.size(file) / 1e6);
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/customer-imports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (submitted.statusCode() != 202) {
            throw new IllegalStateException("submit failed: " + submitted.statusCode() + " " + submitted.body());
        }
        String location = submitted.headers().firstValue("Location").orElseThrow();
        System.out.printf("accepted (spooled and counted) in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        while (true) {
            Thread.sleep(1000);
            String job = http.send(HttpRequest.newBuilder(URI.create(location)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            String status = field(job, "status");
            System.out.printf("  %s %s/%s rows%n", status, field(job, "rowsDone"), field(job, "totalRows"));
            if (!status.equals("RUNNING") && !status.equals("QUEUED")) {
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s: %s accepted, %s rejected in %.1f s = %.0f rows/s%n", status,
                        field(job, "rowsAccepted"), field(job, "rowsRejected"), seconds, rows / seconds);
                break;
            }
        }
        Files.delete(file);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }
}
