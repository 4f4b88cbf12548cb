package io.bankcrm.customer.domain;

import java.util.Optional;

/**
 * The relationships the bank tracks between its customers, with the kinds each connects:
 * EMPLOYEE_OF and OFFICER_OF from an individual to a corporate, HOUSEHOLD_MEMBER between individuals,
 * SUBSIDIARY_OF from a corporate to its parent corporate, PAYER_OF from an individual to the corporate that
 * collects from or pays them through the bank (a collection/payment agency agreement, 代收代付: utilities,
 * tuition, insurance premiums).
 */
public enum RelationshipType {
    EMPLOYEE_OF(CustomerKind.INDIVIDUAL, CustomerKind.CORPORATE),
    OFFICER_OF(CustomerKind.INDIVIDUAL, CustomerKind.CORPORATE),
    HOUSEHOLD_MEMBER(CustomerKind.INDIVIDUAL, CustomerKind.INDIVIDUAL),
    SUBSIDIARY_OF(CustomerKind.CORPORATE, CustomerKind.CORPORATE),
    PAYER_OF(CustomerKind.INDIVIDUAL, CustomerKind.CORPORATE);

    private final CustomerKind from;
    private final CustomerKind to;

    RelationshipType(CustomerKind from, CustomerKind to) {
        this.from = from;
        this.to = to;
    }

    /** Why a link of this type between these kinds is not allowed, or empty when it is. */
    public Optional<String> refusal(CustomerKind fromKind, CustomerKind toKind) {
        if (fromKind != from || toKind != to) {
            return Optional.of(name() + " links " + article(from) + " customer to " + article(to)
                    + " customer, not " + article(fromKind) + " to " + article(toKind));
        }
        return Optional.empty();
    }

    /** Only an officer holds an office (e.g. CFO, legal representative). */
    public boolean hasOffice() {
        return this == OFFICER_OF;
    }

    private static String article(CustomerKind kind) {
        return kind == CustomerKind.INDIVIDUAL ? "an individual" : "a corporate";
    }
}
