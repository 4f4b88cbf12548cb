package io.bankcrm.identifiers;

/**
 * Outcome of a field validation.
 *
 * @param valid  whether the value passed every rule
 * @param reason human-readable English explanation of the first rule that failed; {@code null} when valid
 */
public record ValidationResult(boolean valid, String reason) {

    private static final ValidationResult OK = new ValidationResult(true, null);

    public ValidationResult {
        // Keep the two states unambiguous: callers may rely on reason != null exactly when invalid.
        if (valid && reason != null) {
            throw new IllegalArgumentException("a valid result carries no reason");
        }
        if (!valid && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("an invalid result needs a reason");
        }
    }

    public static ValidationResult ok() {
        return OK;
    }

    public static ValidationResult invalid(String reason) {
        return new ValidationResult(false, reason);
    }
}
