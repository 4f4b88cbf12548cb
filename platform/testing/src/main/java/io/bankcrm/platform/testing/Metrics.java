package io.bankcrm.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * The service's {@code /q/metrics} (Prometheus text format) as a test reads it: a sample's value by name and labels,
 * and the names exported, to check that a metric appears and moves.
 */
public final class Metrics {

    private final List<Sample> samples;

    private Metrics(List<Sample> samples) {
        this.samples = samples;
    }

    /** One sample line: {@code name{label="value",...} number}. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** Scrapes the service under test now. */
    public static Metrics scrape() {
        return parse(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    public static Metrics parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name = brace > 0 && brace < space ? line.substring(0, brace) : line.substring(0, line.indexOf(' '));
            Map<String, String> labels = new LinkedHashMap<>();
            if (brace > 0 && brace < space) {
                String inside = line.substring(brace + 1, line.lastIndexOf('}'));
                for (String pair : inside.split(",(?=[a-zA-Z_]+=\")")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        labels.put(pair.substring(0, eq), pair.substring(eq + 2, pair.length() - 1));
                    }
                }
            }
            String number = line.substring(space + 1);
            samples.add(new Sample(name, labels, "NaN".equals(number) ? Double.NaN : Double.parseDouble(number)));
        }
        return new Metrics(samples);
    }

    /** The sum of the samples named {@code name} whose labels include {@code labels} (0 when none). */
    public double value(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    public double value(String name) {
        return value(name, Map.of());
    }

    /** Whether a sample of that name is exported. */
    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /**
     * The metric names the metrics table of docs/OPERATIONS.md gives {@code service} alone (its "by" column names
     * it), which the service's metrics test expects to find exported; the dashboard and alert checks of
     * {@code deploy/observability/check.mjs} accept only names of that table.
     */
    public static Set<String> documentedFor(String service) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/OPERATIONS.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docs/OPERATIONS.md not found above " + Path.of("").toAbsolutePath());
        }
        String docs;
        try {
            docs = Files.readString(dir.resolve("docs/OPERATIONS.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = docs.indexOf("## Metrics (`/q/metrics`");
        int end = docs.indexOf("\n#", start + 10);
        Set<String> names = new TreeSet<>();
        for (String row : docs.substring(start, end < 0 ? docs.length() : end).split("\n")) {
            String[] cells = row.split("\\|");
            if (row.startsWith("| `") && cells.length > 2 && cells[2].trim().equals(service)) {
                Matcher m = Pattern.compile("`([a-z_:][a-z0-9_:]*)").matcher(cells[1]);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("docs/OPERATIONS.md gives " + service + " no metric");
        }
        return names;
    }

    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }
}
