package io.bankcrm.crosssell.domain.lead;

import java.util.Objects;
import java.util.UUID;

/** A step the service takes on a lead because something outside it changed, with the reason the lead records. */
public record LeadEffect(UUID leadId, Action action, String reason) {

    public enum Action {
        HOLD, RELEASE, EXPIRE
    }

    public LeadEffect {
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
    }

    /** Applies this effect to the lead's life cycle as the service. */
    public LeadStep apply(LeadLifecycle lead, java.time.Instant at) {
        String actor = io.bankcrm.crosssell.domain.Actors.SYSTEM;
        return switch (action) {
            case HOLD -> lead.hold(actor, at, reason);
            case RELEASE -> lead.release(actor, at, reason);
            case EXPIRE -> lead.expire(actor, at, reason);
        };
    }
}
