package io.bankcrm.crosssell.domain.prospect;

/** A person (retail) or an organisation (corporate), as customer-service's events name them. */
public enum CustomerKind {
    INDIVIDUAL, CORPORATE
}
