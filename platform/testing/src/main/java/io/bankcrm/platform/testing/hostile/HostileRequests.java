package io.bankcrm.platform.testing.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * jqwik generators of hostile requests for the operations of an OpenAPI document: for each operation the
 * {@link Defect} classes that apply to it, each put into an otherwise well-formed request (a base body the test
 * gives per operation, valid path values), so that the defect, not something else, is what the server must refuse.
 */
public final class HostileRequests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int UNDOCUMENTED_MAX_LENGTH = 10_000;

    private final Map<String, Supplier<Map<String, Object>>> baseBodies;
    private final Map<String, String> pathValues;

    public HostileRequests(Map<String, Supplier<Map<String, Object>>> baseBodies, Map<String, String> pathValues) {
        this.baseBodies = baseBodies;
        this.pathValues = pathValues;
    }

    /** Any operation, any defect that applies to it. */
    public Arbitrary<HostileRequest> of(List<ApiOperation> operations) {
        return Arbitraries.of(operations).flatMap(op -> Arbitraries.of(applicable(op)).flatMap(d -> of(op, d)));
    }

    /** The defect classes that can be put into a request of this operation. */
    public static List<Defect> applicable(ApiOperation op) {
        List<Defect> all = new ArrayList<>();
        boolean json = op.jsonBody() != null;
        if (!op.in("path").isEmpty()) {
            all.add(Defect.BAD_PATH_CHARACTER);
        }
        if (!strings(op).isEmpty() || !textQueries(op).isEmpty()) {
            all.add(Defect.NUL_CHARACTER);
            all.add(Defect.OVERLONG_STRING);
        }
        if (json) {
            all.addAll(List.of(Defect.REPEATED_MEMBER, Defect.TRAILING_JUNK));
            if (!op.properties().isEmpty()) {
                all.add(Defect.WRONG_TYPE);
            }
        }
        if (op.hasBody()) {
            all.add(Defect.MISSING_CONTENT_TYPE);
        }
        if (json && has(op, HostileRequests::isEnum) || op.in("query").stream().anyMatch(p -> isEnum(p.schema()))) {
            all.add(Defect.ENUM_ORDINAL);
        }
        if (json && has(op, s -> type(s).equals("integer"))
                || op.in("query").stream().anyMatch(p -> type(p.schema()).equals("integer"))) {
            all.add(Defect.FRACTION_FOR_INTEGER);
        }
        if (json && has(op, s -> format(s).startsWith("date"))) {
            all.add(Defect.EPOCH_DATE);
        }
        if (!op.method().equals("GET")) {
            all.add(Defect.EMPTY_IDEMPOTENCY_KEY);
        }
        if (!op.in("query").isEmpty()) {
            all.add(Defect.MALFORMED_QUERY_VALUE);
        }
        if (all.isEmpty()) {
            all.add(Defect.MALFORMED_QUERY_VALUE); // an unknown query parameter with a NUL: still must be a 4xx
        }
        return all;
    }

    /** Requests of one operation carrying one defect. */
    public Arbitrary<HostileRequest> of(ApiOperation op, Defect defect) {
        return switch (defect) {
            case BAD_PATH_CHARACTER -> Arbitraries.of(op.in("path")).flatMap(p -> Arbitraries.of(
                            "%20", "%7B", "%7D", "%7C", "%22", "%00", "a%20b", "%7Bid%7D", "{", "}", "|", "\"", "{id}",
                            "%zz", "%"))
                    .map(bad -> request(op, defect, "path segment " + bad, Map.of(), null, null, true, bad));
            case NUL_CHARACTER -> textTargets(op).flatMap(target -> Arbitraries.of("\u0000", "a\u0000b", "张\u0000伟")
                    .map(nul -> target.with(op, defect, nul)));
            case OVERLONG_STRING -> textTargets(op).map(target -> target.with(op, defect,
                    "长".repeat(maxLength(target.schema) + 1)));
            case REPEATED_MEMBER -> Arbitraries.of(memberNames(op)).map(name -> {
                Map<String, Object> body = base(op);
                Object value = body.getOrDefault(name, sample(op.properties().get(name)));
                String once = "\"" + name + "\":" + write(value);
                String rest = write(body).substring(1);
                String raw = "{" + once + "," + once + (rest.equals("}") ? "}" : "," + rest);
                return raw(op, defect, "member " + name + " twice", raw, op.jsonBody());
            });
            case TRAILING_JUNK -> Arbitraries.of(" x", "{}", "[]", " 1", "}", "\"", " null")
                    .map(junk -> raw(op, defect, "after the document: " + junk, write(base(op)) + junk, op.jsonBody()));
            case MISSING_CONTENT_TYPE -> Arbitraries.just(op).map(o -> raw(op, defect, "no Content-Type",
                    op.jsonBody() != null ? write(base(op)) : "kind,fullName\nINDIVIDUAL,张伟\n", null));
            case WRONG_TYPE -> Arbitraries.of(List.copyOf(op.properties().keySet())).flatMap(name ->
                    Arbitraries.of(wrongValues(op.properties().get(name)))
                            .map(value -> body(op, defect, name + " = " + write(value), name, value)));
            case ENUM_ORDINAL -> Arbitraries.integers().between(0, 9).flatMap(ordinal -> {
                List<String> bodyEnums = names(op, HostileRequests::isEnum);
                List<ApiOperation.Parameter> queryEnums = op.in("query").stream().filter(p -> isEnum(p.schema())).toList();
                List<HostileRequest> options = new ArrayList<>();
                bodyEnums.forEach(name -> options.add(body(op, defect, name + " = " + ordinal, name, ordinal)));
                queryEnums.forEach(p -> options.add(query(op, defect, p.name(), Integer.toString(ordinal))));
                return Arbitraries.of(options);
            });
            case FRACTION_FOR_INTEGER -> Arbitraries.of(1.5, 0.1, 2.000001, -0.5).flatMap(fraction -> {
                List<HostileRequest> options = new ArrayList<>();
                names(op, s -> type(s).equals("integer")).forEach(name ->
                        options.add(body(op, defect, name + " = " + fraction, name, fraction)));
                op.in("query").stream().filter(p -> type(p.schema()).equals("integer")).forEach(p ->
                        options.add(query(op, defect, p.name(), Double.toString(fraction))));
                return Arbitraries.of(options);
            });
            case EPOCH_DATE -> Arbitraries.of(names(op, s -> format(s).startsWith("date"))).flatMap(name ->
                    Arbitraries.of(1_700_000_000L, 0L, 1_700_000_000_000L, -1L)
                            .map(epoch -> body(op, defect, name + " = " + epoch, name, epoch)));
            case EMPTY_IDEMPOTENCY_KEY -> Arbitraries.of("", " ", "\t").map(key -> {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Idempotency-Key", key);
                String body = op.jsonBody() != null ? write(base(op)) : null;
                return request(op, defect, "Idempotency-Key '" + key + "'", headers, body, op.jsonBody(), false, null);
            });
            case MALFORMED_QUERY_VALUE -> {
                List<ApiOperation.Parameter> queries = op.in("query");
                if (queries.isEmpty()) {
                    yield Arbitraries.just(query(op, defect, "unknownParameter", "\u0000"));
                }
                yield Arbitraries.of(queries).flatMap(p -> Arbitraries.of(malformed(p.schema()))
                        .map(value -> query(op, defect, p.name(), value)));
            }
        };
    }

    // ---- building requests

    private HostileRequest body(ApiOperation op, Defect defect, String detail, String name, Object value) {
        Map<String, Object> body = base(op);
        body.put(name, value);
        return raw(op, defect, detail, write(body), op.jsonBody());
    }

    private HostileRequest raw(ApiOperation op, Defect defect, String detail, String body, String contentType) {
        return request(op, defect, detail, Map.of(), body, contentType, false, null);
    }

    private HostileRequest query(ApiOperation op, Defect defect, String name, String value) {
        String encoded = value.contains("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
        HostileRequest plain = request(op, defect, name + "=" + printable(value), Map.of(),
                op.jsonBody() != null ? write(base(op)) : null, op.jsonBody(), false, null);
        return new HostileRequest(defect, op, plain.method(), plain.target() + "?" + name + "=" + encoded,
                plain.headers(), plain.body(), plain.detail());
    }

    private HostileRequest request(ApiOperation op, Defect defect, String detail, Map<String, String> extra,
                                   String body, String contentType, boolean badPath, String badSegment) {
        StringBuilder target = new StringBuilder();
        boolean replaced = false;
        for (String segment : op.path().split("/", -1)) {
            if (!target.isEmpty() || !segment.isEmpty()) {
                target.append('/');
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                if (badPath && !replaced) {
                    target.append(badSegment);
                    replaced = true;
                } else {
                    target.append(URLEncoder.encode(pathValue(op, name), StandardCharsets.UTF_8));
                }
            } else {
                target.append(segment);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json, application/problem+json");
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.putAll(extra);
        return new HostileRequest(defect, op, op.method(), target.toString(), headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), detail);
    }

    private String pathValue(ApiOperation op, String name) {
        if (pathValues.containsKey(op.key() + " " + name)) {
            return pathValues.get(op.key() + " " + name);
        }
        if (pathValues.containsKey(name)) {
            return pathValues.get(name);
        }
        JsonNode schema = op.in("path").stream().filter(p -> p.name().equals(name)).map(ApiOperation.Parameter::schema)
                .findFirst().orElse(JSON.createObjectNode());
        if (format(schema).equals("uuid")) {
            return UUID.randomUUID().toString();
        }
        if (type(schema).equals("integer")) {
            return "1";
        }
        if (isEnum(schema)) {
            return schema.get("enum").get(0).asText();
        }
        return "X1";
    }

    private Map<String, Object> base(ApiOperation op) {
        Supplier<Map<String, Object>> supplier = baseBodies.get(op.key());
        return supplier == null ? new LinkedHashMap<>() : new LinkedHashMap<>(supplier.get());
    }

    /** Where text goes: a string property of the body or a string query parameter. */
    private Arbitrary<TextTarget> textTargets(ApiOperation op) {
        List<TextTarget> targets = new ArrayList<>();
        strings(op).forEach(name -> targets.add(new TextTarget(name, false, op.properties().get(name))));
        textQueries(op).forEach(p -> targets.add(new TextTarget(p.name(), true, p.schema())));
        return Arbitraries.of(targets);
    }

    private final class TextTarget {
        final String name;
        final boolean query;
        final JsonNode schema;

        TextTarget(String name, boolean query, JsonNode schema) {
            this.name = name;
            this.query = query;
            this.schema = schema;
        }

        HostileRequest with(ApiOperation op, Defect defect, String text) {
            return query ? HostileRequests.this.query(op, defect, name, text)
                    : body(op, defect, name + " = " + printable(text), name, text);
        }
    }

    // ---- schema reading

    static List<String> strings(ApiOperation op) {
        return names(op, s -> type(s).equals("string") && !isEnum(s) && format(s).isEmpty());
    }

    static List<ApiOperation.Parameter> textQueries(ApiOperation op) {
        return op.in("query").stream()
                .filter(p -> type(p.schema()).equals("string") && !isEnum(p.schema()) && format(p.schema()).isEmpty())
                .toList();
    }

    private static List<String> memberNames(ApiOperation op) {
        List<String> names = new ArrayList<>(op.properties().keySet());
        return names.isEmpty() ? List.of("anything") : names;
    }

    static List<String> names(ApiOperation op, java.util.function.Predicate<JsonNode> which) {
        return op.properties().entrySet().stream().filter(e -> which.test(e.getValue())).map(Map.Entry::getKey)
                .toList();
    }

    static boolean has(ApiOperation op, java.util.function.Predicate<JsonNode> which) {
        return !names(op, which).isEmpty();
    }

    static String type(JsonNode schema) {
        if (schema == null) {
            return "";
        }
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.asText("");
    }

    static String format(JsonNode schema) {
        return schema == null ? "" : schema.path("format").asText("");
    }

    static boolean isEnum(JsonNode schema) {
        return schema != null && schema.path("enum").isArray() && !schema.path("enum").isEmpty();
    }

    static int maxLength(JsonNode schema) {
        return schema != null && schema.has("maxLength") ? schema.get("maxLength").asInt() : UNDOCUMENTED_MAX_LENGTH;
    }

    private static Object sample(JsonNode schema) {
        return switch (type(schema)) {
            case "integer" -> 1;
            case "number" -> 1.5;
            case "boolean" -> true;
            case "array" -> List.of();
            case "object" -> Map.of();
            default -> isEnum(schema) ? schema.get("enum").get(0).asText() : "x";
        };
    }

    private static List<Object> wrongValues(JsonNode schema) {
        if (isEnum(schema)) {
            return List.of(true, List.of("x"), Map.of("a", 1));
        }
        return switch (type(schema)) {
            case "string" -> List.of(12345, true, 1.5, List.of("x"), Map.of("a", 1));
            case "integer" -> List.of("abc", true, "12", List.of(1));
            // amounts travel as decimal strings ("1000.00") by the suite's rule: a numeric string is no defect
            case "number" -> List.of("abc", true, List.of(1), Map.of("a", 1));
            case "boolean" -> List.of("yes", "true", 1, 0);
            case "array" -> List.of("x", 5, Map.of("a", 1));
            case "object" -> List.of("x", 5, List.of(1));
            default -> List.of(Map.of("unexpected", List.of(1, "x")));
        };
    }

    private static List<String> malformed(JsonNode schema) {
        if (isEnum(schema)) {
            return List.of("NOT_A_VALUE", "1", "%00");
        }
        if (format(schema).equals("uuid")) {
            return List.of("not-a-uuid", "1234", "%00");
        }
        if (format(schema).startsWith("date")) {
            return List.of("2024-13-45", "1700000000", "0000-01-01");
        }
        return switch (type(schema)) {
            case "integer" -> List.of("abc", "1.5", "99999999999999999999", "1e3", "%00");
            case "number" -> List.of("abc", "1,5", "%00");
            case "boolean" -> List.of("maybe", "1", "yes", "%00");
            default -> List.of("%zz", "%", "%00", "a%00b");
        };
    }

    private static String printable(String text) {
        String shown = text.replace("\u0000", "\\u0000");
        return shown.length() > 40 ? shown.substring(0, 20) + "…(" + text.length() + " chars)" : shown;
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
