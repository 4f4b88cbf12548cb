package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.lead.HistoryKind;
import io.bankcrm.crosssell.domain.lead.LeadStatus;

import java.time.Instant;

/** One line of a lead's history as stored and shown. */
public record LeadHistoryLine(HistoryKind kind, Instant at, String actor, LeadStatus fromStatus, LeadStatus toStatus,
                              String fromAssignee, String toAssignee, String reason) {
}
