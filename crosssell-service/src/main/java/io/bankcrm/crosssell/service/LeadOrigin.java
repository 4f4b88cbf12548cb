package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.lead.LeadSource;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Where new leads come from: the source, the agreement and employer (or campaign) behind them, the day the
 * customer was linked to the employer (for the credit split's window), the branch whose team works them, and a
 * member to give them to instead of the team's round robin (a manual lead's creator, a leaver's relationship
 * manager).
 */
public record LeadOrigin(LeadSource source, UUID agreementId, UUID employerId, UUID campaignId, LocalDate linkedOn,
                         String branch, boolean needsApproval, String assignee) {

    public static LeadOrigin agreement(LeadSource source, StoredAgreement a, LocalDate linkedOn,
                                       boolean needsApproval) {
        return new LeadOrigin(source, a.id(), a.corporateId(), null, linkedOn, a.branch(), needsApproval, null);
    }

    public LeadOrigin withAssignee(String member) {
        return new LeadOrigin(source, agreementId, employerId, campaignId, linkedOn, branch, needsApproval, member);
    }
}
