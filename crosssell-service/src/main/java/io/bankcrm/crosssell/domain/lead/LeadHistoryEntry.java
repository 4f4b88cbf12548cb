package io.bankcrm.crosssell.domain.lead;

import io.bankcrm.platform.domain.Transition;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a lead's history, newest last: its creation, each assignment, status change, escalation, reassignment
 * and rescoring, with who and when. The fields a kind does not use are null.
 *
 * @param fromAssignee the staff id the lead moved away from (REASSIGNED, ESCALATED)
 * @param toAssignee   the staff id the lead went to (ASSIGNED, REASSIGNED) or the team lead (ESCALATED)
 */
public record LeadHistoryEntry(HistoryKind kind, Instant at, String actor, LeadStatus fromStatus,
                               LeadStatus toStatus, String fromAssignee, String toAssignee, String reason) {

    public LeadHistoryEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a history line names its actor");
        }
    }

    public static LeadHistoryEntry created(Instant at, String actor, String reason) {
        return new LeadHistoryEntry(HistoryKind.CREATED, at, actor, null, LeadStatus.NEW, null, null, reason);
    }

    public static LeadHistoryEntry statusChanged(Transition<LeadStatus> t) {
        return new LeadHistoryEntry(HistoryKind.STATUS_CHANGED, t.at(), t.actor(), t.from(), t.to(), null, null,
                t.reason());
    }

    public static LeadHistoryEntry assigned(Instant at, String actor, String member, String reason) {
        return new LeadHistoryEntry(HistoryKind.ASSIGNED, at, actor, null, null, null, member, reason);
    }

    public static LeadHistoryEntry escalated(Instant at, String actor, String from, String teamLead, String reason) {
        return new LeadHistoryEntry(HistoryKind.ESCALATED, at, actor, null, null, from, teamLead, reason);
    }

    public static LeadHistoryEntry reassigned(Instant at, String actor, String from, String to, String reason) {
        return new LeadHistoryEntry(HistoryKind.REASSIGNED, at, actor, null, null, from, to, reason);
    }

    public static LeadHistoryEntry rescored(Instant at, String actor, PriorityScore before, PriorityScore after) {
        return new LeadHistoryEntry(HistoryKind.RESCORED, at, actor, null, null, null, null,
                "priority " + before.total() + " -> " + after.summary());
    }
}
