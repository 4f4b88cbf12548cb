package io.bankcrm.events.crosssell;

import java.time.Instant;
import java.util.UUID;

/**
 * A lead moved along its life cycle (NEW, CONTACTED, QUALIFIED, CONVERTED, LOST, EXPIRED, ON_HOLD). A conversion
 * is also published as {@code lead-converted}, with what was opened.
 *
 * @param reason the service's own reason when the service took the step (agreement terminated, consent withdrawn,
 *               the employee left); null for a step a person took, whose words stay in crosssell-service
 * @param actor  the staff id who took the step, or system:crosssell
 */
public record LeadStatusChanged(
        UUID leadId,
        UUID customerId,
        String product,
        String fromStatus,
        String toStatus,
        String reason,
        String actor,
        Instant changedAt) {
}
