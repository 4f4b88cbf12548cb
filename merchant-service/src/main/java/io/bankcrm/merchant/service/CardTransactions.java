package io.bankcrm.merchant.service;

import io.bankcrm.events.merchant.CardSpendingRecorded;
import io.bankcrm.events.merchant.InstalmentPlanCreated;
import io.bankcrm.events.merchant.MerchantEvents;
import io.bankcrm.events.merchant.OfferBudgetExhausted;
import io.bankcrm.merchant.config.MerchantConfig;
import io.bankcrm.merchant.domain.card.CardReference;
import io.bankcrm.merchant.domain.fee.FeeSplit;
import io.bankcrm.merchant.domain.fee.FeeSplitRule;
import io.bankcrm.merchant.domain.instalment.InstalmentPlan;
import io.bankcrm.merchant.domain.instalment.Tenor;
import io.bankcrm.merchant.domain.merchant.MccGroup;
import io.bankcrm.merchant.domain.offer.BudgetExhaustion;
import io.bankcrm.merchant.domain.offer.Funder;
import io.bankcrm.merchant.domain.offer.Offer;
import io.bankcrm.merchant.domain.offer.OfferApplication;
import io.bankcrm.merchant.domain.offer.OfferQuote;
import io.bankcrm.merchant.domain.offer.PurchaseFacts;
import io.bankcrm.merchant.domain.onboarding.OnboardingStatus;
import io.bankcrm.merchant.domain.settlement.SettlementDay;
import io.bankcrm.merchant.domain.transaction.CardSale;
import io.bankcrm.merchant.domain.transaction.Remainder;
import io.bankcrm.merchant.domain.fee.FeeParty;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.StateConflict;
import io.bankcrm.platform.money.Money;
import io.bankcrm.platform.outbox.Outbox;
import io.bankcrm.platform.pii.PiiProtector;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.observability.BusinessMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Records the acquiring switch's card transactions, in one database transaction each: the switch reference claimed
 * (a repeat with the same body replays the stored answer, with another body is a 422), the merchant and terminal
 * checked, one offer selected and its funders' parts drawn from their budgets ({@link SqlBudgetLedger}), the fee
 * split rule in force frozen on the row, the answer stored, and the events written to the outbox.
 */
@ApplicationScoped
@Transactional
public class CardTransactions {

    public static final String REFERENCE_REUSED = "switch-reference-reused";

    private final EntityManager em;
    private final MerchantStore merchants;
    private final Offers offers;
    private final FeeRules feeRules;
    private final SqlBudgetLedger ledger;
    private final TierReadModel tiers;
    private final Outbox outbox;
    private final PiiProtector pii;
    private final BankClock clock;
    private final Caller caller;
    private final StoredJson json;
    private final MerchantConfig config;
    private final InstalmentProgrammes programmes;
    private final InstalmentPlans plans;
    @Inject
    BusinessMetrics metrics;

    public CardTransactions(EntityManager em, MerchantStore merchants, Offers offers, FeeRules feeRules,
                            SqlBudgetLedger ledger, TierReadModel tiers, Outbox outbox, PiiProtector pii,
                            BankClock clock, Caller caller, StoredJson json, MerchantConfig config,
                            InstalmentProgrammes programmes, InstalmentPlans plans) {
        this.em = em;
        this.merchants = merchants;
        this.offers = offers;
        this.feeRules = feeRules;
        this.ledger = ledger;
        this.tiers = tiers;
        this.outbox = outbox;
        this.pii = pii;
        this.clock = clock;
        this.caller = caller;
        this.json = json;
        this.config = config;
        this.programmes = programmes;
        this.plans = plans;
    }

    /** The answer and whether this call created the transaction (false: a replay of the same reference). */
    public record Recorded(CardTransactionAnswer answer, boolean created) {
    }

    public Recorded record(CardTransactionRequest r) {
        String hash = hash(r);
        em.createNativeQuery("select cast(pg_advisory_xact_lock(hashtextextended(?1, 0)) as text)")
                .setParameter(1, "card-transaction/" + r.switchReference()).getSingleResult();
        Optional<SqlRow> existing = SqlRow.first(em.createNativeQuery(
                "select request_hash, answer from card_transaction where switch_reference = ?1", Tuple.class)
                .setParameter(1, r.switchReference()));
        if (existing.isPresent()) {
            if (!existing.get().text("request_hash").equals(hash)) {
                throw ProblemException.unprocessable(REFERENCE_REUSED, "switch reference " + r.switchReference()
                        + " was recorded with another request");
            }
            return new Recorded(json.read(existing.get().text("answer"), CardTransactionAnswer.class), false);
        }
        if (!FeeRules.CNY.equals(r.currency())) {
            throw ProblemException.unprocessable("currency-not-supported",
                    "partner merchants settle in CNY; " + r.currency() + " is not accepted");
        }
        CardReference card = new CardReference(r.cardToken(), r.cardLastFour());
        Optional<Tenor> tenor = Optional.empty();
        if (r.instalmentTenor() != null) {
            tenor = Optional.of(Tenor.ofMonths(r.instalmentTenor()).orElseThrow(() ->
                    new InvalidInput("instalmentTenor", "3, 6, 12 or 24 months")));
        }
        Merchant merchant = merchants.get(r.merchantId());
        if (merchant.onboarding().status() != OnboardingStatus.ACTIVE) {
            throw new StateConflict("merchant-not-active", "merchant " + r.merchantId() + " is "
                    + merchant.onboarding().status() + ", not ACTIVE");
        }
        if (!merchants.merchantOfTerminal(r.terminalId()).map(r.merchantId()::equals).orElse(false)) {
            throw new StateConflict("terminal-not-of-merchant",
                    "terminal " + r.terminalId() + " is not one of merchant " + r.merchantId() + "'s");
        }
        Money amount = new Money(r.amount(), Offers.CNY);
        LocalDateTime local = LocalDateTime.ofInstant(r.occurredAt(), clock.zone());
        boolean onUs = config.card().bankBins().contains(r.cardBin());
        String tokenHash = pii.blindIndex(card.token());

        List<Offer> candidates = new ArrayList<>(offers.candidates(r.merchantId(), local.toLocalDate()));
        Map<UUID, Integer> uses = uses(tokenHash, candidates);
        PurchaseFacts facts = new PurchaseFacts(r.merchantId(), amount, local, tiers.tierOf(r.customerId()), onUs,
                uses);
        List<BudgetExhaustion> exhaustions = new ArrayList<>();
        OfferApplication application;
        List<UUID> usedUp = new ArrayList<>();
        while (true) {
            application = OfferApplication.apply(candidates, facts, ledger);
            exhaustions.addAll(application.exhaustions());
            Optional<OfferQuote> winner = application.selection().applied();
            if (winner.isEmpty() || countUse(winner.get().offerId(), tokenHash, candidates)) {
                break;
            }
            // the card's last use of this offer was taken concurrently: give the draws back, try without it
            winner.get().byFunder().forEach((funder, part) -> ledger.undoDraw(winner.get().offerId(), funder, part));
            usedUp.add(winner.get().offerId());
            candidates.removeIf(o -> o.id().equals(winner.get().offerId()));
        }
        Optional<OfferQuote> applied = application.selection().applied();

        MccGroup group = merchant.onboarding().group();
        FeeSplitRule rule = feeRules.require(group, r.cardType(), local.toLocalDate());
        Optional<StoredProgramme> programme = tenor.isPresent() ? programmes.forMerchant(r.merchantId())
                : Optional.empty();
        // the first instalment is due a month after the purchase (the bank date), each next one a month later
        CardSale sale = CardSale.price(amount, applied, rule, onUs, programme.map(StoredProgramme::programme), tenor,
                local.toLocalDate().plusMonths(1));
        Instant now = clock.now();
        UUID id = UUID.randomUUID();
        var settlement = new SettlementDay(clock.zone(), LocalTime.parse(config.settlement().cutoff())).of(now);

        List<CardTransactionAnswer.OfferNotApplied> notApplied = new ArrayList<>();
        application.selection().notApplied().forEach(n ->
                notApplied.add(new CardTransactionAnswer.OfferNotApplied(n.offerId(), n.reason(), n.detail())));
        usedUp.forEach(o -> notApplied.add(new CardTransactionAnswer.OfferNotApplied(o,
                io.bankcrm.merchant.domain.offer.Reason.USES_PER_CARD_REACHED, "the card's uses ran out")));
        FeeSplit fee = sale.fee();
        CardTransactionAnswer answer = new CardTransactionAnswer(id, r.switchReference(), r.merchantId(),
                r.terminalId(), new CardTransactionAnswer.Card(card.token(), card.lastFour(), r.cardType(), onUs),
                r.customerId(), amount.amount(), FeeRules.CNY, r.occurredAt(), settlement,
                applied.map(q -> new CardTransactionAnswer.AppliedOffer(q.offerId(), q.discount().amount(),
                        q.partOf(Funder.MERCHANT).amount(), q.partOf(Funder.BANK).amount(),
                        q.partOf(Funder.NETWORK).amount())).orElse(null),
                notApplied, sale.cardholderPays().amount(),
                new CardTransactionAnswer.Fee(rule.id(), rule.merchantDiscountRate(), fee.base().amount(),
                        fee.fee().amount(), fee.issuer().amount(), fee.acquirer().amount(), fee.network().amount()),
                sale.merchantNet().amount(),
                sale.instalmentPlan().map(p -> InstalmentPlanView.of(id, programme.orElseThrow().version(), p,
                        BigDecimal.ZERO.setScale(2))).orElse(null),
                now);
        insert(r, hash, merchant, sale, onUs, settlement, answer);
        if (sale.instalmentPlan().isPresent()) {
            InstalmentPlan plan = sale.instalmentPlan().get();
            plans.insert(id, r.merchantId(), r.customerId(), programme.orElseThrow().version(), plan);
            outbox.publish(MerchantEvents.INSTALMENT_PLAN_CREATED, id, new InstalmentPlanCreated(id, r.customerId(),
                    r.merchantId(), plan.principal().amount(), FeeRules.CNY, plan.tenor().months(),
                    plan.monthlyFeeRate(), plan.fee().amount(), plan.feeBearer().name(),
                    plan.disclosedRate().nominal(), plan.instalments().get(0).dueOn(), now));
        }

        for (BudgetExhaustion e : exhaustions) {
            if (e.offerStops()) {
                offers.markExhausted(e.offerId());
            }
            outbox.publish(MerchantEvents.OFFER_BUDGET_EXHAUSTED, e.offerId(), new OfferBudgetExhausted(e.offerId(),
                    r.merchantId(), e.funder().name(), e.policy().name(), e.offerStops(),
                    ledger.remaining(e.offerId(), e.funder()).amount(), FeeRules.CNY, now));
        }
        if (r.customerId() != null) {
            outbox.publish(MerchantEvents.CARD_SPENDING_RECORDED, id, new CardSpendingRecorded(id, r.customerId(),
                    r.merchantId(), sale.cardholderPays().amount(), FeeRules.CNY, r.occurredAt(),
                    merchant.application().mcc()));
        }
        metrics.count("crm.card.transactions", "currency", FeeRules.CNY);
        metrics.amount("crm.card.transaction.amount", r.amount(), "currency", FeeRules.CNY);
        return new Recorded(answer, true);
    }

    /** The transaction's instalment plan as it stands (after refunds); 404 for none. */
    public InstalmentPlanView instalmentPlan(UUID id) {
        get(id);
        return plans.view(id);
    }

    public CardTransactionAnswer get(UUID id) {
        return SqlRow.first(em.createNativeQuery("select answer from card_transaction where id = ?1", Tuple.class)
                        .setParameter(1, id)).map(row -> json.read(row.text("answer"), CardTransactionAnswer.class))
                .orElseThrow(() -> ProblemException.notFound("card transaction", id));
    }

    private Map<UUID, Integer> uses(String tokenHash, List<Offer> candidates) {
        Map<UUID, Integer> uses = new HashMap<>();
        if (candidates.stream().noneMatch(o -> o.conditions().usesPerCard() != null)) {
            return uses;
        }
        SqlRow.list(em.createNativeQuery("select offer_id, uses from offer_card_use where card_token_hash = ?1",
                        Tuple.class).setParameter(1, tokenHash))
                .forEach(row -> uses.put(row.uuid("offer_id"), row.intValue("uses")));
        return uses;
    }

    /** Counts one more use of the offer by this card; false when its limit was reached (concurrently). */
    private boolean countUse(UUID offerId, String tokenHash, List<Offer> candidates) {
        Integer limit = candidates.stream().filter(o -> o.id().equals(offerId)).findFirst().orElseThrow()
                .conditions().usesPerCard();
        return em.createNativeQuery("""
                        insert into offer_card_use (offer_id, card_token_hash, uses) values (?1, ?2, 1)
                        on conflict (offer_id, card_token_hash) do update set uses = offer_card_use.uses + 1
                        where offer_card_use.uses < ?3""")
                .setParameter(1, offerId).setParameter(2, tokenHash)
                .setParameter(3, limit == null ? Integer.MAX_VALUE : limit).executeUpdate() == 1;
    }

    private void insert(CardTransactionRequest r, String hash, Merchant merchant, CardSale sale, boolean onUs,
                        java.time.LocalDate settlement, CardTransactionAnswer answer) {
        Remainder left = Remainder.of(sale);
        FeeSplit fee = sale.fee();
        em.createNativeQuery("""
                        insert into card_transaction (id, switch_reference, request_hash, merchant_id, terminal_id,
                            card_token, card_last_four, card_type, on_us, customer_id, mcc, mcc_group, amount, currency,
                            occurred_at, settlement_day, offer_id, discount_merchant, discount_bank, discount_network,
                            cardholder_pays, fee_rule_id, merchant_discount_rate, fee, fee_issuer, fee_acquirer,
                            fee_network, merchant_instalment_fee, merchant_net, remaining_charge,
                            remaining_discount_merchant, remaining_discount_bank, remaining_discount_network,
                            remaining_fee_issuer, remaining_fee_acquirer, remaining_fee_network, answer, created_at,
                            created_by, instalment_tenor)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, cast(?10 as uuid), ?11, ?12, ?13, 'CNY', ?14, ?15,
                            cast(?16 as uuid), ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30,
                            ?31, ?32, ?33, ?34, ?35, cast(?36 as jsonb), ?37, ?38, cast(?39 as smallint))""")
                .setParameter(1, answer.id()).setParameter(2, r.switchReference()).setParameter(3, hash)
                .setParameter(4, r.merchantId()).setParameter(5, r.terminalId()).setParameter(6, r.cardToken())
                .setParameter(7, r.cardLastFour()).setParameter(8, r.cardType().name()).setParameter(9, onUs)
                .setParameter(10, r.customerId()).setParameter(11, merchant.application().mcc())
                .setParameter(12, merchant.onboarding().group().name()).setParameter(13, sale.amount().amount())
                .setParameter(14, r.occurredAt()).setParameter(15, settlement)
                .setParameter(16, sale.offerId())
                .setParameter(17, sale.discountOf(Funder.MERCHANT).amount())
                .setParameter(18, sale.discountOf(Funder.BANK).amount())
                .setParameter(19, sale.discountOf(Funder.NETWORK).amount())
                .setParameter(20, sale.cardholderPays().amount())
                .setParameter(21, fee.ruleId()).setParameter(22, answer.fee().merchantDiscountRate())
                .setParameter(23, fee.fee().amount()).setParameter(24, fee.issuer().amount())
                .setParameter(25, fee.acquirer().amount()).setParameter(26, fee.network().amount())
                .setParameter(27, sale.merchantInstalmentFee().amount()).setParameter(28, sale.merchantNet().amount())
                .setParameter(29, left.cardholderAmount().amount())
                .setParameter(30, StoredJson.part(left.discounts(), Funder.MERCHANT))
                .setParameter(31, StoredJson.part(left.discounts(), Funder.BANK))
                .setParameter(32, StoredJson.part(left.discounts(), Funder.NETWORK))
                .setParameter(33, StoredJson.part(left.fees(), FeeParty.ISSUER))
                .setParameter(34, StoredJson.part(left.fees(), FeeParty.ACQUIRER))
                .setParameter(35, StoredJson.part(left.fees(), FeeParty.NETWORK))
                .setParameter(36, json.write(answer)).setParameter(37, answer.recordedAt()).setParameter(38, caller.name())
                .setParameter(39, sale.instalmentPlan().map(p -> p.tenor().months()).orElse(null))
                .executeUpdate();
    }


    private String hash(CardTransactionRequest r) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.write(r).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


}
