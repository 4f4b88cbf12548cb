package io.bankcrm.merchant.domain.instalment;

import io.bankcrm.platform.money.Money;

import java.time.LocalDate;

/** One monthly instalment: its principal and fee parts and their sum. */
public record Instalment(int number, LocalDate dueOn, Money principal, Money fee, Money amount) {

    public Instalment {
        if (!principal.plus(fee).equals(amount)) {
            throw new IllegalStateException("an instalment is its principal plus its fee");
        }
    }
}
