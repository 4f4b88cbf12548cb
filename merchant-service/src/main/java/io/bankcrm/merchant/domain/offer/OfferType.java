package io.bankcrm.merchant.domain.offer;

/** How an offer's benefit is computed and who funds it. */
public enum OfferType {
    /** A percentage off, all of it the merchant's (e.g. 15% off for promotion in the bank's branches). */
    MERCHANT_FUNDED,
    /** A percentage off made of each funder's percentage of the amount (merchant 20% + bank 30% = half price). */
    CO_FUNDED,
    /** A fixed amount off, divided among the funders by their fractions of it. */
    FIXED_AMOUNT
}
