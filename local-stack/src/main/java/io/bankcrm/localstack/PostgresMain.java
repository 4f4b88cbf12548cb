package io.bankcrm.localstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Runs {@link EmbeddedPostgresServer} as its own OS process until SIGTERM/SIGINT.
 *
 * <pre>java io.bankcrm.localstack.PostgresMain --data DIR --port 15432 --databases customer,segmentation</pre>
 *
 * Prints {@code postgres ready on port N} once the server accepts connections and the databases
 * exist; on SIGTERM stops PostgreSQL cleanly (data kept).
 */
public final class PostgresMain {

    private static final String USAGE =
            "usage: PostgresMain --data DIR [--port 15432] [--databases db1,db2,...]";

    private PostgresMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Cli cli = Cli.parse(args, Set.of("data", "port", "databases"), USAGE);
        Path data = Path.of(cli.required("data", USAGE));
        int port = cli.intValue("port", 15432, USAGE);
        List<String> databases = Arrays.stream(cli.get("databases", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();

        Cli.serve("postgres", () -> {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, port);
            databases.forEach(server::createDatabaseIfMissing);
            return server;
        }, server -> "postgres ready on port " + server.port());
    }
}
