package io.bankcrm.events.crosssell;

import java.time.Instant;
import java.util.UUID;

/**
 * A lead was opened for a customer and a product, and given to a team (and, when someone in it was available, a
 * member).
 *
 * @param source      PAYROLL_AGREEMENT, COLLECTION_AGREEMENT, OFFICER, CAMPAIGN, MERCHANT or MANUAL
 * @param agreementId the payroll or collection agreement the lead came through; null for other sources
 * @param employerId  the corporate customer of that agreement; null for other sources
 * @param campaignId  the campaign that generated the lead; null for other sources
 * @param teamId      the team that owns the lead; null when no team serves its branch yet
 * @param assignee    the member the lead was given to (a staff id); null while it waits in the team's queue
 * @param priority    the priority score, 0 to 100
 * @param slaDueAt    when the first contact is due (business hours); null without an assignee
 */
public record LeadCreated(
        UUID leadId,
        UUID customerId,
        String product,
        String source,
        UUID agreementId,
        UUID employerId,
        UUID campaignId,
        UUID teamId,
        String assignee,
        int priority,
        Instant slaDueAt,
        Instant createdAt) {
}
