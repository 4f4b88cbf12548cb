package io.bankcrm.crosssell.domain.product;

import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import io.bankcrm.crosssell.domain.prospect.TierScale;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a customer may be offered a product: the product is on sale, the customer is not closed, is of a
 * kind the product is for, meets the minimum tier and salary band, has MARKETING consent on a channel the product
 * may use (unless the product needs none) and does not hold it already. Every failed rule is reported, not only the
 * first, so a relationship manager sees all that stands in the way.
 */
public final class Eligibility {

    private final TierScale tiers;

    public Eligibility(TierScale tiers) {
        this.tiers = Objects.requireNonNull(tiers, "tiers");
    }

    public EligibilityDecision decide(Product product, Prospect prospect) {
        EligibilityRule rule = product.eligibility();
        List<Refusal> refusals = new ArrayList<>();
        if (!product.active()) {
            refusals.add(new Refusal(Refusal.Reason.PRODUCT_RETIRED, product.code() + " is no longer offered"));
        }
        if (prospect.closed()) {
            refusals.add(new Refusal(Refusal.Reason.CUSTOMER_CLOSED, "the customer's relationship is closed"));
        }
        if (!rule.kinds().contains(prospect.kind())) {
            refusals.add(new Refusal(Refusal.Reason.CUSTOMER_KIND,
                    product.code() + " is for " + rule.kinds() + " customers, not " + prospect.kind()));
        }
        if (rule.minimumTier() != null && rule.kinds().contains(prospect.kind())
                && !tiers.meets(prospect.kind(), prospect.tier(), rule.minimumTier())) {
            refusals.add(new Refusal(Refusal.Reason.TIER, prospect.tier() == null
                    ? "needs tier " + rule.minimumTier() + " or above; the customer is not tiered yet"
                    : "needs tier " + rule.minimumTier() + " or above; the customer is " + prospect.tier()));
        }
        if (rule.minimumSalaryBand() != null && prospect.kind() == CustomerKind.INDIVIDUAL) {
            if (prospect.salaryBand() == null) {
                refusals.add(new Refusal(Refusal.Reason.SALARY_BAND, "needs a monthly salary of "
                        + rule.minimumSalaryBand().label() + " or more; no roster states the customer's salary band"));
            } else if (!prospect.salaryBand().isAtLeast(rule.minimumSalaryBand())) {
                refusals.add(new Refusal(Refusal.Reason.SALARY_BAND, "needs a monthly salary of "
                        + rule.minimumSalaryBand().label() + " or more; the customer's is "
                        + prospect.salaryBand().label()));
            }
        }
        Set<ConsentChannel> channels = EnumSet.noneOf(ConsentChannel.class);
        if (rule.needsMarketingConsent()) {
            channels.addAll(rule.consentChannels());
            channels.retainAll(prospect.marketingChannels());
            if (channels.isEmpty()) {
                refusals.add(new Refusal(Refusal.Reason.NO_MARKETING_CONSENT,
                        "no MARKETING consent on any of " + rule.consentChannels()));
            }
        } else {
            channels.addAll(EnumSet.allOf(ConsentChannel.class));
        }
        if (rule.excludeHolders() && prospect.holds(product.code())) {
            refusals.add(new Refusal(Refusal.Reason.ALREADY_HELD, "the customer already holds " + product.code()));
        }
        return new EligibilityDecision(refusals, refusals.isEmpty() ? channels : Set.of());
    }
}
