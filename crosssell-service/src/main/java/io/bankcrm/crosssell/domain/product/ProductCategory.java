package io.bankcrm.crosssell.domain.product;

/**
 * What kind of product a catalogue entry is. Penetration targets count an employer's employees by category
 * (holding any loan counts once, however many loans).
 */
public enum ProductCategory {
    PAYROLL_CARD, CREDIT_CARD, LOAN, WEALTH, DEPOSIT, INSURANCE, SERVICE, OTHER
}
