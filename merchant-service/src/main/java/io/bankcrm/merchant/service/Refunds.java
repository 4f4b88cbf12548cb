package io.bankcrm.merchant.service;

import io.bankcrm.events.merchant.CardRefundRecorded;
import io.bankcrm.events.merchant.MerchantEvents;
import io.bankcrm.merchant.config.MerchantConfig;
import io.bankcrm.merchant.domain.fee.FeeParty;
import io.bankcrm.merchant.domain.offer.Funder;
import io.bankcrm.merchant.domain.settlement.SettlementDay;
import io.bankcrm.merchant.domain.transaction.Refund;
import io.bankcrm.merchant.domain.transaction.Remainder;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.money.Money;
import io.bankcrm.platform.outbox.Outbox;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.time.BankClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Refunds of card transactions: the transaction row locked, the domain's {@link Remainder} takes back each part in
 * proportion, each funder's part goes back to its budget, the remaining figures are written back, the refund is
 * stored with its answer and {@code crm.merchant.card-refund-recorded} goes to the outbox. Idempotent on the
 * switch's refund reference; 404 for an unknown transaction, 409 beyond what is left.
 */
@ApplicationScoped
@Transactional
public class Refunds {

    private final EntityManager em;
    private final SqlBudgetLedger ledger;
    private final Outbox outbox;
    private final BankClock clock;
    private final Caller caller;
    private final StoredJson json;
    private final MerchantConfig config;
    private final InstalmentPlans plans;

    public Refunds(EntityManager em, SqlBudgetLedger ledger, Outbox outbox, BankClock clock, Caller caller,
                   StoredJson json, MerchantConfig config, InstalmentPlans plans) {
        this.em = em;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
        this.caller = caller;
        this.json = json;
        this.config = config;
        this.plans = plans;
    }

    public record Recorded(RefundAnswer answer, boolean created) {
    }

    public Recorded refund(UUID transactionId, RefundRequest request) {
        SqlRow sale = SqlRow.first(em.createNativeQuery("select * from card_transaction where id = ?1 for update",
                        Tuple.class).setParameter(1, transactionId))
                .orElseThrow(() -> ProblemException.notFound("card transaction", transactionId));
        String hash = transactionId + "/" + request.amount().stripTrailingZeros().toPlainString();
        Optional<SqlRow> existing = SqlRow.first(em.createNativeQuery(
                        "select request_hash, answer from card_refund where refund_reference = ?1", Tuple.class)
                .setParameter(1, request.refundReference()));
        if (existing.isPresent()) {
            if (!existing.get().text("request_hash").equals(hash)) {
                throw ProblemException.unprocessable("refund-reference-reused", "refund reference "
                        + request.refundReference() + " was recorded with another request");
            }
            return new Recorded(json.read(existing.get().text("answer"), RefundAnswer.class), false);
        }
        Instant now = clock.now();
        Optional<InstalmentPlans.StoredPlan> planBefore = sale.isNull("instalment_tenor") ? Optional.empty()
                : plans.find(transactionId);
        Refund refund = remainder(sale, planBefore.map(InstalmentPlans.StoredPlan::plan).orElse(null))
                .refund(new Money(request.amount(), Offers.CNY), clock.today());
        Remainder after = refund.after();
        InstalmentPlanView planAfter = null;
        if (planBefore.isPresent()) {
            InstalmentPlans.StoredPlan replaced = plans.replace(transactionId, planBefore.get(),
                    refund.instalments().orElseThrow());
            planAfter = InstalmentPlanView.of(transactionId, replaced.programmeVersion(), replaced.plan(),
                    replaced.credit().amount());
        }
        UUID offerId = sale.uuid("offer_id");
        if (offerId != null) {
            for (Funder funder : Funder.values()) {
                ledger.restore(offerId, funder, refund.discountReversedOf(funder));
            }
        }
        em.createNativeQuery("""
                        update card_transaction set remaining_charge = ?2, remaining_discount_merchant = ?3,
                            remaining_discount_bank = ?4, remaining_discount_network = ?5, remaining_fee_issuer = ?6,
                            remaining_fee_acquirer = ?7, remaining_fee_network = ?8
                        where id = ?1""")
                .setParameter(1, transactionId).setParameter(2, after.cardholderAmount().amount())
                .setParameter(3, StoredJson.part(after.discounts(), Funder.MERCHANT))
                .setParameter(4, StoredJson.part(after.discounts(), Funder.BANK))
                .setParameter(5, StoredJson.part(after.discounts(), Funder.NETWORK))
                .setParameter(6, StoredJson.part(after.fees(), FeeParty.ISSUER))
                .setParameter(7, StoredJson.part(after.fees(), FeeParty.ACQUIRER))
                .setParameter(8, StoredJson.part(after.fees(), FeeParty.NETWORK))
                .executeUpdate();
        UUID id = UUID.randomUUID();
        LocalDate day = new SettlementDay(clock.zone(), LocalTime.parse(config.settlement().cutoff())).of(now);
        RefundAnswer answer = new RefundAnswer(id, request.refundReference(), transactionId,
                refund.amount().amount(), FeeRules.CNY,
                refund.discountReversedOf(Funder.MERCHANT).amount(), refund.discountReversedOf(Funder.BANK).amount(),
                refund.discountReversedOf(Funder.NETWORK).amount(), StoredJson.part(refund.feeReversed(), FeeParty.ISSUER),
                StoredJson.part(refund.feeReversed(), FeeParty.ACQUIRER), StoredJson.part(refund.feeReversed(), FeeParty.NETWORK),
                refund.merchantNetReversed().amount(), after.cardholderAmount().amount(), after.fullyRefunded(),
                day, planAfter, now);
        em.createNativeQuery("""
                        insert into card_refund (id, refund_reference, request_hash, transaction_id, merchant_id, amount,
                            currency, discount_merchant, discount_bank, discount_network, fee_issuer, fee_acquirer,
                            fee_network, merchant_net_reversed, fully_refunded, settlement_day, refunded_at, answer,
                            created_by, principal_reduced, merchant_instalment_fee_reversed)
                        values (?1, ?2, ?3, ?4, ?5, ?6, 'CNY', ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                            cast(?17 as jsonb), ?18, ?19, ?20)""")
                .setParameter(1, id).setParameter(2, request.refundReference()).setParameter(3, hash)
                .setParameter(4, transactionId).setParameter(5, sale.uuid("merchant_id"))
                .setParameter(6, answer.amount()).setParameter(7, answer.merchantDiscountReversed())
                .setParameter(8, answer.bankDiscountReversed()).setParameter(9, answer.networkDiscountReversed())
                .setParameter(10, answer.issuerFeeReversed()).setParameter(11, answer.acquirerFeeReversed())
                .setParameter(12, answer.networkFeeReversed()).setParameter(13, answer.merchantNetReversed())
                .setParameter(14, answer.fullyRefunded()).setParameter(15, day).setParameter(16, now)
                .setParameter(17, json.write(answer)).setParameter(18, caller.name())
                .setParameter(19, refund.principalReduced().amount())
                .setParameter(20, refund.merchantInstalmentFeeReversed().amount())
                .executeUpdate();
        UUID customer = sale.uuid("customer_id");
        if (customer != null) {
            outbox.publish(MerchantEvents.CARD_REFUND_RECORDED, transactionId, new CardRefundRecorded(id,
                    transactionId, customer, sale.uuid("merchant_id"), sale.text("mcc"), answer.amount(),
                    FeeRules.CNY, sale.instant("occurred_at"), now, answer.fullyRefunded()));
        }
        return new Recorded(answer, true);
    }

    /** The refunds of a transaction, oldest first; 404 for an unknown transaction. */
    public List<RefundAnswer> of(UUID transactionId) {
        long known = ((Number) em.createNativeQuery("select count(*) from card_transaction where id = ?1")
                .setParameter(1, transactionId).getSingleResult()).longValue();
        if (known == 0) {
            throw ProblemException.notFound("card transaction", transactionId);
        }
        return SqlRow.list(em.createNativeQuery(
                        "select answer from card_refund where transaction_id = ?1 order by refunded_at, id", Tuple.class)
                .setParameter(1, transactionId)).stream().map(r -> json.read(r.text("answer"), RefundAnswer.class)).toList();
    }

    private static Remainder remainder(SqlRow row, io.bankcrm.merchant.domain.instalment.InstalmentPlan plan) {
        Map<Funder, Money> discounts = new EnumMap<>(Funder.class);
        for (Funder funder : Funder.values()) {
            BigDecimal left = row.decimal("remaining_discount_" + funder.name().toLowerCase());
            BigDecimal original = row.decimal("discount_" + funder.name().toLowerCase());
            if (original.signum() > 0) {
                discounts.put(funder, new Money(left, Offers.CNY));
            }
        }
        Map<FeeParty, Money> fees = new EnumMap<>(FeeParty.class);
        for (FeeParty party : FeeParty.values()) {
            fees.put(party, new Money(row.decimal("remaining_fee_" + party.name().toLowerCase()), Offers.CNY));
        }
        return new Remainder(new Money(row.decimal("remaining_charge"), Offers.CNY), discounts, fees, plan);
    }



}
