package io.bankcrm.merchant.domain.settlement;

import io.bankcrm.merchant.domain.fee.FeeParty;
import io.bankcrm.merchant.domain.offer.Funder;
import io.bankcrm.platform.money.Money;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A merchant's statement for one settlement day: the day's sales, refunds and referral commissions and clawbacks,
 * summed figure by figure, and the net payable.
 *
 * <p>{@code net payable = gross sales − gross refunded − the merchant's own discounts − fees − instalment fees the
 * merchant bears + referral commissions − clawbacks}. The bank's and the network's discount parts do not reduce
 * it: they are reimbursed to the merchant. The statement refuses to exist unless that figure equals the sum of the
 * lines' own nets, so a statement that is built always reconciles with its transactions.
 *
 * @param grossSales              the sales' amounts before discounts
 * @param grossRefunded           the refunds' amounts plus the discount parts they took back (positive)
 * @param discounts               by funder, net of refunds
 * @param cardholderRefunds       what went back to cardholders' cards (positive)
 * @param fees                    by party, net of refunds
 * @param instalmentPrincipal     what the bank finances in instalments, net of refunds (information: the merchant
 *                                is paid in full)
 * @param merchantInstalmentFees  instalment fees the merchant bears, net of refunds
 */
public record SettlementStatement(UUID merchantId, LocalDate day, Currency currency, List<StatementLine> lines,
                                  Money grossSales, Money grossRefunded, Map<Funder, Money> discounts,
                                  Money cardholderRefunds, Map<FeeParty, Money> fees, Money instalmentPrincipal,
                                  Money merchantInstalmentFees, Money referralCommissions, Money referralClawbacks,
                                  Money netPayable) {

    public SettlementStatement {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(day, "day");
        lines = List.copyOf(lines);
        discounts = Collections.unmodifiableMap(new EnumMap<>(discounts));
        fees = Collections.unmodifiableMap(new EnumMap<>(fees));
    }

    public static SettlementStatement of(UUID merchantId, LocalDate day, Currency currency, List<StatementLine> lines) {
        Money zero = Money.zero(currency);
        Money grossSales = zero;
        Money grossRefunded = zero;
        Money cardholderRefunds = zero;
        Money principal = zero;
        Money instalmentFees = zero;
        Money commissions = zero;
        Money clawbacks = zero;
        Money linesNet = zero;
        EnumMap<Funder, Money> discounts = zeros(Funder.class, zero);
        EnumMap<FeeParty, Money> fees = zeros(FeeParty.class, zero);
        for (StatementLine line : lines) {
            if (!line.net().currency().equals(currency)) {
                throw new IllegalArgumentException("line " + line.reference() + " is in " + line.net().currency()
                        + ", the statement in " + currency);
            }
            if (line.kind() == StatementLine.Kind.SALE) {
                grossSales = grossSales.plus(line.gross());
            } else if (line.kind() == StatementLine.Kind.REFUND) {
                grossRefunded = grossRefunded.minus(line.gross());
            }
            line.discounts().forEach((f, m) -> discounts.merge(f, m, Money::plus));
            line.fees().forEach((p, m) -> fees.merge(p, m, Money::plus));
            cardholderRefunds = cardholderRefunds.plus(line.cardholderRefund());
            principal = principal.plus(line.instalmentPrincipal());
            instalmentFees = instalmentFees.plus(line.merchantInstalmentFee());
            commissions = commissions.plus(line.referralCommission());
            clawbacks = clawbacks.plus(line.referralClawback());
            linesNet = linesNet.plus(line.net());
        }
        Money net = grossSales.minus(grossRefunded).minus(discounts.get(Funder.MERCHANT))
                .minus(Money.sum(currency, fees.values())).minus(instalmentFees).plus(commissions).minus(clawbacks);
        if (!net.equals(linesNet)) {
            throw new IllegalStateException("statement of " + merchantId + " for " + day + " does not reconcile: figures give "
                    + net + ", lines " + linesNet);
        }
        return new SettlementStatement(merchantId, day, currency, lines, grossSales, grossRefunded, discounts,
                cardholderRefunds, fees, principal, instalmentFees, commissions, clawbacks, net);
    }

    /** The bank's and the network's discount parts, which are reimbursed to the merchant. */
    public Money subsidiesReimbursed() {
        return discounts.get(Funder.BANK).plus(discounts.get(Funder.NETWORK));
    }

    public Money feesTotal() {
        return Money.sum(currency, fees.values());
    }

    private static <K extends Enum<K>> EnumMap<K, Money> zeros(Class<K> keys, Money zero) {
        EnumMap<K, Money> map = new EnumMap<>(keys);
        for (K key : keys.getEnumConstants()) {
            map.put(key, zero);
        }
        return map;
    }
}
