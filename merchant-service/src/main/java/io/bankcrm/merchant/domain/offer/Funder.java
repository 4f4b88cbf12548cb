package io.bankcrm.merchant.domain.offer;

/** Who pays for a cardholder's discount: the merchant forgoes revenue, the bank and the card network subsidise it. */
public enum Funder { MERCHANT, BANK, NETWORK }
