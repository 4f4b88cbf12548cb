package io.bankcrm.merchant.domain.offer;

import io.bankcrm.platform.money.Money;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The budget ledger as plain Java for the selection rules' tests; the real one is SQL (phase B), tested with 50
 * concurrent transactions against PostgreSQL.
 */
class InMemoryLedger implements BudgetLedger {

    private final Map<UUID, Map<Funder, FunderBudget>> budgets = new HashMap<>();

    InMemoryLedger fund(UUID offerId, Funder funder, Money total) {
        budgets.computeIfAbsent(offerId, k -> new HashMap<>()).put(funder, FunderBudget.of(offerId, funder, total));
        return this;
    }

    FunderBudget budget(UUID offerId, Funder funder) {
        return budgets.get(offerId).get(funder);
    }

    @Override
    public boolean tryDraw(UUID offerId, Funder funder, Money part) {
        FunderBudget b = budget(offerId, funder);
        if (b == null || !b.covers(part)) {
            return false;
        }
        budgets.get(offerId).put(funder, b.draw(part));
        return true;
    }

    @Override
    public void undoDraw(UUID offerId, Funder funder, Money part) {
        budgets.get(offerId).put(funder, budget(offerId, funder).restore(part));
    }

    @Override
    public boolean markExhausted(UUID offerId, Funder funder) {
        FunderBudget b = budget(offerId, funder);
        budgets.get(offerId).put(funder, b.markExhausted());
        return !b.exhausted();
    }

    @Override
    public Set<Funder> exhausted(UUID offerId) {
        Set<Funder> out = EnumSet.noneOf(Funder.class);
        budgets.getOrDefault(offerId, Map.of()).forEach((f, b) -> {
            if (b.exhausted()) {
                out.add(f);
            }
        });
        return out;
    }
}
