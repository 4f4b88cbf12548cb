package io.bankcrm.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the shared mechanisms; each service may override them in its application.properties. */
@ConfigMapping(prefix = "crm")
public interface PlatformConfig {

    /** The service's name: the CloudEvents source and the Kafka consumer group. */
    String serviceName();

    /**
     * The bank's time zone: "today", dates of birth and calendar months are judged here, whatever zone the
     * server runs in (see {@code io.bankcrm.platform.time.BankClock}).
     */
    @WithDefault("Asia/Shanghai")
    java.time.ZoneId timeZone();

    Outbox outbox();

    Inbox inbox();

    Pii pii();

    Imports imports();

    Jobs jobs();

    RateLimit rateLimit();

    SystemCaller systemCaller();

    interface Outbox {
        /** Longest wait between relay passes; commits of this instance wake the relay at once. */
        @WithDefault("1s")
        java.time.Duration pollInterval();

        /** Most events sent to Kafka in one relay transaction. */
        @WithDefault("500")
        int batchSize();

        /** Longest pause between attempts while Kafka is unreachable; the pause doubles up to this. */
        @WithDefault("15s")
        Duration maxBackoff();

        /** How long sent events stay in the table for audit before they are deleted. */
        @WithDefault("7d")
        Duration retention();
    }

    interface Inbox {
        /** Attempts at one message before it goes to the dead-letter topic. */
        @WithDefault("5")
        int maxAttempts();

        /** Pause after the first failed attempt; it grows linearly with each further attempt. */
        @WithDefault("200ms")
        Duration retryBackoff();

        /** How long processed event ids are remembered for de-duplication. */
        @WithDefault("30d")
        Duration retention();
    }

    interface Pii {
        /** Base64 AES-256 key that encrypts personal identifiers at rest; required outside dev and test. */
        String encryptionKey();

        /** Base64 HMAC-SHA256 key for the blind index that makes encrypted identifiers searchable. */
        String hashKey();

        /** How long the PII access trail keeps who was shown which identifiers unmasked; then it is deleted. */
        @WithDefault("365d")
        Duration accessRetention();
    }

    interface Imports {
        /**
         * Where uploaded bulk files wait until their job has applied them; keep it on persistent disk shared by
         * the replicas, so any of them can resume a job whose worker died.
         */
        @WithDefault("${java.io.tmpdir}/crm-imports")
        String spoolDir();
    }

    /** The background job runner ({@code io.bankcrm.platform.jobs}). */
    interface Jobs {
        /** Worker threads of this instance: at most this many jobs run here at once. */
        @WithDefault("2")
        @jakarta.validation.constraints.Min(1)
        @jakarta.validation.constraints.Max(64)
        int workers();

        /** Longest wait before an idle worker looks for queued jobs (a submission here wakes it at once). */
        @WithDefault("2s")
        Duration pollInterval();

        /** How often this instance tells the others that its running jobs are alive, and looks for dead ones. */
        @WithDefault("5s")
        Duration heartbeatInterval();

        /**
         * A running job without a heartbeat for this long lost its worker (the service was killed or cut off):
         * it is resumed or failed, as its kind says.
         */
        @WithDefault("30s")
        Duration staleAfter();

        /** Claims of one job before a job that keeps losing its worker is failed instead of resumed again. */
        @WithDefault("5")
        @jakarta.validation.constraints.Min(1)
        int maxAttempts();
    }

    /**
     * Requests per caller ({@code io.bankcrm.platform.web.RateLimits}): a token bucket per token subject, or per
     * client address for requests without a valid token, refilled evenly over each period.
     */
    interface RateLimit {
        /** Off only for diagnosis: without it one caller can starve all others. */
        @WithDefault("true")
        boolean enabled();

        /** The period the limits count requests in; a bucket refills evenly over it. */
        @WithDefault("1m")
        Duration period();

        /** Requests per period from one client address without a valid token. */
        @WithDefault("600")
        @jakarta.validation.constraints.Min(1)
        long anonymous();

        /** Requests per period of an authenticated caller none of whose roles has an entry in {@code roles}. */
        @WithDefault("3000")
        @jakarta.validation.constraints.Min(1)
        long authenticated();

        /** Requests per period by role ({@code groups} claim); a caller with several roles gets the largest. */
        java.util.Map<String, Long> roles();

        /** Callers whose buckets are kept in memory; the least recently seen are forgotten first. */
        @WithDefault("100000")
        @jakarta.validation.constraints.Min(1)
        long maxCallers();
    }

    /**
     * This service calling another one's REST API as a system caller ({@code io.bankcrm.platform.calls}): the
     * service token it sends, and how long and how often it tries before the other service counts as unavailable.
     */
    interface SystemCaller {
        /**
         * Where the bearer token comes from: {@code file} (a token another process keeps fresh, e.g. the dev
         * integration token) or {@code client-credentials} (OAuth2 client credentials through quarkus-oidc-client,
         * configured by the {@code quarkus.oidc-client.*} settings).
         */
        @WithDefault("file")
        io.bankcrm.platform.calls.TokenSource tokenSource();

        /** With {@code token-source=file}: the file holding the bearer token; read again whenever it changes. */
        java.util.Optional<String> tokenFile();

        /** Longest wait for one answer (connection included). */
        @WithDefault("10s")
        Duration timeout();

        /** Attempts after the first when the other service is unavailable (5xx, 408, 429, no connection). */
        @WithDefault("3")
        @jakarta.validation.constraints.Min(0)
        @jakarta.validation.constraints.Max(20)
        int maxRetries();

        /** Pause before the first retry; it doubles (with jitter) up to {@code max-delay}. */
        @WithDefault("200ms")
        Duration initialDelay();

        /**
         * Longest pause between two retries of one call; a {@code Retry-After} longer than this ends the call at
         * once as unavailable (a job then waits, see {@code max-pause}).
         */
        @WithDefault("2s")
        Duration maxDelay();

        /** Calls in the circuit breaker's rolling window before it may open. */
        @WithDefault("4")
        @jakarta.validation.constraints.Min(1)
        int circuitVolume();

        /** Share of failed calls in that window that opens the circuit. */
        @WithDefault("0.75")
        double circuitFailureRatio();

        /** How long an open circuit refuses calls before it lets one through to try. */
        @WithDefault("5s")
        Duration circuitDelay();

        /**
         * Longest pause of a job between attempts while the other service is unavailable (it starts at 1 s and
         * doubles, or waits what {@code Retry-After} asks, up to this).
         */
        @WithDefault("30s")
        Duration maxPause();
    }
}
