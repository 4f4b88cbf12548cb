package io.bankcrm.crosssell.domain.scoreboard;

import io.bankcrm.platform.money.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * A team's (staffId null) or a member's place on the scoreboard.
 *
 * @param score the mean of its attainments (count and value, every product with a target), four decimals; null
 *              without targets: ranked after everyone with one
 */
public record Standing(int rank, String teamId, String staffId, BigDecimal score, BigDecimal count, Money value,
                       List<ProductAttainment> products) {

    public Standing {
        products = List.copyOf(products);
    }
}
