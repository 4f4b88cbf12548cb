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
}
