package io.bankcrm.crosssell.service;

import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.money.Money;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Currency;

/** An exact amount of money as JSON carries it: a decimal and its ISO 4217 currency. */
@Schema(name = "Amount")
public record Fee(@NotNull @DecimalMax("1000000000000") BigDecimal amount,
                  @NotNull @Size(min = 3, max = 3) @Pattern(regexp = "[A-Z]{3}") String currency) {

    /** The amount as platform Money; more decimals than the currency has, or an unknown currency, is a 400. */
    public Money toMoney(String field) {
        Currency c;
        try {
            c = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field + ".currency", "is not an ISO 4217 currency");
        }
        if (amount.stripTrailingZeros().scale() > Math.max(0, c.getDefaultFractionDigits())) {
            throw new InvalidInput(field + ".amount", "has more decimals than " + currency + " has");
        }
        return new Money(amount.setScale(Math.max(0, c.getDefaultFractionDigits())), c);
    }

    public static Fee of(Money money) {
        return money == null ? null : new Fee(money.amount(), money.currency().getCurrencyCode());
    }
}
