package io.bankcrm.merchant.domain.instalment;

/** Who pays an instalment plan's fee. */
public enum FeeBearer {
    /** The cardholder repays principal plus fee. */
    CARDHOLDER,
    /** Interest-free to the cardholder (免息分期): the fee is taken from the merchant's settlement. */
    MERCHANT,
    /** Interest-free to the cardholder, and the bank forgoes the fee as a subsidy. */
    BANK
}
