package io.bankcrm.platform.openapi;

import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.IdempotentRequests;
import io.bankcrm.platform.web.PageRequest;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every service's OpenAPI document shares, written once (registered for all services by
 * {@code mp.openapi.filter} in the platform's defaults): the {@code Problem} schema, the error answers every
 * {@code /v1} operation can give, the rate-limit headers, the bounds of the platform's own parameters
 * ({@code limit}, {@code cursor}, {@code Idempotency-Key}, {@code If-Match}), the roles as the bearer scheme's
 * scopes and the server entry. A resource documents only what is its own: operationId, summary, success
 * answer, examples, and errors specific to it (such as a 409), whose content this filter fills in.
 */
public class ApiContract implements OASFilter {

    public static final String PROBLEM = "Problem";
    public static final String FIELD_ERROR = "FieldError";
    public static final String RATE_LIMIT_LIMIT = "RateLimit-Limit";
    public static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String SECURITY_SCHEME = "SecurityScheme";
    /** The schema of an {@code ETag} header: a resource's version, quoted. */
    public static final String ETAG = "ETag";

    /** The roles a token may carry (its {@code groups} claim), declared as the bearer scheme's scopes. */
    public static final Map<String, String> ROLES;

    static {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put(Roles.RELATIONSHIP_MANAGER, "Front-line staff who own customer relationships");
        roles.put(Roles.TEAM_LEAD, "Leads a marketing team");
        roles.put(Roles.MERCHANT_OPS, "Runs merchant partnerships for the card business");
        roles.put(Roles.RISK_ANALYST, "Reads customer value and risk figures; runs tiering");
        roles.put(Roles.CRM_ADMIN, "Administers the suite: policies, entitlements, reference data");
        roles.put(Roles.INTEGRATION, "Another bank system calling over HTTP");
        roles.put(Roles.PII_READER, "Combined with a role: sees ID numbers, phones and e-mails unmasked");
        ROLES = Map.copyOf(roles);
    }

    private static final Map<String, String> STANDARD_ERRORS = Map.ofEntries(
            Map.entry("400", "The request is malformed or a value is invalid; `errors` lists the fields at fault."),
            Map.entry("401", "No bearer token, or one that is invalid or expired."),
            Map.entry("403", "The token's roles do not allow this operation."),
            Map.entry("404", "No such resource."),
            Map.entry("409", "The request conflicts with the resource's current state."),
            Map.entry("412", "If-Match is stale: the resource changed since that ETag was read."),
            Map.entry("413", "The body is larger than the service accepts (crm.http.max-json-body-bytes for JSON)."),
            Map.entry("414", "The URL is longer than the HTTP server accepts."),
            Map.entry("415", "The body's Content-Type is not one this operation takes."),
            Map.entry("431", "The request's headers are larger than the HTTP server accepts."),
            Map.entry("422", "The Idempotency-Key was used before with another body."),
            Map.entry("428", "If-Match is missing: send the ETag of the version you changed."),
            Map.entry("429", "Too many requests from this caller; retry after Retry-After seconds."),
            Map.entry("500", "An unexpected failure; `incident` is the id to quote (the details are in the service's log)."),
            Map.entry("503", "The service cannot serve now (starting, stopping or without its database); retry later."));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.addSchema(FIELD_ERROR, fieldErrorSchema());
        components.addSchema(PROBLEM, problemSchema());
        components.addSchema(ETAG, text(21).pattern("^\"[0-9]+\"$").description("The version, quoted: \"0\", \"1\", ...")
                .examples(List.of("\"3\"")));
        components.addHeader(RATE_LIMIT_LIMIT, intHeader("Requests this caller may make in the current window."));
        components.addHeader(RATE_LIMIT_REMAINING, intHeader("Requests this caller has left in the current window."));
        components.addHeader(RETRY_AFTER, intHeader("Seconds to wait before the next request will be served."));
        boundJavaTypes(components);
        describeSecurity(components);
        api.setServers(List.of(OASFactory.createServer().url("/")
                .description("Every environment (local, test, production): the host that serves this document, "
                        + "on the bank's internal network")
                .addExtension("x-internal", true)));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/v1")) {
                item.getOperations().forEach((method, operation) -> complete(path, method, operation));
            }
        });
        nullableOptionalMembers(api, components);
    }

    /**
     * The services write every member of an answer, {@code null} where it has no value (Jackson's default; a page's
     * {@code nextCursor} on the last page): so in a schema that answers use, a member the schema does not require
     * may be {@code null}. Problem details leave out what they do not have, so theirs may not be null.
     */
    private static void nullableOptionalMembers(OpenAPI api, Components components) {
        Map<String, Schema> schemas = components.getSchemas();
        if (schemas == null) {
            return;
        }
        java.util.Set<String> answered = new java.util.TreeSet<>();
        java.util.Deque<Schema> reached = new java.util.ArrayDeque<>();
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(response -> {
                    if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
                        response.getContent().getMediaTypes().values().stream().filter(m -> m.getSchema() != null)
                                .forEach(m -> reached.add(m.getSchema()));
                    }
                });
            }
        }));
        while (!reached.isEmpty()) {
            Schema schema = reached.pop();
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                if (answered.add(name) && schemas.containsKey(name)) {
                    reached.add(schemas.get(name));
                }
            }
            if (schema.getProperties() != null) {
                reached.addAll(schema.getProperties().values());
            }
            if (schema.getItems() != null) {
                reached.add(schema.getItems());
            }
            for (List<Schema> parts : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (parts != null) {
                    reached.addAll(parts);
                }
            }
        }
        answered.removeAll(List.of(PROBLEM, FIELD_ERROR));
        for (String name : answered) {
            Schema schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null) {
                continue;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
            properties.replaceAll((member, property) -> required.contains(member) ? property : nullable(property));
            schema.setProperties(properties);
        }
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            return OASFactory.createSchema().description(property.getDescription()).anyOf(List.of(
                    OASFactory.createSchema().ref(property.getRef()), OASFactory.createSchema().addType(SchemaType.NULL)));
        }
        if (property.getType() == null || property.getType().isEmpty() || property.getType().contains(SchemaType.NULL)) {
            return property;
        }
        property.addType(SchemaType.NULL);
        if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
            List<Object> values = new java.util.ArrayList<>(property.getEnumeration());
            values.add(null);
            property.setEnumeration(values);
        }
        return property;
    }

    private void complete(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        parameters.forEach(ApiContract::bound);
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        ensure(responses, "400");
        if (secured) {
            ensure(responses, "401");
            ensure(responses, "403");
        }
        if (path.contains("{")) {
            ensure(responses, "404");
        }
        if (operation.getRequestBody() != null) {
            ensure(responses, "413");
            ensure(responses, "415");
        }
        // the HTTP server's own refusals, before any operation is chosen (ServerLimits makes them problem+json)
        ensure(responses, "414");
        ensure(responses, "431");
        for (Parameter parameter : parameters) {
            if ("If-Match".equalsIgnoreCase(parameter.getName())) {
                ensure(responses, "412");
                if (Boolean.TRUE.equals(parameter.getRequired())) {
                    ensure(responses, "428");
                }
            }
            if (IdempotentRequests.HEADER.equalsIgnoreCase(parameter.getName())) {
                ensure(responses, "422");
            }
        }
        ensure(responses, "429");
        ensure(responses, "500");
        ensure(responses, "503");
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("2") || code.startsWith("4")) {
                response.addHeader(RATE_LIMIT_LIMIT, OASFactory.createHeader().ref(RATE_LIMIT_LIMIT));
                response.addHeader(RATE_LIMIT_REMAINING, OASFactory.createHeader().ref(RATE_LIMIT_REMAINING));
            }
            if (code.equals("429") || code.equals("503")) {
                response.addHeader(RETRY_AFTER, OASFactory.createHeader().ref(RETRY_AFTER));
            }
            if ((code.startsWith("4") || code.startsWith("5")) && response.getRef() == null) {
                if (response.getDescription() == null || response.getDescription().isBlank()
                        || response.getDescription().equals("Not Authorized")
                        || response.getDescription().equals("Not Allowed")
                        || response.getDescription().equals("Bad Request")) {
                    response.setDescription(STANDARD_ERRORS.getOrDefault(code, "An error."));
                }
                if (response.getContent() == null || response.getContent().getMediaTypes() == null
                        || response.getContent().getMediaTypes().isEmpty()) {
                    response.setContent(problemContent());
                }
            }
        });
    }

    private static void ensure(APIResponses responses, String code) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(STANDARD_ERRORS.get(code)));
        }
    }

    /** The platform's own parameters, bounded as the platform enforces them. */
    private static void bound(Parameter parameter) {
        if (parameter.getName() == null || parameter.getRef() != null) {
            return;
        }
        switch (parameter.getName()) {
            case "limit" -> parameter.setSchema(OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                    .minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(PageRequest.MAX_LIMIT))
                    .description("Items per page: default 50; larger values are served as 200"));
            case "cursor" -> parameter.setSchema(OASFactory.createSchema().addType(SchemaType.STRING)
                    .maxLength(PageRequest.MAX_CURSOR_LENGTH).pattern("^[A-Za-z0-9_-]*$")
                    .description("nextCursor of the previous page, as it was received"));
            case IdempotentRequests.HEADER -> parameter.setSchema(OASFactory.createSchema().addType(SchemaType.STRING)
                    .minLength(1).maxLength(200).pattern("^[\\x21-\\x7E]+$")
                    .description("1 to 200 visible ASCII characters; the same key and body replay the first answer"));
            case "If-Match" -> parameter.setSchema(OASFactory.createSchema().addType(SchemaType.STRING)
                    .maxLength(200).pattern("^(\\*|(W/)?\"[0-9]+\"(\\s*,\\s*(W/)?\"[0-9]+\")*)$")
                    .description("The ETag of the version the change is based on, e.g. \"3\""));
            default -> {
            }
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM)));
    }

    private static Schema text(int maxLength) {
        return OASFactory.createSchema().addType(SchemaType.STRING).maxLength(maxLength);
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One field at fault: its JSON path (or the parameter's name) and what is wrong with it")
                .required(List.of("field", "message"))
                .addProperty("field", text(500).pattern("^\\S.*$").description("e.g. `mobile` or `address.city`"))
                .addProperty("message", text(2000).pattern("^\\S[\\s\\S]*$"));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details, the body of every error (application/problem+json). "
                        + "Members beyond these may appear at top level, e.g. `existingCustomerId` on a duplicate.")
                .required(List.of("type", "title", "status"))
                .addProperty("type", text(200).format("uri")
                        .description("What kind of problem, a stable URI a client may switch on")
                        .examples(List.of("https://problems.bankcrm.io/validation")))
                .addProperty("title", text(200).pattern("^\\S.*$"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", text(10_000).pattern("^[\\s\\S]*$"))
                .addProperty("instance", text(10_000).format("uri-reference").description("The request's path"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).maxItems(1000)
                        .items(OASFactory.createSchema().ref(FIELD_ERROR)))
                .addProperty("incident", text(36).format("uuid")
                        .description("On a 500 or a failed job: the id under which the failure is logged"))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    /** The schemas SmallRye derives from Java types, bounded by their text forms' longest length. */
    private static void boundJavaTypes(Components components) {
        Map<String, Integer> longest = Map.of("UUID", 36, "LocalDate", 10, "YearMonth", 7, "Instant", 35,
                "OffsetDateTime", 35, "LocalTime", 18, "Duration", 40, "URI", 2000);
        if (components.getSchemas() == null) {
            return;
        }
        components.getSchemas().values().forEach(ApiContract::boundPage);
        if (components.getSchemas().containsKey("YearMonth")) {
            // Jackson writes a YearMonth as "2026-10", not as the object SmallRye reads off the class
            components.addSchema("YearMonth", text(7).pattern("^[0-9]{4}-[0-9]{2}$")
                    .description("A calendar month, yyyy-MM").examples(List.of("2026-10")));
        }
        longest.forEach((name, length) -> {
            Schema schema = components.getSchemas().get(name);
            if (schema != null && schema.getMaxLength() == null) {
                schema.setMaxLength(length);
            }
        });
    }

    /** A platform {@code Page}: at most 200 items and a cursor. */
    private static void boundPage(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null || properties.size() != 2 || !properties.containsKey("items")
                || !properties.containsKey("nextCursor")) {
            return;
        }
        properties.get("items").setMaxItems(PageRequest.MAX_LIMIT);
        properties.get("nextCursor").maxLength(PageRequest.MAX_CURSOR_LENGTH).pattern("^[A-Za-z0-9_-]+$");
    }

    private static Header intHeader(String description) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema()
                .addType(SchemaType.INTEGER).format("int64").minimum(java.math.BigDecimal.ZERO)
                .maximum(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)));
    }

    private static void describeSecurity(Components components) {
        Map<String, SecurityScheme> schemes = components.getSecuritySchemes();
        if (schemes == null) {
            return;
        }
        SecurityScheme scheme = schemes.get(SECURITY_SCHEME);
        if (scheme == null) {
            return;
        }
        StringBuilder description = new StringBuilder("Bearer JWT (RS256), issued and verified as RFC8725 "
                + "(JSON Web Token Best Current Practices) recommends: the signature algorithm is fixed, the issuer "
                + "and expiry are checked. The roles are the token's `groups` claim; each operation names the "
                + "roles it allows in its security requirement. Roles (the scopes of this scheme):");
        ROLES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(role ->
                description.append("\n- `").append(role.getKey()).append("`: ").append(role.getValue()));
        scheme.setDescription(description.toString());
        scheme.addExtension("x-scopes", new java.util.TreeMap<>(ROLES));
    }
}
