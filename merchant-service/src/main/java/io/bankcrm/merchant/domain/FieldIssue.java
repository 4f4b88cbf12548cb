package io.bankcrm.merchant.domain;

import java.util.Objects;

/**
 * One field at fault and why, in English; the API turns each into a field error of the problem document.
 *
 * @param field the field's path in the request, e.g. {@code settlementAccount.accountNumber}
 */
public record FieldIssue(String field, String reason) {

    public FieldIssue {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }
}
