package io.bankcrm.crosssell.domain.lead;

/** What a lead's priority score is made of. */
public enum ScoreFactor {
    /** The customer's value tier: the higher, the more points. */
    TIER,
    /** The monthly salary band from the roster. */
    SALARY_BAND,
    /** How well the product suits the customer: its target salary bands, officers for wealth products. */
    PRODUCT_FIT,
    /** The employer's corporate tier: a strategic client's staff come first. */
    EMPLOYER_TIER
}
