package io.bankcrm.platform.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a spooled bulk file one row at a time, so memory does not grow with the file. A row that cannot be
 * parsed is returned with its error rather than ending the file: one bad line must not hide the good ones.
 */
final class RowReader implements AutoCloseable {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES).build();

    private final ImportFormat format;
    private final ObjectMapper json;
    private final BufferedReader lines;
    private final MappingIterator<List<String>> records;
    private final List<String> header;
    private long number;

    private RowReader(ImportFormat format, ObjectMapper json, Path file) throws IOException {
        this.format = format;
        this.json = json;
        if (format == ImportFormat.CSV) {
            this.lines = null;
            BufferedReader text = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            try {
                this.records = CSV.readerForListOf(String.class).readValues(text);
                this.header = records.hasNextValue() ? stripBom(records.nextValue()) : List.of();
            } catch (IOException | RuntimeException e) {
                text.close();
                throw Unreadable.of(format, 0, e);
            }
        } else {
            this.lines = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            this.records = null;
            this.header = null;
        }
    }

    static RowReader open(ImportFormat format, ObjectMapper json, Path file) {
        try {
            return new RowReader(format, json, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The CSV column names; null for NDJSON. */
    List<String> header() {
        return header;
    }

    /** The next row, or null at the end of the file. */
    ParsedRow next() throws IOException {
        return format == ImportFormat.CSV ? nextCsv() : nextNdjson();
    }

    private ParsedRow nextCsv() throws IOException {
        List<String> values;
        try {
            if (!records.hasNextValue()) {
                return null;
            }
            values = records.nextValue();
        } catch (IOException | RuntimeException e) {
            throw Unreadable.of(format, number, e);
        }
        if (values.size() == 1 && values.get(0).isEmpty()) {
            return nextCsv();
        }
        number++;
        if (values.size() != header.size()) {
            return ParsedRow.failed(number, "has " + values.size() + " columns, the header has " + header.size());
        }
        ObjectNode node = json.createObjectNode();
        for (int i = 0; i < header.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isEmpty()) {
                node.putNull(header.get(i));
            } else {
                node.put(header.get(i), value);
            }
        }
        return ParsedRow.parsed(number, node);
    }

    private ParsedRow nextNdjson() throws IOException {
        String line;
        do {
            try {
                line = lines.readLine();
            } catch (IOException e) {
                throw Unreadable.of(format, number, e);
            }
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        number++;
        try {
            JsonNode node = json.readTree(line);
            if (node == null || !node.isObject()) {
                return ParsedRow.failed(number, "is not a JSON object");
            }
            return ParsedRow.parsed(number, node);
        } catch (IOException e) {
            return ParsedRow.failed(number, "is not valid JSON");
        }
    }

    /** Counts the data rows, for progress reporting. */
    long countRows() throws IOException {
        long count = 0;
        while (next() != null) {
            count++;
        }
        return count;
    }

    private static List<String> stripBom(List<String> header) {
        List<String> names = new ArrayList<>(header);
        if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
            names.set(0, names.get(0).substring(1));
        }
        return names;
    }

    @Override
    public void close() throws IOException {
        if (records != null) {
            records.close();
        }
        if (lines != null) {
            lines.close();
        }
    }

    /** The file itself cannot be read on from some row: it is not UTF-8, or its CSV quoting is unbalanced. */
    static final class Unreadable extends IOException {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }

        static Unreadable of(ImportFormat format, long lastGoodRow, Throwable cause) {
            String where = lastGoodRow == 0 ? "from its start" : "after row " + lastGoodRow;
            if (io.bankcrm.platform.problem.Failures.causeOf(cause, java.nio.charset.CharacterCodingException.class) != null) {
                return new Unreadable("the file is not valid UTF-8 text " + where, cause);
            }
            return new Unreadable(format == ImportFormat.CSV
                    ? "the CSV cannot be read " + where + ": a quoted value has no closing quote, or the quoting is otherwise broken"
                    : "the file cannot be read " + where, cause);
        }
    }

    record ParsedRow(long number, JsonNode node, String error) {
        static ParsedRow parsed(long number, JsonNode node) {
            return new ParsedRow(number, node, null);
        }

        static ParsedRow failed(long number, String error) {
            return new ParsedRow(number, null, error);
        }
    }
}
