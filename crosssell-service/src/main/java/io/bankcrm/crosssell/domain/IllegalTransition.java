package io.bankcrm.crosssell.domain;

import java.util.Set;

/** A step the life cycle does not allow; the service answers it with a 409 problem naming the allowed steps. */
public final class IllegalTransition extends RuntimeException {

    private final String from;
    private final String to;
    private final Set<String> allowed;

    public <S extends Enum<S>> IllegalTransition(String what, S from, S to, Set<S> allowed) {
        super(what + " cannot move from " + from + " to " + to
                + (allowed.isEmpty() ? " (" + from + " is final)" : "; allowed: " + allowed));
        this.from = String.valueOf(from);
        this.to = String.valueOf(to);
        this.allowed = allowed.stream().map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    /** The statuses that could have been reached from {@link #from()}. */
    public Set<String> allowed() {
        return allowed;
    }
}
