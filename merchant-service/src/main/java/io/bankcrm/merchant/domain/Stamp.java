package io.bankcrm.merchant.domain;

import java.time.Instant;
import java.util.Objects;

/** Who did something and when: every onboarding step, fulfilment and budget change records one. */
public record Stamp(String actor, Instant at) {

    public Stamp {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        if (actor.isBlank()) {
            throw new IllegalArgumentException("actor must not be blank");
        }
    }
}
