package io.bankcrm.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.restassured.RestAssured;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Checks of a service's published OpenAPI document, one line each in the service's tests (inside a
 * {@code @QuarkusTest}, so the document is the one the running service serves at {@code /q/openapi}):
 * <ul>
 *   <li>{@link #assertComplete(JsonNode)}: every {@code /v1} operation has a verbNoun operationId (unique), a
 *       summary, a tag, its success answer with a real schema, and every error as {@code application/problem+json}
 *       with the shared {@code Problem} schema;</li>
 *   <li>{@link #assertRolesMatch(JsonNode, String)}: the roles each operation's security requirement names are
 *       exactly the {@code @RolesAllowed} of the resource method that serves it.</li>
 * </ul>
 */
public final class ApiDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private ApiDocuments() {
    }

    /** The document the service under test serves. */
    public static JsonNode published() {
        return read(RestAssured.given().accept("application/json").get("/q/openapi?format=json").asString());
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The one line of a service's document test: the published document is complete and names the roles that the
     * resources under {@code apiPackage} allow.
     */
    public static void check(String apiPackage) {
        JsonNode document = published();
        assertComplete(document);
        assertRolesMatch(document, apiPackage);
    }

    /** Fails listing every operation that falls short of the contract. */
    public static void assertComplete(JsonNode document) {
        List<String> faults = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        eachOperation(document, (where, operation) -> {
            String id = operation.path("operationId").asText("");
            if (!id.matches("[a-z]+[A-Z][A-Za-z]*")) {
                faults.add(where + ": operationId '" + id + "' is not verbNoun");
            } else if (!operationIds.add(id)) {
                faults.add(where + ": operationId " + id + " is used twice");
            }
            if (operation.path("summary").asText("").isBlank()) {
                faults.add(where + ": no summary");
            }
            if (operation.path("tags").isEmpty()) {
                faults.add(where + ": no tag");
            }
            JsonNode responses = operation.path("responses");
            boolean success = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> response = it.next();
                String code = response.getKey();
                JsonNode content = response.getValue().path("content");
                if (code.startsWith("2")) {
                    success = true;
                    if (!code.equals("204") && !hasRealSchema(content)) {
                        faults.add(where + ": " + code + " has no response schema");
                    }
                } else if (code.startsWith("4") || code.startsWith("5")) {
                    String ref = content.path("application/problem+json").path("schema").path("$ref").asText("");
                    if (!ref.endsWith("/Problem")) {
                        faults.add(where + ": " + code + " is not application/problem+json with the Problem schema");
                    }
                }
            }
            if (!success) {
                faults.add(where + ": no success answer");
            }
            for (String code : List.of("400", "429", "500", "503")) {
                if (!responses.has(code)) {
                    faults.add(where + ": " + code + " is not documented");
                }
            }
            if (operation.has("security") && !(responses.has("401") && responses.has("403"))) {
                faults.add(where + ": secured, but 401 or 403 is not documented");
            }
        });
        if (!document.path("components").path("schemas").has("Problem")) {
            faults.add("components.schemas has no Problem");
        }
        if (!faults.isEmpty()) {
            throw new AssertionError("the OpenAPI document falls short:\n  " + String.join("\n  ", faults));
        }
    }

    /**
     * Fails unless each {@code /v1} operation's security requirement names exactly the roles of the
     * {@code @RolesAllowed} on the resource method (or class) under {@code apiPackage} that serves it, and every
     * resource method is documented.
     */
    public static void assertRolesMatch(JsonNode document, String apiPackage) {
        Map<String, Set<String>> declared = new TreeMap<>();
        for (JavaClass javaClass : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(apiPackage)) {
            Class<?> resource = javaClass.reflect();
            Path classPath = resource.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String path = normalise(classPath.value() + (methodPath == null ? "" : "/" + methodPath.value()));
                Set<String> roles = new TreeSet<>();
                RolesAllowed allowed = method.getAnnotation(RolesAllowed.class) != null
                        ? method.getAnnotation(RolesAllowed.class) : resource.getAnnotation(RolesAllowed.class);
                if (allowed != null) {
                    roles.addAll(List.of(allowed.value()));
                } else if (method.getAnnotation(PermitAll.class) == null) {
                    roles.add("(no security annotation: denied)");
                }
                declared.put(verb + " " + path, roles);
            }
        }
        Map<String, Set<String>> documented = new TreeMap<>();
        eachOperation(document, (where, operation) -> {
            Set<String> roles = new TreeSet<>();
            operation.path("security").forEach(requirement -> requirement.fields()
                    .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
            documented.put(where, roles);
        });
        List<String> faults = new ArrayList<>();
        declared.forEach((operation, roles) -> {
            Set<String> inDocument = documented.get(operation);
            if (inDocument == null) {
                faults.add(operation + " is served but not documented");
            } else if (!inDocument.equals(roles)) {
                faults.add(operation + ": @RolesAllowed " + roles + ", document " + inDocument);
            }
        });
        documented.keySet().stream().filter(operation -> !declared.containsKey(operation))
                .forEach(operation -> faults.add(operation + " is documented but no resource of " + apiPackage
                        + " serves it"));
        if (declared.isEmpty()) {
            faults.add("no JAX-RS resource found under " + apiPackage);
        }
        if (!faults.isEmpty()) {
            throw new AssertionError("roles in the OpenAPI document and @RolesAllowed differ:\n  "
                    + String.join("\n  ", faults));
        }
    }

    /** Calls {@code action} with "METHOD /path" and the operation, for each operation under {@code /v1}. */
    static void eachOperation(JsonNode document, BiConsumer<String, JsonNode> action) {
        document.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/v1")) {
                return;
            }
            path.getValue().fields().forEachRemaining(operation -> {
                if (HTTP_METHODS.contains(operation.getKey())) {
                    action.accept(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
                }
            });
        });
    }

    private static boolean hasRealSchema(JsonNode content) {
        if (content.isMissingNode() || content.isEmpty()) {
            return false;
        }
        for (JsonNode media : content) {
            JsonNode schema = media.path("schema");
            if (schema.isMissingNode() || schema.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** "/v1/x/" + "/{id: [0-9]+}" → "/v1/x/{id}", as the document writes paths. */
    private static String normalise(String path) {
        String plain = path.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }
}
