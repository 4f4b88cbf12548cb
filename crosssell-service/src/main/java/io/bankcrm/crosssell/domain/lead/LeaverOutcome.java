package io.bankcrm.crosssell.domain.lead;

import io.bankcrm.crosssell.domain.product.ProductCode;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What an employee's departure does to leads: the leads that expire, and whether a retention lead is opened for
 * the relationship manager (the leaver holds products with the bank), naming the products held.
 */
public record LeaverOutcome(List<LeadEffect> expire, boolean retentionLead, SortedSet<ProductCode> productsHeld) {

    public LeaverOutcome {
        expire = List.copyOf(expire);
        productsHeld = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(productsHeld));
    }

    /** The reason the retention lead is created with: "left employer; holds PAYROLL_CARD, PERSONAL_LOAN". */
    public String retentionReason() {
        return "left the employer of the payroll agreement; holds " + String.join(", ",
                productsHeld.stream().map(ProductCode::value).toList());
    }
}
