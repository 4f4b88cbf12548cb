package io.bankcrm.merchant.domain.offer;

import java.util.Objects;
import java.util.UUID;

/** One reason one offer did not apply. */
public record NotApplied(UUID offerId, Reason reason, String detail) {

    public NotApplied {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
