package io.bankcrm.crosssell.domain.scoreboard;

import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.platform.money.Money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A team's target for one product in a period: a number of conversions, a converted value, or both.
 *
 * @param count null when the target is value only
 * @param value null when the target is count only
 */
public record Target(String teamId, ProductCode product, BigDecimal count, Money value) {

    public Target {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(product, "product");
        if (count == null && value == null) {
            throw new IllegalArgumentException("a target sets a count, a value or both");
        }
        if (count != null && count.signum() <= 0) {
            throw new IllegalArgumentException("a count target is positive");
        }
        if (value != null && value.amount().signum() <= 0) {
            throw new IllegalArgumentException("a value target is positive");
        }
    }
}
