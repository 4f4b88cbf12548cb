package io.bankcrm.merchant.domain.offer;

import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.StateConflict;
import io.bankcrm.platform.domain.Violation;
import io.bankcrm.platform.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A card-linked offer at one merchant. Immutable; a life-cycle step returns the offer in its new status.
 *
 * @param shares      for MERCHANT_FUNDED and CO_FUNDED, each funder's fraction of the transaction amount
 *                    (merchant 0.20 + bank 0.30 is half price); for FIXED_AMOUNT, each funder's fraction of the
 *                    fixed amount (summing to 1)
 * @param fixedAmount the amount off of a FIXED_AMOUNT offer; null otherwise
 * @param priority    1 is first: among offers giving the same benefit the lower number wins
 */
public record Offer(UUID id, UUID merchantId, String name, OfferType type, Map<Funder, BigDecimal> shares,
                    Money fixedAmount, OfferConditions conditions, int priority, ExhaustionPolicy exhaustionPolicy,
                    OfferStatus status) {

    public static final String ENDED = "offer-ended";
    public static final int MAX_PRIORITY = 1000;

    public Offer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(type, "type");
        OfferConditions.requireNonNull(conditions);
        Objects.requireNonNull(exhaustionPolicy, "exhaustionPolicy");
        Objects.requireNonNull(status, "status");
        EnumMap<Funder, BigDecimal> copy = new EnumMap<>(Funder.class);
        if (shares != null) {
            copy.putAll(shares);
        }
        List<Violation> issues = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            issues.add(new Violation("name", "a name of 1 to 100 characters"));
        }
        if (priority < 1 || priority > MAX_PRIORITY) {
            issues.add(new Violation("priority", "1 (first) to " + MAX_PRIORITY));
        }
        checkShares(type, copy, fixedAmount, issues);
        InvalidInput.throwIfAny(issues);
        shares = Collections.unmodifiableMap(copy);
    }

    private static void checkShares(OfferType type, Map<Funder, BigDecimal> shares, Money fixedAmount,
                                    List<Violation> issues) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<Funder, BigDecimal> e : shares.entrySet()) {
            BigDecimal share = e.getValue();
            if (share == null || share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
                issues.add(new Violation("shares." + e.getKey(), "a fraction above 0 and at most 1"));
                return;
            }
            if (share.stripTrailingZeros().scale() > 6) {
                issues.add(new Violation("shares." + e.getKey(), "at most six decimals"));
                return;
            }
            sum = sum.add(share);
        }
        switch (type) {
            case MERCHANT_FUNDED -> {
                if (shares.size() != 1 || !shares.containsKey(Funder.MERCHANT) || sum.compareTo(BigDecimal.ONE) >= 0) {
                    issues.add(new Violation("shares", "a merchant-funded offer has the merchant's share only, below 1"));
                }
            }
            case CO_FUNDED -> {
                if (!shares.containsKey(Funder.MERCHANT) || !shares.containsKey(Funder.BANK)) {
                    issues.add(new Violation("shares", "a co-funded offer has the merchant's and the bank's shares"
                            + " (and optionally the network's)"));
                } else if (sum.compareTo(BigDecimal.ONE) >= 0) {
                    issues.add(new Violation("shares", "the funders' shares add up to less than the whole amount"));
                }
            }
            case FIXED_AMOUNT -> {
                if (fixedAmount == null || fixedAmount.amount().signum() <= 0) {
                    issues.add(new Violation("fixedAmount", "a fixed-amount offer names a positive amount off"));
                }
                if (shares.isEmpty() || sum.compareTo(BigDecimal.ONE) != 0) {
                    issues.add(new Violation("shares", "the funders' fractions of the fixed amount add up to 1"));
                }
            }
        }
        if (type != OfferType.FIXED_AMOUNT && fixedAmount != null) {
            issues.add(new Violation("fixedAmount", "only a FIXED_AMOUNT offer has one"));
        }
    }

    /** The status on {@code day}: a scheduled offer is live from its first day, any offer expired after its last. */
    public OfferStatus statusOn(LocalDate day) {
        if (status == OfferStatus.DRAFT || status == OfferStatus.EXPIRED) {
            return status;
        }
        if (day.isAfter(conditions.validTo())) {
            return OfferStatus.EXPIRED;
        }
        if (status == OfferStatus.SCHEDULED && !day.isBefore(conditions.validFrom())) {
            return OfferStatus.LIVE;
        }
        return status;
    }

    /** DRAFT → SCHEDULED; an offer whose last day has passed cannot be scheduled. */
    public Offer schedule(LocalDate today) {
        if (conditions.validTo().isBefore(today)) {
            throw new StateConflict(ENDED, "the offer ended on " + conditions.validTo());
        }
        return moveTo(OfferStatus.SCHEDULED, today);
    }

    public Offer pause(LocalDate today) {
        return moveTo(OfferStatus.PAUSED, today);
    }

    /** PAUSED → LIVE, or EXHAUSTED → LIVE after a budget top-up. */
    public Offer resume(LocalDate today) {
        return moveTo(OfferStatus.LIVE, today);
    }

    public Offer exhaust(LocalDate today) {
        return moveTo(OfferStatus.EXHAUSTED, today);
    }

    /** Ends the offer early (or records that it ran out of days). */
    public Offer expire(LocalDate today) {
        return moveTo(OfferStatus.EXPIRED, today);
    }

    private Offer moveTo(OfferStatus target, LocalDate today) {
        OfferStatus now = statusOn(today);
        OfferStatus.STEPS.require(now, target);
        return new Offer(id, merchantId, name, type, shares, fixedAmount, conditions, priority, exhaustionPolicy, target);
    }

    /**
     * Why this offer does not apply to {@code facts} before money is looked at: its status on the day and its
     * conditions, all reasons at once; empty when it may apply.
     */
    public List<NotApplied> unmetBy(PurchaseFacts facts) {
        List<NotApplied> unmet = new ArrayList<>();
        OfferStatus on = statusOn(facts.localTime().toLocalDate());
        if (on == OfferStatus.EXHAUSTED) {
            unmet.add(new NotApplied(id, Reason.BUDGET_EXHAUSTED, "the offer's budget is exhausted"));
        } else if (on != OfferStatus.LIVE && on != OfferStatus.SCHEDULED) {
            unmet.add(new NotApplied(id, Reason.NOT_LIVE, "the offer is " + on));
        }
        unmet.addAll(conditions.unmetBy(id, facts));
        return unmet;
    }

    /**
     * The benefit on {@code amount} when {@code exhausted} funders can no longer pay. Empty when the offer gives
     * nothing: every funder is exhausted, or one is and the policy stops the offer, or the discount rounds to
     * zero. The discount is capped per transaction, and leaves the card charged at least one fen; the funders' parts
     * are its
     * largest-remainder split in proportion to their shares, so they sum to it exactly.
     */
    public Optional<OfferQuote> quote(Money amount, Set<Funder> exhausted) {
        if (!exhausted.isEmpty() && exhaustionPolicy == ExhaustionPolicy.STOP_OFFER
                && exhausted.stream().anyMatch(shares::containsKey)) {
            return Optional.empty();
        }
        List<Funder> funders = new ArrayList<>();
        List<BigDecimal> weights = new ArrayList<>();
        BigDecimal active = BigDecimal.ZERO;
        for (Map.Entry<Funder, BigDecimal> e : shares.entrySet()) {
            if (!exhausted.contains(e.getKey())) {
                funders.add(e.getKey());
                weights.add(e.getValue());
                active = active.add(e.getValue());
            }
        }
        if (funders.isEmpty()) {
            return Optional.empty();
        }
        Money discount = type == OfferType.FIXED_AMOUNT ? fixedAmount.times(active) : amount.times(active);
        // the card is always charged something: a zero charge is no card transaction, and could not be refunded
        discount = discount.min(amount.minus(Money.minorUnit(amount.currency())));
        if (conditions.capPerTransaction() != null) {
            discount = discount.min(conditions.capPerTransaction());
        }
        if (!discount.isPositive()) {
            return Optional.empty();
        }
        List<Money> parts = discount.allocate(weights);
        EnumMap<Funder, Money> byFunder = new EnumMap<>(Funder.class);
        for (int i = 0; i < funders.size(); i++) {
            if ((parts.get(i)).isPositive()) {
                byFunder.put(funders.get(i), parts.get(i));
            }
        }
        return Optional.of(new OfferQuote(id, priority, amount, discount, byFunder, amount.minus(discount)));
    }
}
