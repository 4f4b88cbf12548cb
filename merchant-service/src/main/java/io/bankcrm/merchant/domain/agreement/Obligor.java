package io.bankcrm.merchant.domain.agreement;

/** Who owes an in-kind obligation under a partnership agreement. */
public enum Obligor { BANK, MERCHANT }
