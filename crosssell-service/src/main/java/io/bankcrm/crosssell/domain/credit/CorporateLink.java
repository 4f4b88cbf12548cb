package io.bankcrm.crosssell.domain.credit;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * How a converted customer came through a corporate: the agreement, the corporate side that signed it, and the day
 * the customer was linked to the employer (the EMPLOYEE_OF or payer link the lead came from).
 */
public record CorporateLink(UUID agreementId, Credited corporate, LocalDate linkedOn) {

    public CorporateLink {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(corporate, "corporate");
        Objects.requireNonNull(linkedOn, "linkedOn");
    }
}
