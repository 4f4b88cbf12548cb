package io.bankcrm.crosssell.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.bankcrm.crosssell.domain.roster.RosterRow;
import io.bankcrm.platform.problem.ProblemException;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A roster upload, streamed into a spool file of one JSON row per line (row number first), whatever it came as:
 * CSV with a header, NDJSON, or a JSON array. The spool file holds ID numbers and mobiles in clear until the job
 * that applies it ends; nothing of it goes to the database.
 */
final class RosterFile {

    static final Set<String> COLUMNS = Set.of("name", "idNumber", "mobile", "position", "officerRole", "salaryBand");
    static final int MAX_ROWS = 200_000;

    private RosterFile() {
    }

    /** Writes the upload to {@code spool}; returns the number of rows. A malformed or empty file is a 400. */
    static int spool(InputStream body, String contentType, Path spool, ObjectMapper json) {
        try (BufferedWriter out = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
            int[] count = {0};
            Consumer<Map<String, String>> write = fields -> {
                if (++count[0] > MAX_ROWS) {
                    throw ProblemException.invalidField("file", "has more than " + MAX_ROWS + " rows");
                }
                for (String column : fields.keySet()) {
                    if (!COLUMNS.contains(column)) {
                        throw ProblemException.invalidField("file", "row " + count[0] + ": unknown column " + column
                                + "; the columns are " + COLUMNS);
                    }
                }
                RosterRow row = new RosterRow(count[0], fields.get("name"), fields.get("idNumber"),
                        fields.get("mobile"), fields.get("position"), fields.get("officerRole"), fields.get("salaryBand"));
                try {
                    out.write(json.writeValueAsString(row));
                    out.newLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
            if (type.startsWith("text/csv")) {
                csv(body, write);
            } else if (type.startsWith("application/x-ndjson")) {
                ndjson(body, json, write);
            } else {
                array(body, json, write);
            }
            if (count[0] == 0) {
                throw ProblemException.invalidField("file", "has no rows");
            }
            return count[0];
        } catch (IOException e) {
            throw ProblemException.invalidField("file", "cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            deleteQuietly(spool);
            if (e instanceof ProblemException) {
                throw e;
            }
            if (e.getCause() instanceof IOException io) {
                throw ProblemException.invalidField("file", "cannot be read: " + io.getMessage());
            }
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static void csv(InputStream body, Consumer<Map<String, String>> write) throws IOException {
        CsvMapper csv = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES).build();
        MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class)
                .with(csv.schemaFor(Map.class).withHeader().withColumnReordering(true))
                .readValues(new InputStreamReader(body, StandardCharsets.UTF_8));
        while (rows.hasNextValue()) {
            Map<String, String> row = rows.nextValue();
            row.replaceAll((k, v) -> v == null || v.isEmpty() ? null : v);
            write.accept(row);
        }
    }

    @SuppressWarnings("unchecked")
    private static void ndjson(InputStream body, ObjectMapper json, Consumer<Map<String, String>> write)
            throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!line.isBlank()) {
                write.accept(text(json.readValue(line, Map.class)));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void array(InputStream body, ObjectMapper json, Consumer<Map<String, String>> write)
            throws IOException {
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ProblemException.invalidField("file", "a JSON roster is an array of rows");
            }
            parser.nextToken();
            Iterator<Map<String, Object>> rows = json.readerFor(Map.class).readValues(parser);
            while (rows.hasNext()) {
                write.accept(text(rows.next()));
            }
        }
    }

    private static Map<String, String> text(Map<String, Object> fields) {
        Map<String, String> row = new java.util.LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null && !(v instanceof String)) {
                throw ProblemException.invalidField("file", k + " must be text");
            }
            row.put(k, (String) v);
        });
        return row;
    }

    /** The spooled rows from row {@code after} + 1 on; close the stream. */
    static java.util.stream.Stream<RosterRow> read(Path spool, ObjectMapper json, long after) {
        try {
            BufferedReader lines = Files.newBufferedReader(spool, StandardCharsets.UTF_8);
            return lines.lines().skip(after).filter(l -> !l.isBlank()).map(l -> {
                try {
                    return json.readValue(l, RosterRow.class);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).onClose(() -> {
                try {
                    lines.close();
                } catch (IOException ignored) {
                    // read-only
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the roster's spool file cannot be read", e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the hourly sweep of the platform does not see this directory; a leftover is removed by hand
        }
    }
}
