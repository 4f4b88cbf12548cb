package io.bankcrm.localstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A real single-node Apache Kafka (KRaft, broker and controller in one) running inside this JVM.
 *
 * <p>The storage is formatted on first start and kept in the data directory between runs.
 * {@link #stop()} shuts the broker down completely (its port is closed); {@link #restart()}
 * starts it again on the same port with the same data. Topics are created automatically with 3
 * partitions; internal topics have replication factor 1.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** Strong references: java.util.logging keeps loggers only weakly. */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private final Path dataDir;
    private final int port;
    private int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * A real single-node KRaft broker+controller (KafkaRaftServer, in process); formats storage on
     * first run; port 0 = free port; data kept in dataDir.
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        quietLogs();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir.toAbsolutePath().normalize(),
                port == 0 ? freePort() : port);
        broker.startServer();
        return broker;
    }

    /** localhost:PORT */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Shuts the broker down fully (port closed), keeps data. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer s = server;
        server = null;
        s.shutdown();
        s.awaitShutdown();
    }

    /** Starts again on the same port and data; serves metadata before returning. Stops first if running. */
    public synchronized void restart() {
        stop();
        startServer();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops if running. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "Kafka on " + bootstrapServers() + " (data " + dataDir + ")";
    }

    private synchronized void startServer() {
        if (!isFree(port)) {
            throw new IllegalStateException("cannot start Kafka: port " + port + " is already in use");
        }
        if (controllerPort == 0 || !isFree(controllerPort)) {
            controllerPort = freePort();
        }
        KafkaConfig config = new KafkaConfig(config(), false);
        try {
            Files.createDirectories(dataDir);
            formatIfNeeded(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka storage in " + dataDir, e);
        }
        KafkaRaftServer s = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            s.startup();
            awaitReady();
        } catch (RuntimeException e) {
            try {
                s.shutdown();
                s.awaitShutdown();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        server = s;
    }

    private Map<String, Object> config() {
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private void formatIfNeeded(KafkaConfig config) throws IOException {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
            new Formatter()
                    .setPrintStream(quiet)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(List.of(dataDir.toString()))
                    .setHasDynamicQuorum(false)
                    .run();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The broker is registered, unfenced and answers metadata requests. */
    private void awaitReady() {
        Map<String, Object> props = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000))
                            .nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka did not become ready on " + bootstrapServers(), e);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not become ready on " + bootstrapServers());
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Kafka logs a lot at INFO. When the JVM's log manager is java.util.logging based (JBoss
     * LogManager inside Quarkus, or plain JUL), lower Kafka's categories to WARN unless someone
     * configured them. The standalone mains use slf4j-simple at WARN (simplelogger.properties).
     */
    private static synchronized void quietLogs() {
        if (!QUIETED.isEmpty()) {
            return;
        }
        Map<String, Level> levels = Map.of(
                "kafka", Level.WARNING,
                "org.apache.kafka", Level.WARNING,
                "state.change.logger", Level.WARNING,
                // routine KRaft start-up notice, logged at WARN
                "org.apache.kafka.controller.QuorumController", Level.SEVERE,
                // after a restart the first controller registration may hit a transient
                // NotControllerException (logged with a stack trace); it is retried and succeeds
                "kafka.server.ControllerApis", Level.OFF);
        levels.forEach((category, level) -> {
            Logger logger = Logger.getLogger(category);
            if (logger.getLevel() == null) {
                logger.setLevel(level);
            }
            QUIETED.add(logger);
        });
    }
}
