package io.bankcrm.customer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The OpenAPI shape of a page of customers (the resources answer {@code Page<CustomerView>}). */
@Schema(name = "PageCustomerView", description = "A page of customers; nextCursor is absent on the last page")
record CustomerPage(@Schema(maxItems = 200) List<CustomerView> items,
                    @Schema(maxLength = 2048) String nextCursor) {
}
