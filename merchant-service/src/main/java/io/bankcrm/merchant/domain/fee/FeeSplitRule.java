package io.bankcrm.merchant.domain.fee;

import io.bankcrm.merchant.domain.merchant.MccGroup;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.Violation;
import io.bankcrm.platform.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The merchant discount rate for one MCC group and card type over a period, and how the fee is shared.
 *
 * @param effectiveTo         last day in force (inclusive); null while open-ended
 * @param merchantDiscountRate the fee as a fraction of the amount the card is charged, e.g. 0.0060
 * @param issuerShare          with the acquirer's and network's shares, the ratio of the split (7:2:1)
 * @param capPerTransaction    the most one transaction's fee can be (debit cards are capped); null for none
 * @param onUsViaNetwork       whether an on-us transaction (the bank issued the card and acquires the merchant)
 *                             still goes through the network and pays its share; when not, the network's share is
 *                             nil and the fee is split issuer:acquirer only
 */
public record FeeSplitRule(UUID id, MccGroup group, CardType cardType, LocalDate effectiveFrom, LocalDate effectiveTo,
                           BigDecimal merchantDiscountRate, int issuerShare, int acquirerShare, int networkShare,
                           Money capPerTransaction, boolean onUsViaNetwork) {

    /** A merchant discount rate above 5% is a typing error, not a price. */
    public static final BigDecimal MAX_RATE = new BigDecimal("0.05");

    public FeeSplitRule {
        Objects.requireNonNull(id, "id");
        List<Violation> issues = new ArrayList<>();
        if (group == null) {
            issues.add(new Violation("group", "an MCC group is required"));
        }
        if (cardType == null) {
            issues.add(new Violation("cardType", "DEBIT or CREDIT"));
        }
        if (effectiveFrom == null) {
            issues.add(new Violation("effectiveFrom", "the first day in force is required"));
        } else if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            issues.add(new Violation("effectiveTo", "before effectiveFrom"));
        }
        if (merchantDiscountRate == null || merchantDiscountRate.signum() < 0
                || merchantDiscountRate.compareTo(MAX_RATE) > 0) {
            issues.add(new Violation("merchantDiscountRate", "a fraction from 0 to " + MAX_RATE));
        } else if (merchantDiscountRate.stripTrailingZeros().scale() > 6) {
            issues.add(new Violation("merchantDiscountRate", "at most six decimals"));
        }
        if (issuerShare < 0 || acquirerShare < 0 || networkShare < 0 || issuerShare + acquirerShare + networkShare == 0
                || issuerShare + acquirerShare == 0) {
            issues.add(new Violation("shares", "whole, non-negative shares, issuer and acquirer not both zero"));
        }
        if (issuerShare > 1000 || acquirerShare > 1000 || networkShare > 1000) {
            issues.add(new Violation("shares", "a share is at most 1000"));
        }
        if (capPerTransaction != null && !capPerTransaction.isPositive()) {
            issues.add(new Violation("capPerTransaction", "positive, or none"));
        }
        InvalidInput.throwIfAny(issues);
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** Whether the two rules' periods share a day. */
    public boolean overlaps(FeeSplitRule other) {
        boolean thisEndsBefore = effectiveTo != null && effectiveTo.isBefore(other.effectiveFrom);
        boolean otherEndsBefore = other.effectiveTo != null && other.effectiveTo.isBefore(effectiveFrom);
        return !thisEndsBefore && !otherEndsBefore;
    }

    /**
     * The fee on {@code charged} (what the card is charged) and its split. The fee is rounded half-even to the fen
     * and capped; the shares are its largest-remainder split, so they sum to it exactly.
     */
    public FeeSplit split(Money charged, boolean onUs) {
        Money fee = charged.times(merchantDiscountRate);
        if (capPerTransaction != null) {
            fee = fee.min(capPerTransaction);
        }
        int network = onUs && !onUsViaNetwork ? 0 : networkShare;
        List<Money> parts = fee.allocate(issuerShare, acquirerShare, network);
        return new FeeSplit(id, charged, fee, parts.get(0), parts.get(1), parts.get(2), onUs);
    }
}
