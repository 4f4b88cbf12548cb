package io.bankcrm.merchant.domain.fee;

/** Who shares the merchant discount fee: the card's issuer, the merchant's acquirer and the card network. */
public enum FeeParty { ISSUER, ACQUIRER, NETWORK }
