package io.bankcrm.merchant.domain.instalment;

import java.util.Arrays;
import java.util.Optional;

/** The numbers of monthly instalments the bank offers. */
public enum Tenor {
    THREE(3), SIX(6), TWELVE(12), TWENTY_FOUR(24);

    private final int months;

    Tenor(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }

    public static Optional<Tenor> ofMonths(int months) {
        return Arrays.stream(values()).filter(t -> t.months == months).findFirst();
    }
}
