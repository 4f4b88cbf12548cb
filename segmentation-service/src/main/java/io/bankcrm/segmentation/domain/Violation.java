package io.bankcrm.segmentation.domain;

/**
 * What a domain rule finds wrong with one field, e.g. {@code bands[1].profitShareUpTo}; the service layer turns
 * these into the problem+json field list.
 */
public record Violation(String field, String message) {
}
