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
}
