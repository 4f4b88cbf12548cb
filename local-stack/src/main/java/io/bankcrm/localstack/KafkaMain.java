package io.bankcrm.localstack;

import java.nio.file.Path;
import java.util.Set;

/**
 * Runs {@link EmbeddedKafkaBroker} as its own OS process until SIGTERM/SIGINT.
 *
 * <pre>java io.bankcrm.localstack.KafkaMain --data DIR --port 9092</pre>
 *
 * Prints {@code kafka ready on localhost:N} once the broker serves metadata; on SIGTERM shuts the
 * broker down cleanly (data kept).
 */
public final class KafkaMain {

    private static final String USAGE = "usage: KafkaMain --data DIR [--port 9092]";

    private KafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Cli cli = Cli.parse(args, Set.of("data", "port"), USAGE);
        Path data = Path.of(cli.required("data", USAGE));
        int port = cli.intValue("port", 9092, USAGE);

        Cli.serve("kafka", () -> EmbeddedKafkaBroker.start(data, port),
                broker -> "kafka ready on " + broker.bootstrapServers());
    }
}
