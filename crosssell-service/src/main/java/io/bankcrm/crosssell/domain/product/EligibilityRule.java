package io.bankcrm.crosssell.domain.product;

import io.bankcrm.platform.domain.Violation;
import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import io.bankcrm.crosssell.domain.prospect.TierScale;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who may be offered a product.
 *
 * @param kinds             the customer kinds the product is for (at least one)
 * @param minimumTier       the lowest value tier that qualifies, on the ladder of the single kind; null for any
 *                          tier, the untiered included
 * @param minimumSalaryBand the lowest monthly salary band that qualifies; null for any (an unknown band included)
 * @param consentChannels   MARKETING consent is needed on at least one of these channels, and the lead may use only
 *                          the consented ones; empty for a service contact that needs no marketing consent
 * @param excludeHolders    a customer who already holds the product is not offered it again
 */
public record EligibilityRule(Set<CustomerKind> kinds, String minimumTier, SalaryBand minimumSalaryBand,
                              Set<ConsentChannel> consentChannels, boolean excludeHolders) {

    public EligibilityRule {
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        consentChannels = consentChannels == null || consentChannels.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(consentChannels));
        if (minimumTier != null && minimumTier.isBlank()) {
            minimumTier = null;
        }
    }

    /** Individuals with marketing consent on any channel who do not hold the product yet. */
    public static EligibilityRule retail() {
        return new EligibilityRule(Set.of(CustomerKind.INDIVIDUAL), null, null,
                EnumSet.allOf(ConsentChannel.class), true);
    }

    public EligibilityRule withMinimumTier(String tier) {
        return new EligibilityRule(kinds, tier, minimumSalaryBand, consentChannels, excludeHolders);
    }

    public EligibilityRule withMinimumSalaryBand(SalaryBand band) {
        return new EligibilityRule(kinds, minimumTier, band, consentChannels, excludeHolders);
    }

    public EligibilityRule withConsentChannels(Set<ConsentChannel> channels) {
        return new EligibilityRule(kinds, minimumTier, minimumSalaryBand, channels, excludeHolders);
    }

    public boolean needsMarketingConsent() {
        return !consentChannels.isEmpty();
    }

    /** Every rule this rule itself breaks (what a catalogue edit is checked against); empty when it is sound. */
    public List<Violation> violations(TierScale tiers) {
        List<Violation> found = new ArrayList<>();
        if (kinds.isEmpty()) {
            found.add(new Violation("eligibility.kinds", "name at least one customer kind"));
        }
        if (minimumTier != null) {
            if (kinds.size() != 1) {
                found.add(new Violation("eligibility.minimumTier",
                        "a minimum tier needs exactly one customer kind: retail and corporate tiers differ"));
            } else {
                CustomerKind kind = kinds.iterator().next();
                if (tiers.rankOf(kind, minimumTier).isEmpty()) {
                    found.add(new Violation("eligibility.minimumTier",
                            minimumTier + " is not a " + kind + " tier; the tiers are " + tiers.ladder(kind)));
                }
            }
        }
        if (minimumSalaryBand != null && !kinds.equals(Set.of(CustomerKind.INDIVIDUAL))) {
            found.add(new Violation("eligibility.minimumSalaryBand", "a salary band applies to individuals only"));
        }
        return found;
    }
}
