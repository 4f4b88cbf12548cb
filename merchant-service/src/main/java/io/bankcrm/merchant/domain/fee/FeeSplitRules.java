package io.bankcrm.merchant.domain.fee;

import io.bankcrm.merchant.domain.merchant.MccGroup;
import io.bankcrm.platform.domain.StateConflict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fee split rules of the bank: at most one in force per MCC group and card type on any day, so the rule for a
 * transaction is never ambiguous.
 */
public final class FeeSplitRules {

    public static final String OVERLAP = "overlapping-fee-split-rule";
    public static final String NONE_IN_FORCE = "no-fee-split-rule";

    private final List<FeeSplitRule> rules;

    private FeeSplitRules(List<FeeSplitRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static FeeSplitRules of(List<FeeSplitRule> rules) {
        FeeSplitRules set = new FeeSplitRules(List.of());
        for (FeeSplitRule rule : rules) {
            set = set.with(rule);
        }
        return set;
    }

    /** Adds a rule; one whose period shares a day with another rule of its group and card type is refused. */
    public FeeSplitRules with(FeeSplitRule rule) {
        for (FeeSplitRule existing : rules) {
            if (existing.group() == rule.group() && existing.cardType() == rule.cardType() && existing.overlaps(rule)) {
                throw new StateConflict(OVERLAP, "rule " + existing.id() + " for " + rule.group() + "/"
                        + rule.cardType() + " is in force from " + existing.effectiveFrom()
                        + (existing.effectiveTo() == null ? "" : " to " + existing.effectiveTo()));
            }
        }
        List<FeeSplitRule> all = new ArrayList<>(rules);
        all.add(rule);
        return new FeeSplitRules(all);
    }

    public Optional<FeeSplitRule> inForce(MccGroup group, CardType cardType, LocalDate day) {
        return rules.stream()
                .filter(r -> r.group() == group && r.cardType() == cardType && r.inForceOn(day))
                .findFirst();
    }

    /** The rule in force, or a conflict: a transaction cannot be priced without one. */
    public FeeSplitRule require(MccGroup group, CardType cardType, LocalDate day) {
        return inForce(group, cardType, day).orElseThrow(() -> new StateConflict(NONE_IN_FORCE,
                "no fee split rule for " + group + "/" + cardType + " is in force on " + day));
    }

    public List<FeeSplitRule> all() {
        return rules;
    }
}
