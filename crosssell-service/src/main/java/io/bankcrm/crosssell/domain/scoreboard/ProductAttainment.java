package io.bankcrm.crosssell.domain.scoreboard;

import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.platform.money.Money;

import java.math.BigDecimal;

/**
 * What a team or member achieved for one product against its target. Attainments are fractions (0.8750 is 87.5%),
 * four decimals, half-even; null where no target is set.
 *
 * @param count       conversions credited, shares counted as fractions (0.30 of a shared one)
 * @param countTarget null without a count target; for a member, the team's target times the member's capacity share
 * @param valueTarget null without a value target
 */
public record ProductAttainment(ProductCode product, BigDecimal count, BigDecimal countTarget,
                                BigDecimal countAttainment, Money value, Money valueTarget,
                                BigDecimal valueAttainment) {
}
