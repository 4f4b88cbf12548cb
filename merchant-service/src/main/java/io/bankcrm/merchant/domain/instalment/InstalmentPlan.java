package io.bankcrm.merchant.domain.instalment;

import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A cardholder's repayment schedule for one instalment purchase. The merchant is paid in full at the sale; the
 * cardholder repays the bank monthly.
 *
 * <p>The fee is {@code principal × monthly rate × months}, rounded half-even to the fen. Principal and the
 * cardholder's fee are each divided into equal monthly parts rounded down, the remainder going to the last
 * instalment, so the instalments sum exactly to principal plus the cardholder's fee.
 *
 * @param fee           the plan's whole fee, whoever bears it
 * @param disclosedRate the annualised rate shown when the plan was made (zero when the cardholder pays no fee)
 */
public record InstalmentPlan(UUID programmeId, Status status, Money principal, Tenor tenor, BigDecimal monthlyFeeRate,
                             FeeBearer feeBearer, Money fee, List<Instalment> instalments,
                             AnnualisedRate disclosedRate) {

    public enum Status { ACTIVE, CANCELLED }

    public InstalmentPlan {
        Objects.requireNonNull(programmeId, "programmeId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(feeBearer, "feeBearer");
        instalments = List.copyOf(instalments);
        if (instalments.size() != tenor.months()) {
            throw new IllegalStateException("a " + tenor.months() + "-month plan has " + tenor.months() + " instalments");
        }
    }

    static InstalmentPlan create(UUID programmeId, Money principal, Tenor tenor, BigDecimal monthlyRate,
                                 FeeBearer bearer, LocalDate firstDue) {
        if (!principal.isPositive()) {
            throw new InvalidInput("amount", "an instalment plan finances a positive amount");
        }
        Money fee = feeOn(principal, monthlyRate, tenor);
        Money cardholderFee = bearer == FeeBearer.CARDHOLDER ? fee : Money.zero(principal.currency());
        List<LocalDate> dueDates = new ArrayList<>();
        for (int i = 0; i < tenor.months(); i++) {
            dueDates.add(firstDue.plusMonths(i));
        }
        List<Instalment> instalments = spread(dueDates, 0, principal, cardholderFee, List.of());
        AnnualisedRate rate = AnnualisedRate.of(principal, instalments.stream().map(Instalment::amount).toList());
        return new InstalmentPlan(programmeId, Status.ACTIVE, principal, tenor, monthlyRate, bearer, fee, instalments,
                rate);
    }

    /** {@code principal × monthlyRate × months}, rounded half-even to the fen. */
    static Money feeOn(Money principal, BigDecimal monthlyRate, Tenor tenor) {
        return principal.times(monthlyRate.multiply(BigDecimal.valueOf(tenor.months())));
    }

    /** What the cardholder repays in all: principal plus the cardholder's fee. */
    public Money cardholderTotal() {
        return Money.sum(principal.currency(), instalments.stream().map(Instalment::amount).toList());
    }

    /** The fee the cardholder pays: the whole fee when the cardholder bears it, else nothing. */
    public Money cardholderFee() {
        return feeBearer == FeeBearer.CARDHOLDER ? fee : Money.zero(fee.currency());
    }

    /** The fee taken from the merchant's settlement (interest-free to the cardholder, paid by the merchant). */
    public Money merchantFee() {
        return feeBearer == FeeBearer.MERCHANT ? fee : Money.zero(fee.currency());
    }

    /** The fee the bank forgoes as a subsidy. */
    public Money bankSubsidy() {
        return feeBearer == FeeBearer.BANK ? fee : Money.zero(fee.currency());
    }

    /**
     * The plan after a refund leaves {@code newPrincipal} financed, on {@code asOf}: instalments already due
     * (on or before {@code asOf}) stay as billed; the fee is recomputed on the new principal, and what remains of
     * principal and the cardholder's fee is spread over the instalments still to come, the remainder in the last.
     * Where the billed instalments already exceed the new total (or nothing is left to bill), the excess is a
     * credit to the cardholder's card account. With nothing left financed the plan is cancelled: every instalment
     * not yet due is zero and everything billed is credited back.
     *
     * <p>Always: the instalments sum to the new principal plus the new cardholder fee, plus the credit.
     */
    public Recomputation recompute(Money newPrincipal, LocalDate asOf) {
        if (status == Status.CANCELLED) {
            throw new IllegalStateException("a cancelled plan is not recomputed");
        }
        if (newPrincipal.isNegative() || newPrincipal.compareTo(principal) > 0) {
            throw new IllegalArgumentException("a refund lowers the principal: " + newPrincipal + " is not within 0.."
                    + principal);
        }
        Money zero = Money.zero(principal.currency());
        Money newFee = feeOn(newPrincipal, monthlyFeeRate, tenor);
        Money newCardholderFee = feeBearer == FeeBearer.CARDHOLDER ? newFee : zero;
        List<Instalment> billed = instalments.stream().filter(i -> !i.dueOn().isAfter(asOf)).toList();
        Money billedPrincipal = Money.sum(zero.currency(), billed.stream().map(Instalment::principal).toList());
        Money billedFee = Money.sum(zero.currency(), billed.stream().map(Instalment::fee).toList());
        Money principalLeft = newPrincipal.minus(billedPrincipal);
        Money feeLeft = newCardholderFee.minus(billedFee);
        int toCome = instalments.size() - billed.size();
        Money credit = zero;
        if (principalLeft.isNegative() || toCome == 0) {
            credit = credit.minus(principalLeft);
            principalLeft = zero;
        }
        if (feeLeft.isNegative() || toCome == 0) {
            credit = credit.minus(feeLeft);
            feeLeft = zero;
        }
        List<LocalDate> dueDates = instalments.stream().map(Instalment::dueOn).toList();
        List<Instalment> next = spread(dueDates, billed.size(), principalLeft, feeLeft, billed);
        Status nextStatus = newPrincipal.isZero() ? Status.CANCELLED : Status.ACTIVE;
        InstalmentPlan plan = new InstalmentPlan(programmeId, nextStatus, newPrincipal, tenor, monthlyFeeRate,
                feeBearer, newFee, next, disclosedRate);
        return new Recomputation(plan, credit);
    }

    /**
     * Keeps {@code kept} (the first {@code from} instalments) and divides {@code principal} and {@code fee} over
     * the rest: equal parts rounded down, the remainder in the last.
     */
    private static List<Instalment> spread(List<LocalDate> dueDates, int from, Money principal, Money fee,
                                           List<Instalment> kept) {
        List<Instalment> all = new ArrayList<>(kept);
        int count = dueDates.size() - from;
        if (count == 0) {
            return all;
        }
        Money principalPart = principal.divideDown(count);
        Money feePart = fee.divideDown(count);
        for (int i = 0; i < count; i++) {
            boolean last = i == count - 1;
            Money p = last ? principal.minus(principalPart.times(count - 1)) : principalPart;
            Money f = last ? fee.minus(feePart.times(count - 1)) : feePart;
            all.add(new Instalment(from + i + 1, dueDates.get(from + i), p, f, p.plus(f)));
        }
        return all;
    }

    /** A recomputed plan and what the cardholder is credited because of it. */
    public record Recomputation(InstalmentPlan plan, Money credit) {
    }
}
