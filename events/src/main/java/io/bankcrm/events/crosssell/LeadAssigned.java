package io.bankcrm.events.crosssell;

import java.time.Instant;
import java.util.UUID;

/**
 * A lead changed hands after it was created: given to a member from the team's queue (ASSIGNED), escalated to the
 * team lead for missing its first-contact deadline (ESCALATED), or moved to another member (REASSIGNED).
 *
 * @param fromAssignee the member it was with; null when it sat in the queue
 * @param toAssignee   the member it went to, or the team lead it was escalated to
 * @param why          ASSIGNED, ESCALATED or REASSIGNED
 * @param actor        the staff id who moved it, or system:crosssell
 */
public record LeadAssigned(
        UUID leadId,
        UUID customerId,
        String product,
        UUID teamId,
        String fromAssignee,
        String toAssignee,
        String why,
        String actor,
        Instant at) {
}
