package io.bankcrm.crosssell.domain.product;

import io.bankcrm.crosssell.domain.prospect.ConsentChannel;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a customer may be offered a product, every reason why not, and the channels a lead may use: those the
 * customer consented to among those the product allows.
 */
public record EligibilityDecision(List<Refusal> refusals, Set<ConsentChannel> contactChannels) {

    public EligibilityDecision {
        refusals = List.copyOf(refusals);
        contactChannels = contactChannels.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(contactChannels));
    }

    public boolean eligible() {
        return refusals.isEmpty();
    }

    public boolean refusedFor(Refusal.Reason reason) {
        return refusals.stream().anyMatch(r -> r.reason() == reason);
    }
}
