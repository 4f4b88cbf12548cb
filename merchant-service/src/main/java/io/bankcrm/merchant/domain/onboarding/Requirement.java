package io.bankcrm.merchant.domain.onboarding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of the onboarding view's requirements list.
 *
 * @param dueBy      the last day to hand the document in
 * @param receivedAt when it was received; null while it is due
 */
public record Requirement(DocumentType document, State state, LocalDate dueBy, Instant receivedAt) {

    public enum State { RECEIVED, DUE, PAST_DUE }

    public Requirement {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(dueBy, "dueBy");
    }
}
