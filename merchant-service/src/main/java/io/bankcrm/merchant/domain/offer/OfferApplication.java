package io.bankcrm.merchant.domain.offer;

import io.bankcrm.platform.money.Money;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Selects the offer for a transaction and draws each funder's part from its budget. When a funder cannot pay,
 * its budget is marked exhausted, the draws already made for that offer are undone and the selection is made
 * again (the same offer may now give less, under CONTINUE_WITH_REMAINING_FUNDERS, or nothing): each round
 * removes one more funder from the quotes, so it ends.
 *
 * @param selection    the final selection; its winner's parts have all been drawn
 * @param exhaustions  the budgets this transaction found run out first (each an event to publish)
 */
public record OfferApplication(OfferSelection selection, List<BudgetExhaustion> exhaustions) {

    public OfferApplication {
        exhaustions = List.copyOf(exhaustions);
    }

    public static OfferApplication apply(List<Offer> offers, PurchaseFacts facts, BudgetLedger ledger) {
        List<BudgetExhaustion> exhaustions = new ArrayList<>();
        Map<UUID, Offer> byId = new HashMap<>();
        offers.forEach(o -> byId.put(o.id(), o));
        while (true) {
            Map<UUID, Set<Funder>> exhausted = new HashMap<>();
            for (Offer offer : offers) {
                exhausted.put(offer.id(), ledger.exhausted(offer.id()));
            }
            OfferSelection selection = OfferSelection.select(offers, facts, exhausted);
            Optional<OfferQuote> winner = selection.applied();
            if (winner.isEmpty()) {
                return new OfferApplication(selection, exhaustions);
            }
            Optional<Funder> shortfall = drawAll(winner.get(), ledger);
            if (shortfall.isEmpty()) {
                return new OfferApplication(selection, exhaustions);
            }
            Offer offer = byId.get(winner.get().offerId());
            boolean first = ledger.markExhausted(offer.id(), shortfall.get());
            Set<Funder> nowOut = ledger.exhausted(offer.id());
            if (!nowOut.contains(shortfall.get())) {
                throw new IllegalStateException("the ledger refused a draw for " + shortfall.get()
                        + " of offer " + offer.id() + " but does not mark it exhausted");
            }
            if (first) {
                boolean stops = offer.exhaustionPolicy() == ExhaustionPolicy.STOP_OFFER
                        || nowOut.containsAll(offer.shares().keySet());
                exhaustions.add(new BudgetExhaustion(offer.id(), shortfall.get(), offer.exhaustionPolicy(), stops));
            }
        }
    }

    /** Draws every part of {@code quote}, or none: the first funder that cannot pay is returned. */
    private static Optional<Funder> drawAll(OfferQuote quote, BudgetLedger ledger) {
        List<Entry<Funder, Money>> drawn = new ArrayList<>();
        for (Entry<Funder, Money> part : quote.byFunder().entrySet()) {
            if (!ledger.tryDraw(quote.offerId(), part.getKey(), part.getValue())) {
                for (Entry<Funder, Money> undo : drawn) {
                    ledger.undoDraw(quote.offerId(), undo.getKey(), undo.getValue());
                }
                return Optional.of(part.getKey());
            }
            drawn.add(part);
        }
        return Optional.empty();
    }
}
