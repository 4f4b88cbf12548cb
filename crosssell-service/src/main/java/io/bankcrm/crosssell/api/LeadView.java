package io.bankcrm.crosssell.api;

import io.bankcrm.crosssell.domain.lead.LeadSource;
import io.bankcrm.crosssell.domain.lead.LeadStatus;
import io.bankcrm.crosssell.domain.lead.PriorityScore;
import io.bankcrm.crosssell.service.LeadHistoryLine;
import io.bankcrm.crosssell.service.StoredLead;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A lead with its priority explained (one component per factor) and, on the single read, its history.
 *
 * @param overdue uncontacted past its first-contact deadline
 */
@Schema(name = "Lead")
public record LeadView(UUID id, UUID customerId, String product, LeadSource source, UUID agreementId,
                       UUID employerId, UUID campaignId, LocalDate linkedOn, UUID teamId, String assignee,
                       LeadStatus status, LeadStatus heldFrom, LeadStatus furthestStage,
                       Set<LeadStatus> allowedTransitions, int priority, String prioritySummary,
                       PriorityScore priorityExplanation, Instant slaDueAt, boolean overdue, Instant escalatedAt,
                       boolean approvalRequired, String approvedBy, Instant approvedAt, long version,
                       Instant createdAt, String createdBy, Instant updatedAt, List<LeadHistoryLine> history) {

    static LeadView of(StoredLead l, Instant now, List<LeadHistoryLine> history) {
        var lc = l.lifecycle();
        boolean overdue = io.bankcrm.crosssell.domain.sla.LeadSla.isOverdue(lc.status(), l.slaDueAt(), now);
        return new LeadView(l.id(), l.customerId(), l.product().value(), l.source(), l.agreementId(), l.employerId(),
                l.campaignId(), l.linkedOn(), l.teamId(), l.assignee(), lc.status(), lc.heldFrom(), lc.furthest(),
                lc.status().allowedTransitions(), l.priority().total(), l.priority().summary(), l.priority(),
                l.slaDueAt(), overdue, l.escalatedAt(), l.clearance().approvalRequired(), l.clearance().approvedBy(),
                l.clearance().approvedAt(), l.version(), l.createdAt(), l.createdBy(), l.updatedAt(), history);
    }
}
