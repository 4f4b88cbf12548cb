package io.bankcrm.customer.domain;

/** Identity documents an individual customer may be identified by. Only RESIDENT_ID has a check digit. */
public enum IdType {
    RESIDENT_ID, PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT, FOREIGN_PERMANENT_RESIDENT_ID
}
