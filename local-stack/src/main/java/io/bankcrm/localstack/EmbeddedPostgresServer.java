package io.bankcrm.localstack;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (the zonky PostgreSQL 17 binaries from Maven Central), started as a
 * child process of this JVM.
 *
 * <p>The data directory is kept between runs: the first start runs {@code initdb}, later starts
 * reuse the data. The binaries are unpacked next to the data directory (into
 * {@code <dataDir's parent>/postgres-binaries}), not into {@code /tmp}.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM runs as root, zonky starts the PostgreSQL
 * programs under {@code unshare -U} (a user namespace in which they are not root) if the kernel
 * allows it. Where it does not (e.g. a container whose seccomp profile forbids user namespaces),
 * the programs are started through a small wrapper that drops to an unprivileged user
 * ({@code nobody} by default, system property {@code localstack.postgres.os-user} to change it)
 * and the data directory is owned by that user. See {@link NonRootPgBinaryResolver}.
 *
 * <p>Authentication is {@code trust} on loopback (the server listens on localhost only); the
 * superuser {@code postgres} also gets the password {@code postgres}, so JDBC user/password
 * logins work either way.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    /** zonky reads this system property when a builder is created; see {@link #newBuilder}. */
    private static final String ZONKY_WORKING_DIR_PROPERTY = "ot.epg.working-dir";
    private static final Object BUILDER_LOCK = new Object();

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts (or reuses the data of) a real PostgreSQL server; port 0 picks a free port. dataDir
     * kept between runs.
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /**
     * As {@link #start(Path, int)}, with server settings beside the defaults (e.g. a benchmark's WAL settings for a
     * bulk load); each is passed as {@code -c name=value} at start, so it holds for this start only.
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, Map<String, String> settings) {
        Path data = dataDir.toAbsolutePath().normalize();
        Path parent = data.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("the data directory needs a parent directory: " + data);
        }
        Path binaries = parent.resolve("postgres-binaries");
        try {
            Files.createDirectories(binaries);
            failIfAlreadyRunning(data);
            PgBinaryResolver resolver = DefaultPostgresBinaryResolver.INSTANCE;
            if (NonRootPgBinaryResolver.runningAsRoot() && !LinuxUtils.isUnshareAvailable()) {
                NonRootPgBinaryResolver nonRoot = NonRootPgBinaryResolver.forWorkingDirectory(binaries);
                nonRoot.prepareDataDirectory(data);
                resolver = nonRoot;
            } else {
                Files.createDirectories(data);
            }
            EmbeddedPostgres.Builder builder = newBuilder(binaries)
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setPgBinaryResolver(resolver)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("listen_addresses", "localhost");
            settings.forEach(builder::setServerConfig);
            if (port != 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg, data);
            server.setSuperuserPassword();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + data + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the database unless it exists. Names: letters, digits and underscores. */
    public void createDatabaseIfMissing(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = connect("postgres")) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE \"" + name + "\"");
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created concurrently
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server, keeps data. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL in " + dataDir, e);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL on port " + port() + " (data " + dataDir + ")";
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    private void setSuperuserPassword() {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + USER + " WITH PASSWORD '" + PASSWORD + "'");
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("PostgreSQL started but could not be configured: " + e.getMessage(), e);
        }
    }

    /**
     * zonky always creates (and sweeps stale data directories out of) a "parent directory" that
     * it reads from a system property when a builder is created, by default {@code /tmp/embedded-pg}.
     * Point it at our binaries directory instead, which never contains data directories.
     */
    private static EmbeddedPostgres.Builder newBuilder(Path binaries) {
        synchronized (BUILDER_LOCK) {
            String previous = System.getProperty(ZONKY_WORKING_DIR_PROPERTY);
            if (previous != null) {
                return EmbeddedPostgres.builder();
            }
            System.setProperty(ZONKY_WORKING_DIR_PROPERTY, binaries.toString());
            try {
                return EmbeddedPostgres.builder();
            } finally {
                System.clearProperty(ZONKY_WORKING_DIR_PROPERTY);
            }
        }
    }

    /** A postmaster left over from an earlier run (e.g. its JVM was killed) holds the data directory. */
    private static void failIfAlreadyRunning(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        boolean isPostgres = process
                .flatMap(p -> p.info().command())
                .map(cmd -> cmd.endsWith("postgres"))
                .orElse(process.isPresent());
        if (isPostgres) {
            String port = lines.size() > 3 ? lines.get(3).trim() : "?";
            throw new IllegalStateException("PostgreSQL is already running on data directory " + data
                    + " (pid " + pid + ", port " + port + "); stop it first");
        }
    }
}
