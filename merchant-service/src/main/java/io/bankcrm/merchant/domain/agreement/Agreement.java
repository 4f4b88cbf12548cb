package io.bankcrm.merchant.domain.agreement;

import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.StateConflict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The partnership agreement a merchant signs (the AGREEMENT_SIGNED step), with its in-kind obligations. The money
 * terms live with what they govern: offers (funders, budgets, exhaustion policy), fee split rules, instalment and
 * referral programmes.
 */
public record Agreement(UUID id, UUID merchantId, LocalDate signedOn, LocalDate validFrom, LocalDate validTo,
                        List<InKindObligation> obligations) {

    public Agreement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(signedOn, "signedOn");
        Objects.requireNonNull(validFrom, "validFrom");
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new InvalidInput("validTo", "an agreement cannot end before it starts");
        }
        obligations = List.copyOf(obligations);
        if (obligations.stream().map(InKindObligation::id).distinct().count() != obligations.size()) {
            throw new InvalidInput("obligations", "obligation ids must be distinct");
        }
    }

    /** Records a fulfilment of one obligation; an unknown obligation is refused. */
    public Agreement fulfil(UUID obligationId, Fulfilment fulfilment) {
        List<InKindObligation> updated = new ArrayList<>(obligations.size());
        boolean found = false;
        for (InKindObligation o : obligations) {
            if (o.id().equals(obligationId)) {
                if (fulfilment.on().isBefore(validFrom)) {
                    throw new StateConflict("fulfilment-before-agreement",
                            "a fulfilment cannot predate the agreement (" + validFrom + ")");
                }
                updated.add(o.record(fulfilment));
                found = true;
            } else {
                updated.add(o);
            }
        }
        if (!found) {
            throw new InvalidInput("obligationId", "agreement " + id + " has no obligation " + obligationId);
        }
        return new Agreement(id, merchantId, signedOn, validFrom, validTo, updated);
    }

    /** Obligations not yet fulfilled whose due day has passed. */
    public List<InKindObligation> overdue(LocalDate today) {
        return obligations.stream().filter(o -> o.state(today) == InKindObligation.State.OVERDUE).toList();
    }
}
