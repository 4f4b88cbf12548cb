package io.bankcrm.events.crosssell;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A lead converted: the product the customer opened, its value and how the credit was split between the
 * corporate team that signed the employer and the retail team that converted the customer. The shares add up to
 * exactly 1 and the amounts to exactly {@code value}.
 *
 * @param product       the product the lead offered
 * @param productOpened the product opened (a lead for a loan may end in a credit card)
 * @param value         exact amount, in {@code currency} (ISO 4217)
 * @param ruleVersion   the credit split rule version in force on the conversion day and frozen on the record;
 *                      null when no rule applied (the lead did not come through a corporate, or none was in force)
 */
public record LeadConverted(
        UUID leadId,
        UUID customerId,
        String product,
        String productOpened,
        BigDecimal value,
        String currency,
        LocalDate openedOn,
        Integer ruleVersion,
        List<CreditShare> credit,
        String actor,
        Instant convertedAt) {

    /**
     * One line of the credit.
     *
     * @param role  CORPORATE or RETAIL
     * @param share the fraction of the conversion, e.g. 0.3000
     */
    public record CreditShare(String role, UUID teamId, String staffId, BigDecimal share, BigDecimal amount) {
    }
}
