package io.bankcrm.platform.problem;

/** One field at fault in a request: its JSON path (e.g. {@code address.city}) and what is wrong with it. */
public record FieldViolation(String field, String message) {

    /** A domain rule's violation as a field error of the problem document. */
    public static FieldViolation of(io.bankcrm.platform.domain.Violation violation) {
        return new FieldViolation(violation.field(), violation.message());
    }
}
