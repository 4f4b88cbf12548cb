package io.bankcrm.crosssell.domain;

/** Who takes a step when no user does. */
public final class Actors {

    /** The service itself: an event, a job or a timer caused the step. */
    public static final String SYSTEM = "system:crosssell";

    private Actors() {
    }
}
