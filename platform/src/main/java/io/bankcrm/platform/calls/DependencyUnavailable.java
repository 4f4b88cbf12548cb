package io.bankcrm.platform.calls;

import io.bankcrm.platform.problem.Failures;

import java.time.Duration;
import java.util.Optional;

/**
 * The other service cannot answer now: no connection, a timeout, a 5xx, 408 or 429, no service token, retries spent
 * or its circuit open. Not the request's fault: worth trying again later. A job waits
 * ({@link Dependency#awaitIn}); a request answers 503 problem details with {@code Retry-After}
 * ({@code ProblemMappers}).
 */
public class DependencyUnavailable extends RuntimeException {

    private final String dependency;
    private final transient Duration retryAfter;

    public DependencyUnavailable(String dependency, String message, Duration retryAfter, Throwable cause) {
        super(dependency + " is unavailable: " + message, cause);
        this.dependency = dependency;
        this.retryAfter = retryAfter;
    }

    /** The dependency's name, e.g. {@code customer-service}. */
    public String dependency() {
        return dependency;
    }

    /** How long the other service (its {@code Retry-After}) or its open circuit asks to wait, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The {@code DependencyUnavailable} in {@code e}'s cause chain, or null. */
    public static DependencyUnavailable in(Throwable e) {
        return Failures.causeOf(e, DependencyUnavailable.class);
    }
}
