package io.bankcrm.crosssell.domain.product;

import java.util.Objects;

/** One reason a customer may not be offered a product, as a code a client can act on and a sentence. */
public record Refusal(Reason reason, String message) {

    public enum Reason {
        PRODUCT_RETIRED, CUSTOMER_CLOSED, CUSTOMER_KIND, TIER, SALARY_BAND, NO_MARKETING_CONSENT, ALREADY_HELD
    }

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
