package io.bankcrm.merchant.domain.referral;

import io.bankcrm.platform.money.Money;

/** A converted referral's reward and its split, frozen when the referral converted. */
public record Commission(Money total, Money bank, Money merchant, int bankShare, int merchantShare) {

    public Commission {
        if (!bank.plus(merchant).equals(total)) {
            throw new IllegalStateException("the bank's and merchant's parts add up to the reward");
        }
    }
}
