package io.bankcrm.crosssell.domain.agreement;

/** What an agreement's change of status does to the open leads linked to its employer (or payers). */
public enum AgreementLeadEffect {
    /** Nothing: activating a draft brings leads through the roster's links, not through the status change. */
    NONE,
    /** Suspended: the open leads go ON_HOLD and keep the status they were in. */
    HOLD,
    /** Reactivated: the leads put ON_HOLD by the suspension return to the status they were held in. */
    RELEASE,
    /** Terminated: every open lead, held or not, ends EXPIRED with the termination's reason. */
    EXPIRE;

    static AgreementLeadEffect of(AgreementStatus from, AgreementStatus to) {
        return switch (to) {
            case SUSPENDED -> HOLD;
            case ACTIVE -> from == AgreementStatus.SUSPENDED ? RELEASE : NONE;
            case TERMINATED -> from == AgreementStatus.DRAFT ? NONE : EXPIRE;
            case DRAFT -> NONE;
        };
    }
}
