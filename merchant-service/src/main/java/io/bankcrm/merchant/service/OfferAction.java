package io.bankcrm.merchant.service;

/** What merchant-ops does with an offer's life cycle (LIVE and EXPIRED also follow from the dates). */
public enum OfferAction { SCHEDULE, PAUSE, RESUME, EXPIRE }
