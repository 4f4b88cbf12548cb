package io.bankcrm.crosssell.domain.lead;

/** What a line of a lead's history records. */
public enum HistoryKind {
    CREATED, ASSIGNED, STATUS_CHANGED, ESCALATED, REASSIGNED, RESCORED
}
