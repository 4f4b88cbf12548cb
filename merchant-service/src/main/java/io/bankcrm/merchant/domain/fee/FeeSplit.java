package io.bankcrm.merchant.domain.fee;

import io.bankcrm.platform.money.Money;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One transaction's fee and who gets what, frozen with the rule that was in force.
 *
 * @param base the amount the fee was computed on (what the card was charged)
 * @param onUs the bank issued the card and acquires the merchant, so the issuer and acquirer shares are both its
 */
public record FeeSplit(UUID ruleId, Money base, Money fee, Money issuer, Money acquirer, Money network, boolean onUs) {

    public FeeSplit {
        Objects.requireNonNull(ruleId, "ruleId");
        if (!issuer.plus(acquirer).plus(network).equals(fee)) {
            throw new IllegalStateException("fee shares do not add up to " + fee);
        }
    }

    public Map<FeeParty, Money> byParty() {
        Map<FeeParty, Money> parts = new EnumMap<>(FeeParty.class);
        parts.put(FeeParty.ISSUER, issuer);
        parts.put(FeeParty.ACQUIRER, acquirer);
        parts.put(FeeParty.NETWORK, network);
        return parts;
    }

    /**
     * What the bank earns: it acquires its partner merchants (it installs their terminals), so the acquirer share
     * is always its own, and the issuer share too when the card is one of its own.
     */
    public Money bankShare() {
        return onUs ? issuer.plus(acquirer) : acquirer;
    }
}
