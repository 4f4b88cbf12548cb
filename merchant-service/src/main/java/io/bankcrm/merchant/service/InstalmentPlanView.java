package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.instalment.FeeBearer;
import io.bankcrm.merchant.domain.instalment.Instalment;
import io.bankcrm.merchant.domain.instalment.InstalmentPlan;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A cardholder's instalment plan as shown: the schedule (equal instalments, the rounding remainder in the last,
 * summing exactly to principal plus the cardholder's fee), the monthly fee rate and beside it the annualised rate
 * (the internal rate of return of the schedule as first made).
 */
@Schema(name = "InstalmentPlan", description = "The cardholder's schedule for an instalment purchase")
public record InstalmentPlanView(
        UUID transactionId,
        UUID programmeId,
        @Schema(description = "The programme version whose terms the plan froze") long programmeVersion,
        @Schema(description = "ACTIVE, or CANCELLED once everything was refunded") InstalmentPlan.Status status,
        @Schema(description = "What is financed: what the card was charged, less refunds") BigDecimal principal,
        String currency,
        int tenorMonths,
        @Schema(description = "Fraction of the principal per month, e.g. 0.006") BigDecimal monthlyFeeRate,
        FeeBearer feeBearer,
        @Schema(description = "principal × monthly rate × months, whoever bears it") BigDecimal fee,
        @Schema(description = "The part of the fee the cardholder repays (the whole fee, or 0 when interest-free)")
        BigDecimal cardholderFee,
        @Schema(description = "Sum of the instalments: principal + cardholder fee") BigDecimal cardholderTotal,
        @Schema(description = "The disclosed annualised rate of the fee, in percent") AnnualisedRateView annualisedRate,
        @Schema(description = "What refunds credited to the card account (instalments billed beyond the new total)")
        BigDecimal cardholderCredit,
        List<InstalmentView> instalments) {

    /** The schedule's internal rate of return: monthly, ×12 (nominal, disclosed) and compounded (effective). */
    public record AnnualisedRateView(
            @Schema(description = "Monthly IRR as a fraction") BigDecimal monthlyIrr,
            @Schema(description = "Monthly IRR × 12, percent, e.g. 13.03") BigDecimal nominalPercent,
            @Schema(description = "(1 + monthly IRR)^12 − 1, percent, e.g. 13.84") BigDecimal effectivePercent) {
    }

    public record InstalmentView(int number, LocalDate dueOn, BigDecimal principal, BigDecimal fee,
                                 BigDecimal amount) {
    }

    public static InstalmentPlanView of(UUID transactionId, long programmeVersion, InstalmentPlan plan,
                                        BigDecimal credit) {
        return new InstalmentPlanView(transactionId, plan.programmeId(), programmeVersion, plan.status(),
                plan.principal().amount(), plan.principal().currency().getCurrencyCode(), plan.tenor().months(),
                plan.monthlyFeeRate(), plan.feeBearer(), plan.fee().amount(), plan.cardholderFee().amount(),
                plan.cardholderTotal().amount(),
                new AnnualisedRateView(plan.disclosedRate().monthlyIrr(), plan.disclosedRate().nominal(),
                        plan.disclosedRate().effective()),
                credit, plan.instalments().stream().map(InstalmentPlanView::of).toList());
    }

    private static InstalmentView of(Instalment i) {
        return new InstalmentView(i.number(), i.dueOn(), i.principal().amount(), i.fee().amount(), i.amount().amount());
    }
}
