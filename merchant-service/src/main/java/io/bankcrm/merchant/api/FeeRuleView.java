package io.bankcrm.merchant.api;

import io.bankcrm.merchant.domain.fee.CardType;
import io.bankcrm.merchant.domain.fee.FeeSplitRule;
import io.bankcrm.merchant.domain.merchant.MccGroup;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A fee split rule: the merchant discount rate of an MCC group and card type over a period, and its shares. */
@Schema(name = "FeeSplitRule")
public record FeeRuleView(UUID id, MccGroup mccGroup, CardType cardType, LocalDate effectiveFrom,
                          LocalDate effectiveTo, BigDecimal merchantDiscountRate, int issuerShare, int acquirerShare,
                          int networkShare, BigDecimal capPerTransaction, boolean onUsViaNetwork) {

    static FeeRuleView of(FeeSplitRule r) {
        return new FeeRuleView(r.id(), r.group(), r.cardType(), r.effectiveFrom(), r.effectiveTo(),
                r.merchantDiscountRate(), r.issuerShare(), r.acquirerShare(), r.networkShare(),
                r.capPerTransaction() == null ? null : r.capPerTransaction().amount(), r.onUsViaNetwork());
    }
}
