package io.bankcrm.platform.security;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the name audit columns record, the roles, and the token's other claims. Inject it (the bean
 * is {@link CurrentCaller}): during an HTTP request it is the authenticated user; where no request is active
 * (a background job, a Kafka consumer) it is the service itself, a {@link #system system caller}.
 */
public interface Caller {

    /** The name recorded against changes: the token's {@code upn}, {@code preferred_username} or {@code sub}. */
    String name();

    /** The roles (the token's {@code groups}); empty for a system caller. */
    Set<String> roles();

    default boolean hasRole(String role) {
        return roles().contains(role);
    }

    /** A claim of the caller's token as text (e.g. {@code branch}); empty when absent or for a system caller. */
    Optional<String> claim(String name);

    /** True for work no user asked for in this moment: a background job, a consumer, a scheduled task. */
    boolean system();

    /** True when the request carries no (valid) token. */
    default boolean anonymous() {
        return false;
    }

    /** A caller that is a part of the bank's systems, e.g. {@code Caller.system("tiering-run")}. */
    static Caller system(String name) {
        return new SystemCaller(name);
    }

    /** A system caller: no roles, no claims. */
    record SystemCaller(String name) implements Caller {

        public SystemCaller {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a system caller needs a name");
            }
        }

        @Override
        public Set<String> roles() {
            return Set.of();
        }

        @Override
        public Optional<String> claim(String claim) {
            return Optional.empty();
        }

        @Override
        public boolean system() {
            return true;
        }
    }
}
