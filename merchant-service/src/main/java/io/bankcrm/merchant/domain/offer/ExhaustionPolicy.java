package io.bankcrm.merchant.domain.offer;

/** What the agreement says happens when one funder's budget cannot cover its share of a transaction. */
public enum ExhaustionPolicy {
    /** The offer stops for everyone (EXHAUSTED) until the budget is topped up. */
    STOP_OFFER,
    /** The offer goes on with the remaining funders' shares only; it stops when no funder is left. */
    CONTINUE_WITH_REMAINING_FUNDERS
}
