package io.bankcrm.merchant.domain.offer;

/** Why an offer did not apply to a transaction; the answer to the switch lists each with a readable detail. */
public enum Reason {
    NOT_LIVE,
    NOT_YET_VALID,
    NO_LONGER_VALID,
    DAY_OF_WEEK,
    BELOW_MINIMUM,
    ABOVE_MAXIMUM,
    TIER_NOT_ELIGIBLE,
    NOT_A_BANK_CARD,
    USES_PER_CARD_REACHED,
    BUDGET_EXHAUSTED,
    NO_BENEFIT,
    /** It applied, but another offer gives the cardholder more (or as much, with a better priority or id). */
    OUTRANKED
}
