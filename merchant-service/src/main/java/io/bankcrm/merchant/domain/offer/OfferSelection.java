package io.bankcrm.merchant.domain.offer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * At most one offer per transaction: of the offers that apply, the one with the highest benefit to the
 * cardholder; ties go to the lower priority number, then to the lower id (compared as text, as PostgreSQL orders
 * uuids). Every other offer comes back with why it did not apply.
 *
 * @param applied    the winner, if any offer applies
 * @param ranked     every applicable offer, best first (the winner first): the order in which budgets are tried
 * @param notApplied the reasons of every offer but the winner
 */
public record OfferSelection(Optional<OfferQuote> applied, List<OfferQuote> ranked, List<NotApplied> notApplied) {

    /** Best first. */
    public static final Comparator<OfferQuote> BEST_FIRST = Comparator
            .comparing(OfferQuote::discount, Comparator.reverseOrder())
            .thenComparingInt(OfferQuote::priority)
            .thenComparing(q -> q.offerId().toString());

    public OfferSelection {
        ranked = List.copyOf(ranked);
        notApplied = List.copyOf(notApplied);
    }

    /**
     * @param offers    the merchant's offers
     * @param exhausted per offer, the funders whose budgets have run out
     */
    public static OfferSelection select(List<Offer> offers, PurchaseFacts facts, Map<UUID, Set<Funder>> exhausted) {
        List<OfferQuote> applicable = new ArrayList<>();
        List<NotApplied> reasons = new ArrayList<>();
        for (Offer offer : offers) {
            if (!offer.merchantId().equals(facts.merchantId())) {
                throw new IllegalArgumentException("offer " + offer.id() + " belongs to another merchant");
            }
            List<NotApplied> unmet = offer.unmetBy(facts);
            if (!unmet.isEmpty()) {
                reasons.addAll(unmet);
                continue;
            }
            Set<Funder> out = exhausted.getOrDefault(offer.id(), Set.of());
            Optional<OfferQuote> quote = offer.quote(facts.amount(), out);
            if (quote.isPresent()) {
                applicable.add(quote.get());
            } else if (!out.isEmpty()) {
                reasons.add(new NotApplied(offer.id(), Reason.BUDGET_EXHAUSTED, "budget exhausted for " + out
                        + (offer.exhaustionPolicy() == ExhaustionPolicy.STOP_OFFER ? "; the offer stops" : "")));
            } else {
                reasons.add(new NotApplied(offer.id(), Reason.NO_BENEFIT, "the discount on " + facts.amount()
                        + " rounds to nothing"));
            }
        }
        applicable.sort(BEST_FIRST);
        if (applicable.isEmpty()) {
            return new OfferSelection(Optional.empty(), applicable, reasons);
        }
        OfferQuote winner = applicable.get(0);
        for (OfferQuote other : applicable.subList(1, applicable.size())) {
            reasons.add(outranked(other, winner));
        }
        return new OfferSelection(Optional.of(winner), applicable, reasons);
    }

    static NotApplied outranked(OfferQuote loser, OfferQuote winner) {
        int byBenefit = winner.discount().compareTo(loser.discount());
        String why;
        if (byBenefit > 0) {
            why = "offer " + winner.offerId() + " saves the cardholder " + winner.discount() + ", this one "
                    + loser.discount();
        } else if (winner.priority() != loser.priority()) {
            why = "offer " + winner.offerId() + " saves as much (" + winner.discount() + ") with priority "
                    + winner.priority() + " before " + loser.priority();
        } else {
            why = "offer " + winner.offerId() + " saves as much with the same priority and comes first by id";
        }
        return new NotApplied(loser.offerId(), Reason.OUTRANKED, why);
    }
}
