package io.bankcrm.platform.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The allowed steps of one life cycle, written once as a table: every status lists the statuses it may move to.
 * Staying in the same status is not a step.
 */
public final class TransitionTable<S extends Enum<S>> {

    private final Class<S> type;
    private final Map<S, Set<S>> allowed;

    private TransitionTable(Class<S> type, Map<S, Set<S>> allowed) {
        this.type = type;
        this.allowed = allowed;
    }

    public static <S extends Enum<S>> Builder<S> of(Class<S> type) {
        return new Builder<>(type);
    }

    /** Statuses reachable in one step, in declaration order; unmodifiable. */
    public Set<S> from(S status) {
        return allowed.get(status);
    }

    public boolean allows(S from, S to) {
        return from != null && to != null && allowed.get(from).contains(to);
    }

    /** Statuses with no way out. */
    public boolean isTerminal(S status) {
        return allowed.get(status).isEmpty();
    }

    /**
     * Refuses a step the table does not allow.
     *
     * @throws IllegalTransition naming the statuses reachable from {@code from}
     */
    public void require(S from, S to) {
        if (!allows(from, to)) {
            throw new IllegalTransition(type.getSimpleName(), from, to, from == null ? Set.of() : from(from));
        }
    }

    /**
     * The step from {@code from} to {@code to}, taken by {@code actor} at {@code at}.
     *
     * @throws IllegalTransition when the table does not allow it
     */
    public Transition<S> step(S from, S to, String actor, Instant at, String reason) {
        require(from, to);
        return new Transition<>(from, to, actor, at, reason);
    }

    public static final class Builder<S extends Enum<S>> {

        private final Class<S> type;
        private final Map<S, Set<S>> allowed;

        private Builder(Class<S> type) {
            this.type = type;
            this.allowed = new EnumMap<>(type);
        }

        @SafeVarargs
        public final Builder<S> allow(S from, S... to) {
            EnumSet<S> targets = EnumSet.noneOf(type);
            for (S target : to) {
                if (target == from) {
                    throw new IllegalArgumentException(from + " cannot move to itself");
                }
                targets.add(target);
            }
            if (allowed.put(from, Collections.unmodifiableSet(targets)) != null) {
                throw new IllegalArgumentException(from + " is listed twice");
            }
            return this;
        }

        /** Every status must be listed, terminal ones with no targets, so a new constant cannot be forgotten. */
        public TransitionTable<S> build() {
            for (S status : type.getEnumConstants()) {
                if (!allowed.containsKey(status)) {
                    throw new IllegalStateException("no transitions listed for " + status);
                }
            }
            return new TransitionTable<>(type, Collections.unmodifiableMap(allowed));
        }
    }
}
