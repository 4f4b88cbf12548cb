package io.bankcrm.merchant.domain.fee;

public enum CardType { DEBIT, CREDIT }
