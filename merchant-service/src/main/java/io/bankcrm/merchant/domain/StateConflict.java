package io.bankcrm.merchant.domain;

import java.util.Objects;

/**
 * The request is well formed but the merchant's, offer's or transaction's current state does not allow it (an
 * onboarding step out of order, a refund beyond what is left, a drained budget). The API answers 409 with
 * {@link #code()} as the problem type.
 */
public class StateConflict extends RuntimeException {

    private final String code;

    public StateConflict(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Stable, kebab-case name of the rule that refused, e.g. {@code illegal-onboarding-step}. */
    public String code() {
        return code;
    }
}
