package io.bankcrm.merchant.domain.offer;

import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.Violation;
import io.bankcrm.platform.money.Money;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * When an offer applies.
 *
 * @param validFrom         first day (inclusive, the bank's date)
 * @param validTo           last day (inclusive)
 * @param daysOfWeek        the days it applies on; empty for every day
 * @param minAmount         null for no minimum
 * @param maxAmount         null for no maximum
 * @param eligibleTiers     value tier codes whose cardholders get it; empty for everyone
 * @param bankCardsOnly     only cards the bank issued (the usual case: offers are there to promote its cards)
 * @param usesPerCard       null for no limit
 * @param capPerTransaction the most the cardholder saves on one transaction; null for no cap
 */
public record OfferConditions(LocalDate validFrom, LocalDate validTo, Set<DayOfWeek> daysOfWeek, Money minAmount,
                              Money maxAmount, Set<String> eligibleTiers, boolean bankCardsOnly, Integer usesPerCard,
                              Money capPerTransaction) {

    public OfferConditions {
        List<Violation> issues = new ArrayList<>();
        if (validFrom == null || validTo == null) {
            issues.add(new Violation("validFrom", "an offer has a first and a last day"));
        } else if (validTo.isBefore(validFrom)) {
            issues.add(new Violation("validTo", "the last day is before the first"));
        }
        if (minAmount != null && minAmount.amount().signum() < 0) {
            issues.add(new Violation("minAmount", "must not be negative"));
        }
        if (minAmount != null && maxAmount != null && maxAmount.compareTo(minAmount) < 0) {
            issues.add(new Violation("maxAmount", "is below minAmount"));
        }
        if (usesPerCard != null && usesPerCard < 1) {
            issues.add(new Violation("usesPerCard", "at least 1, or none for no limit"));
        }
        if (capPerTransaction != null && capPerTransaction.amount().signum() <= 0) {
            issues.add(new Violation("capPerTransaction", "must be positive, or none for no cap"));
        }
        InvalidInput.throwIfAny(issues);
        daysOfWeek = daysOfWeek == null || daysOfWeek.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(daysOfWeek));
        eligibleTiers = eligibleTiers == null ? Set.of() : Set.copyOf(eligibleTiers);
    }

    /** Every reason {@code facts} does not meet these conditions for offer {@code offerId}; empty when it does. */
    List<NotApplied> unmetBy(UUID offerId, PurchaseFacts facts) {
        List<NotApplied> unmet = new ArrayList<>();
        LocalDate day = facts.localTime().toLocalDate();
        if (day.isBefore(validFrom)) {
            unmet.add(new NotApplied(offerId, Reason.NOT_YET_VALID, "valid from " + validFrom));
        }
        if (day.isAfter(validTo)) {
            unmet.add(new NotApplied(offerId, Reason.NO_LONGER_VALID, "valid until " + validTo));
        }
        if (!daysOfWeek.isEmpty() && !daysOfWeek.contains(day.getDayOfWeek())) {
            unmet.add(new NotApplied(offerId, Reason.DAY_OF_WEEK,
                    "only on " + new TreeSet<>(daysOfWeek) + ", not " + day.getDayOfWeek()));
        }
        if (minAmount != null && facts.amount().compareTo(minAmount) < 0) {
            unmet.add(new NotApplied(offerId, Reason.BELOW_MINIMUM, "from " + minAmount));
        }
        if (maxAmount != null && facts.amount().compareTo(maxAmount) > 0) {
            unmet.add(new NotApplied(offerId, Reason.ABOVE_MAXIMUM, "up to " + maxAmount));
        }
        if (!eligibleTiers.isEmpty() && (facts.cardholderTier().isEmpty()
                || !eligibleTiers.contains(facts.cardholderTier().get()))) {
            unmet.add(new NotApplied(offerId, Reason.TIER_NOT_ELIGIBLE, "for tiers " + new TreeSet<>(eligibleTiers)
                    + "; the cardholder's tier is " + facts.cardholderTier().orElse("unknown")));
        }
        if (bankCardsOnly && !facts.bankCard()) {
            unmet.add(new NotApplied(offerId, Reason.NOT_A_BANK_CARD, "for the bank's cards only"));
        }
        if (usesPerCard != null && facts.usesOf(offerId) >= usesPerCard) {
            unmet.add(new NotApplied(offerId, Reason.USES_PER_CARD_REACHED,
                    "used " + facts.usesOf(offerId) + " of " + usesPerCard + " times with this card"));
        }
        return unmet;
    }

    static OfferConditions requireNonNull(OfferConditions conditions) {
        return Objects.requireNonNull(conditions, "conditions");
    }
}
