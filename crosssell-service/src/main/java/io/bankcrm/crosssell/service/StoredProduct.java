package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.product.Product;

/** A catalogue entry and its version (the ETag). */
public record StoredProduct(Product product, long version) {
}
