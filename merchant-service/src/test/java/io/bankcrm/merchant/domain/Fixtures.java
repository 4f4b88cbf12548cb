package io.bankcrm.merchant.domain;

import io.bankcrm.platform.money.Money;

import java.time.Instant;
import java.util.UUID;

/** Shared test data: money, stamps and ids. */
public final class Fixtures {

    public static final UUID MERCHANT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    private Fixtures() {
    }

    public static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    public static Stamp by(String actor, String instant) {
        return new Stamp(actor, Instant.parse(instant));
    }
}
