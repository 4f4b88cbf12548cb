package io.bankcrm.platform.testing;

import io.bankcrm.localstack.EmbeddedKafkaBroker;
import io.bankcrm.localstack.EmbeddedPostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one test resource of the suite: a real PostgreSQL server and a real Kafka broker, started once per test
 * JVM (so once per module) under {@code target/crm-test}, plus a JWT key pair for {@link TestTokens}.
 * <p>
 * To test against servers that already run, pass {@code -Dcrm.test.jdbc-url=jdbc:postgresql://host:port/db}
 * (with {@code -Dcrm.test.db-user} and {@code -Dcrm.test.db-password}) and/or
 * {@code -Dcrm.test.kafka=host:port}. Tests that stop and restart the broker are skipped then.
 */
public class CrmTestStack implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "crm_test";

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaBroker kafka;
    private static String jdbcUrl;
    private static String dbUser;
    private static String dbPassword;
    private static String bootstrapServers;

    @Override
    public Map<String, String> start() {
        ensureStarted();
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", dbUser,
                "quarkus.datasource.password", dbPassword,
                "kafka.bootstrap.servers", bootstrapServers,
                "mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // The stack lives as long as the test JVM: other test classes of the module reuse it.
    }

    public static synchronized void ensureStarted() {
        if (bootstrapServers != null) {
            return;
        }
        quiet("io.zonky", "org.apache.kafka", "kafka");
        Path root = Path.of("target", "crm-test").toAbsolutePath();
        String externalDb = System.getProperty("crm.test.jdbc-url");
        String externalKafka = System.getProperty("crm.test.kafka");
        wipe(root);
        if (externalDb != null) {
            jdbcUrl = externalDb;
            dbUser = System.getProperty("crm.test.db-user", "postgres");
            dbPassword = System.getProperty("crm.test.db-password", "postgres");
        } else {
            postgres = EmbeddedPostgresServer.start(root.resolve("pg"), 0);
            postgres.createDatabaseIfMissing(DATABASE);
            jdbcUrl = postgres.jdbcUrl(DATABASE);
            dbUser = postgres.user();
            dbPassword = postgres.password();
        }
        if (externalKafka != null) {
            bootstrapServers = externalKafka;
        } else {
            kafka = EmbeddedKafkaBroker.start(root.resolve("kafka"), 0);
            bootstrapServers = kafka.bootstrapServers();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(CrmTestStack::shutdown, "crm-test-stack-stop"));
    }

    /**
     * A database of its own on the same server, for tests that run several services side by side (one database
     * per service, as in production). Created on the embedded server; on an external one it must exist.
     */
    public static synchronized String databaseUrl(String name) {
        ensureStarted();
        if (postgres != null) {
            postgres.createDatabaseIfMissing(name);
            return postgres.jdbcUrl(name);
        }
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : jdbcUrl.substring(query));
    }

    public static String dbUser() {
        ensureStarted();
        return dbUser;
    }

    public static String dbPassword() {
        ensureStarted();
        return dbPassword;
    }

    public static String bootstrapServers() {
        ensureStarted();
        return bootstrapServers;
    }

    /** True when the broker runs in this JVM, so a test may stop and restart it. */
    public static boolean kafkaControllable() {
        ensureStarted();
        return kafka != null;
    }

    /** Stops the broker (keeping its data) to simulate an outage. */
    public static void stopKafka() {
        requireControllable();
        kafka.stop();
    }

    /** Brings the broker back on the same port with the same data. */
    public static void restartKafka() {
        requireControllable();
        kafka.restart();
    }

    private static void requireControllable() {
        if (!kafkaControllable()) {
            throw new IllegalStateException("Kafka is external (-Dcrm.test.kafka): it cannot be stopped by a test");
        }
    }

    private static synchronized void shutdown() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** The embedded servers only speak up when something is wrong (Quarkus tests configure this themselves). */
    private static void quiet(String... categories) {
        for (String category : categories) {
            java.util.logging.Logger.getLogger(category).setLevel(java.util.logging.Level.WARNING);
        }
    }

    private static void wipe(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
