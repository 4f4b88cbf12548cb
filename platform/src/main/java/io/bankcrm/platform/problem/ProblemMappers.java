package io.bankcrm.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.bankcrm.platform.domain.IllegalTransition;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.StateConflict;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns every failure into RFC 9457 problem details. Client mistakes name what is wrong; server faults get an
 * incident id that is logged with the stack trace, which never leaves the service.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(), uri);
    }

    /** A domain rule refused the input: 400 with one field error per violation. */
    @ServerExceptionMapper
    public Response invalidInput(InvalidInput e, UriInfo uri) {
        return respond(toProblem(e), uri);
    }

    /**
     * A service this one calls cannot answer now (platform {@code calls}): 503 with {@code Retry-After}, the
     * dependency named, nothing of its answer passed on.
     */
    @ServerExceptionMapper
    public Response dependencyUnavailable(io.bankcrm.platform.calls.DependencyUnavailable e, UriInfo uri) {
        long seconds = Math.max(1, e.retryAfter().map(java.time.Duration::toSeconds).orElse(5L));
        LOG.warnf("%s (answered 503 on %s)", e.getMessage(), uri == null ? "?" : uri.getPath());
        Problem problem = new Problem("dependency-unavailable", "Service unavailable", 503,
                e.dependency() + " cannot answer now; try again later", null, Map.of("dependency", e.dependency()));
        return Response.fromResponse(respond(problem, uri)).header("Retry-After", seconds).build();
    }

    /** The state refuses the request: 409 typed by the rule's code; an illegal step names the allowed ones. */
    @ServerExceptionMapper
    public Response stateConflict(StateConflict e, UriInfo uri) {
        return respond(toProblem(e), uri);
    }

    public static Problem toProblem(InvalidInput e) {
        return ProblemException.validation(e.violations().stream().map(FieldViolation::of).toList()).toProblem();
    }

    public static Problem toProblem(StateConflict e) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        if (e instanceof IllegalTransition step) {
            properties.put("from", step.from());
            properties.put("to", step.to());
            properties.put("allowed", step.allowed());
        }
        return new Problem(e.code(), "Conflict", 409, e.getMessage(), null, properties);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        boolean returnValue = e.getConstraintViolations().stream().anyMatch(v -> pathHas(v.getPropertyPath(), ElementKind.RETURN_VALUE));
        if (returnValue) {
            return serverFault(e, uri);
        }
        List<FieldViolation> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new FieldViolation(fieldPath(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message));
        return respond(ProblemException.validation(errors).toProblem(), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    // Quarkus ships mappers for these subtypes; the most specific mapper wins, so each is claimed here.
    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response jsonParse(com.fasterxml.jackson.core.JsonParseException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem("forbidden", "Forbidden", 403,
                "your roles do not allow this operation", null, null), uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return concurrentChange(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return concurrentChange(uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        ProblemException cause = Failures.causeOf(e, ProblemException.class);
        if (cause != null) {
            return problem(cause, uri);
        }
        JsonProcessingException json = Failures.causeOf(e, JsonProcessingException.class);
        if (json != null) {
            return respond(jsonProblem(json), uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return serverFault(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request failed" : known.getReasonPhrase();
        String slug = title.toLowerCase().replace(' ', '-');
        String detail = switch (status) {
            case 404 -> "no resource at " + uri.getPath();
            case 405 -> "method not allowed on " + uri.getPath();
            case 406 -> "none of the accepted media types can be produced";
            case 415 -> "unsupported content type";
            default -> e.getMessage() == null ? title : e.getMessage();
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(slug, title, status, detail, null, null).withInstance(instance(uri)));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        ProblemException problem = Failures.causeOf(e, ProblemException.class);
        if (problem != null) {
            return problem(problem, uri);
        }
        InvalidInput invalid = Failures.causeOf(e, InvalidInput.class);
        if (invalid != null) {
            return invalidInput(invalid, uri);
        }
        StateConflict conflict = Failures.causeOf(e, StateConflict.class);
        if (conflict != null) {
            return stateConflict(conflict, uri);
        }
        io.bankcrm.platform.calls.DependencyUnavailable unavailable = io.bankcrm.platform.calls.DependencyUnavailable.in(e);
        if (unavailable != null) {
            return dependencyUnavailable(unavailable, uri);
        }
        if (Failures.causeOf(e, OptimisticLockException.class) != null || Failures.causeOf(e, StaleStateException.class) != null) {
            return concurrentChange(uri);
        }
        return serverFault(e, uri);
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new Problem("unauthorized", "Unauthorized", 401,
                        "a valid bearer token is required", null, null).withInstance(instance(uri)))
                .build();
    }

    private static Response concurrentChange(UriInfo uri) {
        return respond(ProblemException.preconditionFailed(
                "the resource was changed by someone else; read it again and retry").toProblem(), uri);
    }

    private static Response serverFault(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "incident %s on %s", incident, uri == null ? "?" : uri.getPath());
        return respond(new Problem("server-fault", "Internal server error", 500,
                "the service failed to process the request; quote incident " + incident, null,
                Map.of("incident", incident)), uri);
    }

    static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(instance(uri))).build();
    }

    private static URI instance(UriInfo uri) {
        try {
            return uri == null ? null : Problem.instanceOf(uri.getPath());
        } catch (RuntimeException e) { // a path that does not even decode
            return null;
        }
    }

    /**
     * The 400 for a body Jackson could not read: the field and what it must be, or where the JSON is broken.
     * Never Jackson's own message for a mapping failure, which names Java classes.
     */
    public static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            String field = jsonPath(mapping.getPath());
            return ProblemException.validation(List.of(new FieldViolation(field, jsonMessage(mapping)))).toProblem();
        }
        return new Problem("malformed-json", "Malformed JSON", 400,
                "the request body is not valid JSON: " + withoutClassNames(firstLine(e.getOriginalMessage())),
                null, null);
    }

    private static final java.util.regex.Pattern QUALIFIED_NAME =
            java.util.regex.Pattern.compile("`?\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_]*)(?:\\$[A-Za-z0-9_]+)*`?");

    /** A message with qualified Java class names cut to what they mean ("String", not "java.lang.String"). */
    static String withoutClassNames(String message) {
        return message == null ? null : QUALIFIED_NAME.matcher(message).replaceAll("$1");
    }

    private static String jsonMessage(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target == String.class || (target != null && java.time.temporal.Temporal.class.isAssignableFrom(target)
                    && invalid.getOriginalMessage().startsWith("must "))) {
                return invalid.getOriginalMessage(); // the platform's own words (StrictJson)
            }
            if (target != null && target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants());
            }
            return "must be a valid " + describe(target);
        }
        if (e instanceof ValueInstantiationException) {
            // a record's own check (IllegalArgumentException) speaks the caller's terms; anything else may not
            return e.getCause() instanceof IllegalArgumentException cause && cause.getMessage() != null
                    ? "is invalid: " + withoutClassNames(firstLine(cause.getMessage())) : "is invalid";
        }
        if (e instanceof MismatchedInputException mismatched) {
            if (mismatched.getOriginalMessage() != null && mismatched.getOriginalMessage().startsWith("Trailing token")) {
                return "must be one JSON document, with nothing after it";
            }
            return "must be a valid " + describe(mismatched.getTargetType());
        }
        return "is invalid";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        String name = type.getSimpleName();
        return switch (name) {
            case "UUID" -> "UUID";
            case "LocalDate" -> "date (yyyy-MM-dd)";
            case "Instant", "OffsetDateTime" -> "timestamp (ISO 8601)";
            case "YearMonth" -> "month (yyyy-MM)";
            case "BigDecimal", "Double", "double", "Float", "float" -> "number";
            case "Integer", "int", "Long", "long", "Short", "short" -> "integer";
            case "Boolean", "boolean" -> "boolean";
            case "String" -> "string";
            default -> type.isArray() || java.util.Collection.class.isAssignableFrom(type) ? "array" : "object";
        };
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    private static String fieldPath(Path path) {
        StringBuilder out = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> { }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.getName() == null) {
                        continue;
                    }
                    if (!out.isEmpty()) {
                        out.append('.');
                    }
                    out.append(node.getName());
                    if (node.getIndex() != null) {
                        out.append('[').append(node.getIndex()).append(']');
                    }
                }
            }
        }
        if (!out.isEmpty()) {
            return out.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    private static boolean pathHas(Path path, ElementKind kind) {
        for (Path.Node node : path) {
            if (node.getKind() == kind) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
