package io.bankcrm.platform.web;

import io.bankcrm.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Cursor pagination: {@code limit} (default 50, capped at 200) and an opaque {@code cursor} that encodes the
 * sort key of the last item returned. Keyset paging keeps every page an index range scan, however deep.
 */
public record PageRequest(int limit, List<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    /** Longest cursor: a sort key of up to 200 characters (4 UTF-8 bytes each), an id and separators, in base64. */
    public static final int MAX_CURSOR_LENGTH = 2048;

    public static PageRequest of(Integer limit, String cursor) {
        int effective = limit == null ? DEFAULT_LIMIT : limit;
        if (effective < 1) {
            throw ProblemException.invalidField("limit", "must be at least 1");
        }
        return new PageRequest(Math.min(effective, MAX_LIMIT), decode(cursor));
    }

    public boolean first() {
        return after.isEmpty();
    }

    /** The cursor that continues after an item with these sort-key values. */
    public static String cursorAfter(String... sortKey) {
        String joined = String.join("\u001f", sortKey);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return List.of();
        }
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw notACursor();
        }
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return new ArrayList<>(List.of(joined.split("\u001f", -1)));
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
    }

    /** The n-th sort-key value of the cursor, or a 400 naming the cursor when it does not have that shape. */
    public String afterValue(int index) {
        if (index >= after.size()) {
            throw notACursor();
        }
        return after.get(index);
    }

    public UUID afterUuid(int index) {
        return parsed(index, UUID::fromString);
    }

    public long afterLong(int index) {
        return parsed(index, Long::parseLong);
    }

    public int afterInt(int index) {
        return parsed(index, Integer::parseInt);
    }

    public Instant afterInstant(int index) {
        return parsed(index, Instant::parse);
    }

    /** The n-th sort-key value read by {@code parser}; a value it cannot read is a 400 naming the cursor. */
    public <T> T parsed(int index, Function<String, T> parser) {
        try {
            return parser.apply(afterValue(index));
        } catch (RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw notACursor();
        }
    }

    private static ProblemException notACursor() {
        return ProblemException.invalidField("cursor", "is not a cursor this service issued");
    }
}
