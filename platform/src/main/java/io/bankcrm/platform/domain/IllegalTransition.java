package io.bankcrm.platform.domain;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A step the life cycle does not allow (problem type {@value #CODE}): the web layer answers 409 naming the
 * status, the refused target and the statuses that could have been reached.
 */
public class IllegalTransition extends StateConflict {

    public static final String CODE = "illegal-transition";

    private final String from;
    private final String to;
    private final Set<String> allowed;

    /** @param what the life cycle's name, e.g. {@code OfferStatus} */
    public <S extends Enum<S>> IllegalTransition(String what, S from, S to, Set<S> allowed) {
        this(what, from, to, allowed, null);
    }

    /** @param why what stops the step when the table alone would allow more (e.g. a declined risk assessment) */
    public <S extends Enum<S>> IllegalTransition(String what, S from, S to, Set<S> allowed, String why) {
        super(CODE, what + " cannot move from " + from + " to " + to
                + (why != null ? ": " + why + "; allowed: " + sorted(allowed)
                : allowed.isEmpty() ? " (" + from + " is final)" : "; allowed: " + sorted(allowed)));
        this.from = String.valueOf(from);
        this.to = String.valueOf(to);
        this.allowed = Collections.unmodifiableSet(new LinkedHashSet<>(sorted(allowed)));
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    /** The statuses that could have been reached from {@link #from()}, in declaration order. */
    public Set<String> allowed() {
        return allowed;
    }

    private static <S extends Enum<S>> List<String> sorted(Set<S> allowed) {
        return allowed.stream().sorted().map(Enum::name).toList();
    }
}
