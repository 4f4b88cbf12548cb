package io.bankcrm.customer.domain;

/** Where a contact with the customer took place. */
public enum InteractionChannel {
    BRANCH, PHONE, SMS, EMAIL, APP, VISIT, WECHAT, VIDEO
}
