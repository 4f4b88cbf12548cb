package io.bankcrm.crosssell.domain.agreement;

/** What a collection/payment agency agreement (代收代付) collects or pays. */
public enum CollectionCategory {
    UTILITIES, TUITION, INSURANCE_PREMIUM, PROPERTY_MANAGEMENT, SOCIAL_SECURITY, OTHER
}
