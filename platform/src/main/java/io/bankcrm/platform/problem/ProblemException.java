package io.bankcrm.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * A request that cannot be served, in the caller's terms. Thrown from any layer; the web layer turns it into
 * {@code application/problem+json} with the status given here. Its message is safe to show to a client.
 */
public class ProblemException extends RuntimeException {

    private final String slug;
    private final String title;
    private final int status;
    private final List<FieldViolation> errors;
    private final Map<String, Object> properties;

    public ProblemException(String slug, String title, int status, String detail, List<FieldViolation> errors,
                            Map<String, Object> properties) {
        super(detail);
        this.slug = slug;
        this.title = title;
        this.status = status;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public static ProblemException validation(List<FieldViolation> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException("validation", "Request is invalid", 400, detail, errors, null);
    }

    public static ProblemException invalidField(String field, String message) {
        return validation(List.of(new FieldViolation(field, message)));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException("bad-request", "Bad request", 400, detail, null, null);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException("not-found", "Not found", 404, what + " " + id + " does not exist", null, null);
    }

    public static ProblemException conflict(String detail, Map<String, Object> properties) {
        return new ProblemException("conflict", "Conflict", 409, detail, null, properties);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException("precondition-failed", "Precondition failed", 412, detail, null, null);
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException("precondition-required", "Precondition required", 428, detail, null, null);
    }

    public static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(slug, "Unprocessable request", 422, detail, null, null);
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem(slug, title, status, getMessage(), errors, properties);
    }
}
