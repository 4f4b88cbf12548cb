package io.bankcrm.systemtests;

import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.Metrics;
import io.bankcrm.platform.testing.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as its packaged jar in a process of its own, configured the way production configures
 * it (environment variables only), against the shared test PostgreSQL (a database of its own) and Kafka.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Path ROOT = Path.of(System.getProperty("crm.root", "..")).toAbsolutePath().normalize();
    private static final Map<String, String> PII_KEYS = Map.of(
            "CRM_PII_ENCRYPTION_KEY", "c3lzdGVtLXRlc3RzLWVuY3J5cHRpb24ta2V5LTMyYiE=",
            "CRM_PII_HASH_KEY", "c3lzdGVtLXRlc3RzLWJsaW5kLWluZGV4LWtleS0zMiE=");

    private final String name;
    private final String database;
    private final Map<String, String> extraEnv;
    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(String name, String database, Map<String, String> extraEnv, Process process, Path log,
                           int port) {
        this.name = name;
        this.database = database;
        this.extraEnv = extraEnv;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code module}'s jar with its own database and waits until it is ready. */
    static ServiceProcess start(String module, String database, Map<String, String> extraEnv) {
        return start(module, database, extraEnv, freePort());
    }

    /** Kills the process at once (SIGKILL), as a crash or an out-of-memory kill would. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the same service again on the same port and database. */
    ServiceProcess restart() {
        return start(name, database, extraEnv, port);
    }

    private static ServiceProcess start(String module, String database, Map<String, String> extraEnv, int port) {
        Path jar = ROOT.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + module + " first");
        }
        PersonalValues.startRun();
        Path dir = PersonalValues.DIR;
        Path log = dir.resolve(module + "-" + System.nanoTime() + ".log");
        try {
            Files.createDirectories(dir);
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-jar", jar.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", CrmTestStack.databaseUrl(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", CrmTestStack.dbUser());
            env.put("QUARKUS_DATASOURCE_PASSWORD", CrmTestStack.dbPassword());
            env.put("KAFKA_BOOTSTRAP_SERVERS", CrmTestStack.bootstrapServers());
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.publicKeyFile().toString());
            env.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
            env.put("CRM_IMPORTS_SPOOL_DIR", dir.resolve("spool-" + module).toString());
            env.putAll(PII_KEYS);
            env.putAll(extraEnv);
            ServiceProcess service = new ServiceProcess(module, database, extraEnv, builder.start(), log, port);
            service.awaitReady(Duration.ofSeconds(180));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + module, e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The sum of the process's {@code /q/metrics} samples named {@code name} whose labels include {@code labels}. */
    double metric(String name, Map<String, String> labels) {
        return Metrics.parse(io.restassured.RestAssured.given().baseUri(baseUrl()).get("/q/metrics").then()
                .statusCode(200).extract().asString()).value(name, labels);
    }

    /** The file the process writes its log to (JSON lines: the prod profile). */
    Path log() {
        return log;
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
