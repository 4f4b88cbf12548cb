package io.bankcrm.customer.service;

import io.bankcrm.platform.imports.ImportRowHandler;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A bulk-file row is a customer profile. Rows whose customer already exists (same ID number, credit code, or
 * name and mobile) are accepted without change, so the same file can be applied again safely.
 */
@ApplicationScoped
public class CustomerImport implements ImportRowHandler<CustomerProfile> {

    public static final String KIND = "customers";

    private final CustomerRegistration registration;

    public CustomerImport(CustomerRegistration registration) {
        this.registration = registration;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<CustomerProfile> rowType() {
        return CustomerProfile.class;
    }

    @Override
    public void apply(CustomerProfile row, String submittedBy) {
        registration.registerOrMatch(row, submittedBy);
    }
}
