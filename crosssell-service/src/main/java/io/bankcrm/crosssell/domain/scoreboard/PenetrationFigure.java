package io.bankcrm.crosssell.domain.scoreboard;

import io.bankcrm.crosssell.domain.product.ProductCategory;

import java.math.BigDecimal;

/**
 * For one corporate client and one kind of product: how many of its current employees hold at least one such
 * product, the share that is (four decimals, half-even; null for an employer with no employees on record), the target
 * share and the attainment against it (null without a target).
 */
public record PenetrationFigure(ProductCategory category, int holders, int employees, BigDecimal share,
                                BigDecimal target, BigDecimal attainment) {
}
