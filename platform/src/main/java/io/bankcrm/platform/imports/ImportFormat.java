package io.bankcrm.platform.imports;

import io.bankcrm.platform.problem.ProblemException;

import java.util.Locale;

/** The bulk file formats: CSV with a header row, or one JSON object per line. */
public enum ImportFormat {
    CSV, NDJSON;

    public static final String CSV_MEDIA_TYPE = "text/csv";
    public static final String NDJSON_MEDIA_TYPE = "application/x-ndjson";

    public static ImportFormat fromContentType(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case CSV_MEDIA_TYPE -> CSV;
            case NDJSON_MEDIA_TYPE, "application/ndjson", "application/jsonl" -> NDJSON;
            default -> throw new ProblemException("unsupported-media-type", "Unsupported media type", 415,
                    "send the file as " + CSV_MEDIA_TYPE + " or " + NDJSON_MEDIA_TYPE, null, null);
        };
    }
}
