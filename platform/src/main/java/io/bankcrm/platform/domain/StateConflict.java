package io.bankcrm.platform.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The request is well formed but the current state does not allow it (a refund beyond what is left, a licence
 * that has expired, a rule overlapping another). The web layer answers 409 with {@link #code()} as the problem
 * type ({@code https://problems.bankcrm.io/<code>}); the message is shown to the caller.
 */
public class StateConflict extends RuntimeException {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final String code;

    public StateConflict(String code, String message) {
        super(Objects.requireNonNull(message, "message"));
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a conflict code is kebab-case, not " + code);
        }
        this.code = code;
    }

    /** Stable, kebab-case name of the rule that refused, e.g. {@code refund-exceeds-remainder}. */
    public String code() {
        return code;
    }
}
