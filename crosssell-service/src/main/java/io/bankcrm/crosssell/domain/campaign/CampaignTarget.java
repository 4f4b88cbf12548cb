package io.bankcrm.crosssell.domain.campaign;

import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import io.bankcrm.crosssell.domain.prospect.TierScale;
import io.bankcrm.platform.domain.Violation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Whom a campaign is for. A customer is targeted when all of these hold; the campaign's product's own eligibility
 * rule applies on top (a campaign never reaches someone the product may not be offered to).
 *
 * @param kind            the customer kind
 * @param tiers           the value tiers targeted, on the kind's ladder; empty for any tier, the untiered included
 * @param salaryBands     the salary bands targeted (individuals only); empty for any band, an unknown one included
 * @param employerId      only current employees and officers of this corporate customer; null for anyone
 * @param consentChannels MARKETING consent on at least one of these channels (at least one: a campaign is marketing)
 * @param excludeHolders  customers who hold the product already are left out
 */
public record CampaignTarget(CustomerKind kind, Set<String> tiers, Set<SalaryBand> salaryBands, UUID employerId,
                             Set<ConsentChannel> consentChannels, boolean excludeHolders) {

    public CampaignTarget {
        Objects.requireNonNull(kind, "kind");
        tiers = tiers == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(tiers));
        salaryBands = salaryBands == null || salaryBands.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(salaryBands));
        consentChannels = consentChannels == null || consentChannels.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(consentChannels));
    }

    /** Every rule the target breaks; empty when it is sound. */
    public List<Violation> violations(TierScale ladders) {
        List<Violation> found = new ArrayList<>();
        for (String tier : tiers) {
            if (ladders.rankOf(kind, tier).isEmpty()) {
                found.add(new Violation("target.tiers", tier + " is not a " + kind + " tier; the tiers are "
                        + ladders.ladder(kind)));
            }
        }
        if (!salaryBands.isEmpty() && kind != CustomerKind.INDIVIDUAL) {
            found.add(new Violation("target.salaryBands", "a salary band applies to individuals only"));
        }
        if (employerId != null && kind != CustomerKind.INDIVIDUAL) {
            found.add(new Violation("target.employerId", "an employer's staff are individuals"));
        }
        if (consentChannels.isEmpty()) {
            found.add(new Violation("target.consentChannels",
                    "name at least one channel: a campaign reaches only customers with MARKETING consent on it"));
        }
        return found;
    }
}
