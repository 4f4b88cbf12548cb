package io.bankcrm.merchant.domain.agreement;

import io.bankcrm.merchant.domain.Stamp;
import io.bankcrm.platform.domain.InvalidInput;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Part of an obligation done, e.g. "promoted in 8 branches" with the evidence (photos, a branch list).
 *
 * @param stamp who recorded it and when
 */
public record Fulfilment(int quantity, LocalDate on, String evidence, Stamp stamp) {

    public Fulfilment {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(stamp, "stamp");
        if (quantity < 1) {
            throw new InvalidInput("quantity", "a fulfilment counts at least 1, not " + quantity);
        }
        if (evidence != null && evidence.length() > 500) {
            throw new InvalidInput("evidence", "at most 500 characters");
        }
    }
}
