package io.bankcrm.merchant.domain.agreement;

import io.bankcrm.platform.domain.InvalidInput;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Something a party promised that is not money, e.g. "the bank promotes the merchant in 20 branches during the
 * offer" (obligor BANK, target 20, unit "branches", due on the offer's last day). Immutable: recording a
 * fulfilment returns the obligation with it.
 */
public record InKindObligation(UUID id, Obligor obligor, String description, int target, String unit,
                               LocalDate dueBy, List<Fulfilment> fulfilments) {

    public enum State { OPEN, IN_PROGRESS, FULFILLED, OVERDUE }

    public InKindObligation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(obligor, "obligor");
        Objects.requireNonNull(dueBy, "dueBy");
        if (description == null || description.isBlank() || description.length() > 500) {
            throw new InvalidInput("description", "a description of 1 to 500 characters");
        }
        if (target < 1) {
            throw new InvalidInput("target", "an obligation's target is at least 1");
        }
        if (unit == null || unit.isBlank() || unit.length() > 50) {
            throw new InvalidInput("unit", "a unit of 1 to 50 characters, e.g. branches");
        }
        fulfilments = List.copyOf(fulfilments);
    }

    public static InKindObligation promise(UUID id, Obligor obligor, String description, int target, String unit,
                                           LocalDate dueBy) {
        return new InKindObligation(id, obligor, description, target, unit, dueBy, List.of());
    }

    public InKindObligation record(Fulfilment fulfilment) {
        List<Fulfilment> all = new ArrayList<>(fulfilments);
        all.add(fulfilment);
        return new InKindObligation(id, obligor, description, target, unit, dueBy, all);
    }

    /** How much is done; may exceed the target (a bank that promotes in 25 branches rather than 20). */
    public int fulfilled() {
        return fulfilments.stream().mapToInt(Fulfilment::quantity).sum();
    }

    public int outstanding() {
        return Math.max(0, target - fulfilled());
    }

    /** Fulfilled once the target is reached; overdue when it is not by the end of {@code dueBy}. */
    public State state(LocalDate today) {
        int done = fulfilled();
        if (done >= target) {
            return State.FULFILLED;
        }
        if (today.isAfter(dueBy)) {
            return State.OVERDUE;
        }
        return done == 0 ? State.OPEN : State.IN_PROGRESS;
    }
}
