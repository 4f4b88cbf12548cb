package io.bankcrm.crosssell.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a life cycle, with who took it and when: what a history row records.
 *
 * @param actor  the user's subject, or {@code system:crosssell} for a step the service took on its own
 * @param reason why, in words a relationship manager can read; null when the step needs none
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
