package io.bankcrm.crosssell.domain.product;

import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import io.bankcrm.crosssell.domain.prospect.OfficerRole;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What crosssell knows of a customer when it decides on a lead: from customer-service's events (kind, status,
 * marketing consent), segmentation-service's (tier), the roster (salary band, officer role) and the products the
 * customer holds. No name, ID number or phone: those stay in customer-service.
 *
 * @param tier               the value tier code, null while segmentation has not tiered the customer
 * @param salaryBand         from the employer's roster, null when no roster names the customer
 * @param officerRole        the office held at the employer, null for an employee who is not an officer
 * @param marketingChannels  the channels on which the customer has granted MARKETING consent
 * @param closed             the customer's relationship with the bank is CLOSED
 */
public record Prospect(UUID customerId, CustomerKind kind, String tier, SalaryBand salaryBand,
                       OfficerRole officerRole, Set<ConsentChannel> marketingChannels, Set<ProductCode> heldProducts,
                       boolean closed) {

    public Prospect {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
        marketingChannels = marketingChannels.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(EnumSet.copyOf(marketingChannels));
        SortedSet<ProductCode> held = new TreeSet<>(heldProducts);
        heldProducts = java.util.Collections.unmodifiableSortedSet(held);
    }

    public boolean isOfficer() {
        return officerRole != null;
    }

    public boolean holds(ProductCode product) {
        return heldProducts.contains(product);
    }

    public Prospect withTier(String newTier) {
        return new Prospect(customerId, kind, newTier, salaryBand, officerRole, marketingChannels, heldProducts,
                closed);
    }

    public Prospect withMarketingChannels(Set<ConsentChannel> channels) {
        return new Prospect(customerId, kind, tier, salaryBand, officerRole, channels, heldProducts, closed);
    }

    public Prospect withHeldProducts(Set<ProductCode> products) {
        return new Prospect(customerId, kind, tier, salaryBand, officerRole, marketingChannels, products, closed);
    }
}
