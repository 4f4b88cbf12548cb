package io.bankcrm.platform.problem;

/** One field at fault in a request: its JSON path (e.g. {@code address.city}) and what is wrong with it. */
public record FieldViolation(String field, String message) {
}
