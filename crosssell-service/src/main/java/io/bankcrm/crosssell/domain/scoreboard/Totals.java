package io.bankcrm.crosssell.domain.scoreboard;

import io.bankcrm.platform.money.Money;

/** The whole of a period: each conversion once, with its whole value, however its credit was split. */
public record Totals(long conversions, Money value) {
}
