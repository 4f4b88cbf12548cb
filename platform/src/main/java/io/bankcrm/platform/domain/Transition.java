package io.bankcrm.platform.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a life cycle, with who took it and when: what a history row records.
 *
 * @param actor  the user's subject, or the service's system caller for a step it took on its own
 * @param reason why, in words a user can read; null when the step needs none
 */
public record Transition<S extends Enum<S>>(S from, S to, String actor, Instant at, String reason) {

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a transition needs the actor who took it");
        }
        if (reason != null && reason.isBlank()) {
            reason = null;
        }
    }
}
