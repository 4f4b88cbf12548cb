package io.bankcrm.platform.calls;

import io.bankcrm.platform.config.PlatformConfig;
import io.bankcrm.platform.jobs.JobContext;
import io.bankcrm.platform.observability.Tracing;
import io.bankcrm.platform.problem.Failures;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Another service as this one calls it (made by {@link SystemCalls#dependency}): its base URL, the headers of a
 * system caller, and one guard — retries with backoff that honour {@code Retry-After}, then a circuit breaker of this
 * dependency's own (SmallRye Fault Tolerance) — around each call. Whatever means "cannot answer now" comes out as
 * {@link DependencyUnavailable}; every other answer (a 404, a 409, a 400) comes out as the call threw it.
 *
 * <pre>
 * ApiClient client = new ApiClient();                       // a client generated from the other's document
 * client.updateBaseUri(dependency.baseUri().toString());
 * client.setRequestInterceptor(dependency::prepare);         // token, traceparent, timeout
 * client.setResponseInterceptor(dependency::inspect);        // 5xx, 408, 429 → DependencyUnavailable
 * CustomerView c = dependency.call(() -&gt; customers.getCustomer(id));          // retried, circuit-broken
 * CustomerView c = dependency.awaitIn(job, onWait, () -&gt; customers.getCustomer(id)); // a job waits meanwhile
 * </pre>
 */
public final class Dependency {

    private static final Logger LOG = Logger.getLogger(Dependency.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

    private final String name;
    private final URI baseUri;
    private final PlatformConfig.SystemCaller config;
    private final ServiceToken token;
    private final Tracing tracing;
    private final Guard guard;

    Dependency(String name, URI baseUri, PlatformConfig.SystemCaller config, ServiceToken token, Tracing tracing) {
        this.name = name;
        this.baseUri = baseUri;
        this.config = config;
        this.token = token;
        this.tracing = tracing;
        long maxDelay = config.maxDelay().toMillis();
        this.guard = Guard.create()
                .withDescription("system call to " + name)
                .withRetry()
                    .maxRetries(config.maxRetries())
                    .delay(config.initialDelay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS) // the backoff below has its own
                    .whenException(e -> e instanceof DependencyUnavailable u
                            && u.retryAfter().map(d -> d.toMillis() <= maxDelay).orElse(true))
                    .withCustomBackoff().strategy(() -> new Backoff(maxDelay)).done()
                    .done()
                .withCircuitBreaker()
                    .name("system-call-" + name)
                    .failOn(DependencyUnavailable.class)
                    .requestVolumeThreshold(config.circuitVolume())
                    .failureRatio(config.circuitFailureRatio())
                    .delay(config.circuitDelay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .done()
                .build();
    }

    public String name() {
        return name;
    }

    public URI baseUri() {
        return baseUri;
    }

    /**
     * What every request to the dependency carries: the service token ({@link ServiceToken}), the current trace's
     * {@code traceparent} (the call joins the caller's trace) and the timeout. A generated client's request
     * interceptor.
     *
     * @throws DependencyUnavailable when there is no token to send
     */
    public void prepare(HttpRequest.Builder request) {
        request.timeout(config.timeout());
        request.setHeader("Authorization", "Bearer " + token.current(name));
        String traceparent = tracing.currentTraceparent();
        if (traceparent != null) {
            request.setHeader(Tracing.TRACEPARENT, traceparent);
        }
    }

    /**
     * Turns an answer that means "not now" — 5xx, 408, 429 — into {@link DependencyUnavailable}, with the answer's
     * {@code Retry-After}; lets every other answer through. A generated client's response interceptor.
     */
    public void inspect(HttpResponse<?> response) {
        int status = response.statusCode();
        if (status >= 500 || status == 408 || status == 429) {
            Duration retryAfter = retryAfter(response.headers().firstValue("Retry-After"), Instant.now()).orElse(null);
            if (response.body() instanceof InputStream body) {
                try {
                    body.close(); // the connection goes back to the pool
                } catch (IOException ignored) {
                    // nothing more to read
                }
            }
            throw new DependencyUnavailable(name, "answered " + status + " to " + response.request().method() + " "
                    + response.uri().getRawPath(), retryAfter, null);
        }
    }

    /**
     * Runs {@code exchange} through the guard: retried while the dependency is unavailable (backoff from
     * {@code initial-delay} doubling to {@code max-delay}, with jitter; a {@code Retry-After} is waited for, unless
     * it is longer than {@code max-delay}), refused at once while the circuit is open.
     *
     * @throws DependencyUnavailable when it cannot answer now (retries spent, circuit open, no token)
     * @throws E                     any other failure of the exchange, unchanged (e.g. a generated client's 409)
     */
    @SuppressWarnings("unchecked")
    public <T, E extends Exception> T call(Exchange<T, E> exchange) throws E {
        try {
            return (T) guard.call(() -> attempt(exchange), Object.class);
        } catch (CircuitBreakerOpenException e) {
            throw new DependencyUnavailable(name, "its circuit is open after repeated failures", config.circuitDelay(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw (E) e;
        }
    }

    /**
     * For a job: runs {@code exchange} until the dependency answers. While it is unavailable the job waits — on
     * the first failure {@code onWait} is called (show a phase such as "waiting for customer-service"), then it pauses
     * (1 s doubling to {@code max-pause}, longer if the dependency asked for it) and calls
     * {@link JobContext#checkpoint()} between attempts, so it can be cancelled and its heartbeat goes on; a job
     * resumed elsewhere starts again from what it saved.
     */
    public <T, E extends Exception> T awaitIn(JobContext job, Runnable onWait, Exchange<T, E> exchange) throws E {
        Duration pause = FIRST_PAUSE;
        boolean waiting = false;
        while (true) {
            try {
                T answer = call(exchange);
                if (waiting) {
                    LOG.infof("job %s: %s answers again", job.id(), name);
                }
                return answer;
            } catch (DependencyUnavailable e) {
                if (!waiting) {
                    LOG.warnf("job %s: %s; waiting", job.id(), e.getMessage());
                    onWait.run();
                    waiting = true;
                }
                Duration asked = e.retryAfter().orElse(Duration.ZERO);
                sleep(min(asked.compareTo(pause) > 0 ? asked : pause, config.maxPause()));
                job.checkpoint();
                pause = min(pause.multipliedBy(2), config.maxPause());
            }
        }
    }

    private <T, E extends Exception> T attempt(Exchange<T, E> exchange) throws E {
        try {
            return exchange.run();
        } catch (DependencyUnavailable e) {
            throw e;
        } catch (Exception e) {
            // a generated client wraps the connection's failure (refused, reset, timed out) in its ApiException
            IOException failure = Failures.causeOf(e, IOException.class);
            if (failure != null) {
                throw new DependencyUnavailable(name, "unreachable (" + failure + ")", null, e);
            }
            if (Failures.causeOf(e, InterruptedException.class) != null) {
                Thread.currentThread().interrupt();
                throw new DependencyUnavailable(name, "the call was interrupted", null, e);
            }
            throw e;
        }
    }

    /** A {@code Retry-After} value: delta-seconds or an HTTP date (RFC 9110); nothing for anything else. */
    static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        if (value.matches("[0-9]{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a dependency", e);
        }
    }

    /** Exponential backoff with ±25 % jitter, or what the answer's {@code Retry-After} asked. */
    static final class Backoff implements CustomBackoffStrategy {
        private final long maxDelay;
        private long next;

        Backoff(long maxDelay) {
            this.maxDelay = maxDelay;
        }

        @Override
        public void init(long initialDelayInMillis) {
            this.next = Math.max(1, initialDelayInMillis);
        }

        @Override
        public long nextDelayInMillis(Throwable failure) {
            long exponential = next;
            next = Math.min(maxDelay, next * 2);
            if (failure instanceof DependencyUnavailable u && u.retryAfter().isPresent()) {
                return u.retryAfter().get().toMillis();
            }
            long jitter = exponential / 4;
            return Math.min(maxDelay, exponential - jitter + ThreadLocalRandom.current().nextLong(2 * jitter + 1));
        }
    }
}
