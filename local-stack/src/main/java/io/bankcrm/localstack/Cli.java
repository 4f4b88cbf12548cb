package io.bankcrm.localstack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tiny "--name value" argument parser shared by the mains. */
final class Cli {

    private final Map<String, String> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Cli() {
    }

    static Cli parse(String[] args, Set<String> known, String usage) {
        Cli cli = new Cli();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println(usage);
                System.exit(0);
            }
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw fail("missing value for --" + name, usage);
                }
                if (!known.contains(name)) {
                    throw fail("unknown option --" + name, usage);
                }
                cli.options.put(name, value);
            } else {
                cli.positional.add(a);
            }
        }
        return cli;
    }

    String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    String required(String name, String usage) {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            throw fail("missing --" + name, usage);
        }
        return v;
    }

    int intValue(String name, int fallback, String usage) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw fail("--" + name + " must be a number: " + v, usage);
        }
    }

    List<String> positional() {
        return positional;
    }

    static IllegalArgumentException fail(String message, String usage) {
        System.err.println(message);
        System.err.println(usage);
        System.exit(2);
        return new IllegalArgumentException(message);
    }

    /**
     * Runs a server process: starts it (exit 1 with the reason when that fails), prints the ready line that
     * ./crm waits for, then blocks until SIGTERM, when the server is closed and "NAME stopped" printed.
     */
    static <T extends AutoCloseable> void serve(String name, java.util.function.Supplier<T> start,
                                                java.util.function.Function<T, String> readyLine)
            throws InterruptedException {
        T server;
        try {
            server = start.get();
        } catch (RuntimeException e) {
            System.err.println(name + " failed to start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                System.out.println(name + " stopped");
            } catch (Exception e) {
                System.err.println(name + " did not stop cleanly: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, name + "-shutdown"));
        System.out.println(readyLine.apply(server));
        System.out.flush();
        stopped.await();
    }
}
