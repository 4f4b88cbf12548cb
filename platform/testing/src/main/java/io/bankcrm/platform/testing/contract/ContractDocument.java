package io.bankcrm.platform.testing.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service's published OpenAPI 3.1 document as the judge of its answers: finds the documented operation of a
 * request (path template and method), and says what is wrong with an answer to it: a status the operation does not
 * document, a Content-Type it does not declare, or a body that breaks the documented schema (validated by
 * networknt's json-schema-validator with the OpenAPI 3.1 dialect, formats asserted, references resolved inside the
 * document).
 * <p>
 * A request that matches no documented path may only be answered 404, one whose path is documented but not its
 * method 404 or 405, each as {@code application/problem+json} with the document's {@code Problem} schema (the
 * platform's answer to an unknown resource or method).
 */
public final class ContractDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final AtomicInteger DOCUMENTS = new AtomicInteger();

    private final JsonNode root;
    private final AbsoluteIri iri;
    private final SchemaRegistry registry;
    private final List<Template> templates;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private ContractDocument(JsonNode root, String json) {
        this.root = root;
        String name = "https://contract.bankcrm.test/openapi-" + DOCUMENTS.incrementAndGet() + ".json";
        this.iri = new AbsoluteIri(name);
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemaRegistryConfig(config).schemas(Map.of(name, json)));
        List<Template> all = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> all.add(new Template(path.getKey(), path.getValue())));
        // a literal segment wins over a parameter (/v1/customers/search before /v1/customers/{id}), as in JAX-RS
        all.sort(Comparator.comparingInt(Template::parameters).thenComparing(Template::path));
        this.templates = List.copyOf(all);
    }

    /** The document, as the service serves it at {@code /q/openapi?format=json}. */
    public static ContractDocument of(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (!root.path("openapi").asText("").startsWith("3.")) {
                throw new IllegalArgumentException("not an OpenAPI 3 document: " + abbreviate(json));
            }
            return new ContractDocument(root, json);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is not JSON", e);
        }
    }

    /**
     * What is wrong with an answer, or empty when the document allows it.
     *
     * @param rawPath     the request's path as sent (percent-encoded, without query)
     * @param contentType the answer's Content-Type header, or null
     * @param body        the answer's body (empty for none)
     */
    public Optional<String> violation(String method, String rawPath, int status, String contentType, byte[] body) {
        String verb = method.toLowerCase(Locale.ROOT);
        boolean head = verb.equals("head");
        List<String> segments = segments(rawPath);
        Template matched = null;
        for (Template template : templates) {
            if (template.matches(segments)) {
                if (template.item.has(head ? "get" : verb)) {
                    String pointer = "/paths/" + escape(template.path) + "/" + (head ? "get" : verb);
                    return operationViolation(template, head ? "get" : verb, pointer, status, contentType,
                            head ? new byte[0] : body, head);
                }
                if (matched == null) {
                    matched = template;
                }
            }
        }
        String request = method.toUpperCase(Locale.ROOT) + " " + rawPath;
        if (matched == null) {
            return status == 404
                    ? problemViolation(request + " (no documented path)", status, contentType, body, head)
                    : Optional.of(request + " matches no documented path, so the only answer it may get is 404 "
                    + "problem+json; it got " + status + " " + describe(contentType, body));
        }
        if (status == 404 || status == 405) {
            return problemViolation(request + " (" + matched.path + " documents " + matched.methods() + ")", status,
                    contentType, body, head);
        }
        return Optional.of(request + ": " + matched.path + " documents only " + matched.methods()
                + ", so the only answers it may get are 404 or 405 problem+json; it got " + status + " "
                + describe(contentType, body));
    }

    private Optional<String> operationViolation(Template template, String verb, String pointer, int status,
                                                String contentType, byte[] body, boolean head) {
        JsonNode operation = template.item.get(verb);
        String where = verb.toUpperCase(Locale.ROOT) + " " + template.path
                + (operation.has("operationId") ? " (" + operation.get("operationId").asText() + ")" : "");
        JsonNode responses = operation.path("responses");
        String code = Integer.toString(status);
        if (!responses.has(code)) {
            code = status / 100 + "XX";
        }
        if (!responses.has(code)) {
            code = "default";
        }
        if (!responses.has(code)) {
            List<String> documented = new ArrayList<>();
            responses.fieldNames().forEachRemaining(documented::add);
            return Optional.of(where + " answered " + status + " " + describe(contentType, body)
                    + ", a status its document does not list (documented: " + String.join(", ", documented) + ")");
        }
        JsonNode response = responses.get(code);
        String responsePointer = pointer + "/responses/" + escape(code);
        if (response.has("$ref")) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = root.at(responsePointer);
        }
        return bodyViolation(where + " answered " + status, responsePointer, response, contentType, body, head);
    }

    /** An answer outside any documented operation: a problem+json with the document's Problem schema. */
    private Optional<String> problemViolation(String where, int status, String contentType, byte[] body,
                                              boolean head) {
        String answered = where + " answered " + status;
        if (head || body.length == 0) {
            return Optional.empty();
        }
        String media = media(contentType);
        if (!media.equals("application/problem+json")) {
            return Optional.of(answered + " as " + contentType + " instead of application/problem+json");
        }
        if (!root.path("components").path("schemas").has("Problem")) {
            return Optional.empty();
        }
        return schemaViolation(answered, "/components/schemas/Problem", body);
    }

    private Optional<String> bodyViolation(String answered, String responsePointer, JsonNode response,
                                           String contentType, byte[] body, boolean head) {
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return body.length == 0 ? Optional.empty() : Optional.of(answered + " with a body "
                    + describe(contentType, body) + " where the document declares none");
        }
        if (head) {
            return Optional.empty();
        }
        List<String> declared = new ArrayList<>();
        content.fieldNames().forEachRemaining(declared::add);
        if (body.length == 0) {
            return Optional.of(answered + " with an empty body where the document declares " + declared);
        }
        String media = media(contentType);
        String key = null;
        for (String candidate : declared) {
            String plain = media(candidate);
            if (plain.equals(media) || plain.equals("*/*")
                    || plain.endsWith("/*") && media.startsWith(plain.substring(0, plain.length() - 1))) {
                key = candidate;
                break;
            }
        }
        if (key == null) {
            return Optional.of(answered + " as " + contentType + ", a type the document does not declare for it "
                    + declared);
        }
        JsonNode schema = content.get(key).path("schema");
        if (schema.isMissingNode() || !isJson(media)) {
            return Optional.empty(); // CSV, NDJSON and other text: the Content-Type is what the document promises
        }
        return schemaViolation(answered + " " + media, responsePointer + "/content/" + escape(key) + "/schema", body);
    }

    private Optional<String> schemaViolation(String answered, String pointer, byte[] body) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.of(answered + " with a body that is not JSON: " + abbreviate(text(body)));
        }
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(location(p)));
        List<Error> errors = schema.validate(instance);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder(answered).append(" with a body that breaks the documented schema (#")
                .append(pointer).append("):");
        Set<String> lines = new TreeSet<>();
        for (Error error : errors) {
            lines.add(error.getInstanceLocation() + ": " + error.getMessage() + " [schema "
                    + fragment(error.getSchemaLocation()) + "]");
        }
        lines.stream().limit(20).forEach(line -> message.append("\n      ").append(line));
        if (lines.size() > 20) {
            message.append("\n      … ").append(lines.size() - 20).append(" more");
        }
        message.append("\n    body: ").append(abbreviate(text(body)));
        return Optional.of(message.toString());
    }

    private SchemaLocation location(String pointer) {
        NodePath fragment = new NodePath(PathType.JSON_POINTER);
        for (String token : pointer.substring(1).split("/", -1)) {
            fragment = fragment.append(token.replace("~1", "/").replace("~0", "~"));
        }
        return new SchemaLocation(iri, fragment);
    }

    private static String fragment(SchemaLocation location) {
        if (location == null) {
            return "?";
        }
        String shown = location.toString();
        int hash = shown.indexOf('#');
        return hash < 0 ? shown : shown.substring(hash);
    }

    // ---- paths

    /** One documented path: its template split into segments ({@code null} for a parameter). */
    private static final class Template {
        final String path;
        final JsonNode item;
        final List<String> literal = new ArrayList<>();

        Template(String path, JsonNode item) {
            this.path = path;
            this.item = item;
            for (String segment : segments(path)) {
                literal.add(segment.startsWith("{") && segment.endsWith("}") ? null : segment);
            }
        }

        String path() {
            return path;
        }

        int parameters() {
            return (int) literal.stream().filter(s -> s == null).count();
        }

        boolean matches(List<String> segments) {
            if (segments.size() != literal.size()) {
                return false;
            }
            for (int i = 0; i < segments.size(); i++) {
                String expected = literal.get(i);
                if (expected == null) {
                    if (segments.get(i).isEmpty()) {
                        return false;
                    }
                } else if (!expected.equals(segments.get(i)) && !expected.equals(decode(segments.get(i)))) {
                    return false;
                }
            }
            return true;
        }

        List<String> methods() {
            List<String> methods = new ArrayList<>();
            for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (METHODS.contains(name)) {
                    methods.add(name.toUpperCase(Locale.ROOT));
                }
            }
            return methods;
        }
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    // ---- helpers

    static String media(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String media) {
        return media.equals("application/json") || media.endsWith("+json");
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String describe(String contentType, byte[] body) {
        return body.length == 0 ? "(no body)" : "(" + contentType + ": " + abbreviate(text(body)) + ")";
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\n", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…(" + text.length() + " chars)";
    }
}
