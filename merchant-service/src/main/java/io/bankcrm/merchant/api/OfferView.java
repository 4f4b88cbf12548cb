package io.bankcrm.merchant.api;

import io.bankcrm.merchant.domain.offer.ExhaustionPolicy;
import io.bankcrm.merchant.domain.offer.Funder;
import io.bankcrm.merchant.domain.offer.FunderBudget;
import io.bankcrm.merchant.domain.offer.Offer;
import io.bankcrm.merchant.domain.offer.OfferConditions;
import io.bankcrm.merchant.domain.offer.OfferStatus;
import io.bankcrm.merchant.domain.offer.OfferType;
import io.bankcrm.merchant.service.StoredOffer;
import io.bankcrm.platform.money.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An offer with its conditions and each funder's budget (total, drawn, remaining, exhausted). */
@Schema(name = "Offer")
public record OfferView(UUID id, UUID merchantId, String name, OfferType type, Map<Funder, BigDecimal> shares,
                        BigDecimal fixedAmount, String currency, LocalDate validFrom, LocalDate validTo,
                        List<DayOfWeek> daysOfWeek, BigDecimal minAmount, BigDecimal maxAmount,
                        List<String> eligibleTiers, boolean bankCardsOnly, Integer usesPerCard,
                        BigDecimal capPerTransaction, int priority, ExhaustionPolicy exhaustionPolicy,
                        @Schema(description = "Stored status; SCHEDULED shows LIVE from its first day, any EXPIRED after its last")
                        OfferStatus status, List<BudgetView> budgets, long version, Instant createdAt,
                        String createdBy, Instant updatedAt, String updatedBy) {

    public record BudgetView(Funder funder, BigDecimal total, BigDecimal drawn, BigDecimal remaining,
                             boolean exhausted) {
    }

    static OfferView of(StoredOffer s, LocalDate today) {
        Offer o = s.offer();
        OfferConditions c = o.conditions();
        return new OfferView(o.id(), o.merchantId(), o.name(), o.type(), o.shares(), amount(o.fixedAmount()), "CNY",
                c.validFrom(), c.validTo(), c.daysOfWeek().stream().sorted().toList(), amount(c.minAmount()),
                amount(c.maxAmount()), c.eligibleTiers().stream().sorted().toList(), c.bankCardsOnly(),
                c.usesPerCard(), amount(c.capPerTransaction()), o.priority(), o.exhaustionPolicy(), o.statusOn(today),
                s.budgets().stream().map(OfferView::budget).toList(), s.version(), s.createdAt(), s.createdBy(),
                s.updatedAt(), s.updatedBy());
    }

    private static BudgetView budget(FunderBudget b) {
        return new BudgetView(b.funder(), b.total().amount(), b.drawn().amount(), b.remaining().amount(),
                b.exhausted());
    }

    private static BigDecimal amount(Money m) {
        return m == null ? null : m.amount();
    }
}
