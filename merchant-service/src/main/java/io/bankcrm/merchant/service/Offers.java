package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.offer.ExhaustionPolicy;
import io.bankcrm.merchant.domain.offer.Funder;
import io.bankcrm.merchant.domain.offer.FunderBudget;
import io.bankcrm.merchant.domain.offer.Offer;
import io.bankcrm.merchant.domain.offer.OfferConditions;
import io.bankcrm.merchant.domain.offer.OfferStatus;
import io.bankcrm.merchant.domain.offer.OfferType;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.Violation;
import io.bankcrm.platform.money.Money;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.bankcrm.platform.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Offers and their per-funder budgets in PostgreSQL. An offer is created in DRAFT with one budget row per funder;
 * its life cycle moves by the domain's transition table (409 otherwise); a transaction reads a merchant's offers
 * that may apply with one indexed query.
 */
@ApplicationScoped
@Transactional
public class Offers {

    static final Currency CNY = Currency.getInstance(FeeRules.CNY);

    private final EntityManager em;
    private final Caller caller;
    private final BankClock clock;
    private final MerchantStore merchants;

    public Offers(EntityManager em, Caller caller, BankClock clock, MerchantStore merchants) {
        this.em = em;
        this.caller = caller;
        this.clock = clock;
        this.merchants = merchants;
    }

    public StoredOffer create(OfferForm form) {
        merchants.get(form.merchantId());
        UUID id = UUID.randomUUID();
        Map<Funder, BigDecimal> shares = byFunder(form.shares());
        Offer offer = new Offer(id, form.merchantId(), form.name(), form.type(), shares, money(form.fixedAmount()),
                new OfferConditions(form.validFrom(), form.validTo(),
                        form.daysOfWeek() == null ? null : new HashSet<>(form.daysOfWeek()),
                        money(form.minAmount()), money(form.maxAmount()),
                        form.eligibleTiers() == null ? null : new HashSet<>(form.eligibleTiers()),
                        form.bankCardsOnly(), form.usesPerCard(), money(form.capPerTransaction())),
                form.priority(), form.exhaustionPolicy(), OfferStatus.DRAFT);
        Map<Funder, BigDecimal> budgets = byFunder(form.budgets());
        List<Violation> issues = new ArrayList<>();
        for (Funder funder : offer.shares().keySet()) {
            if (!budgets.containsKey(funder)) {
                issues.add(new Violation("budgets." + funder.name().toLowerCase(), "every funder with a share has a budget"));
            }
        }
        for (Funder funder : budgets.keySet()) {
            if (!offer.shares().containsKey(funder)) {
                issues.add(new Violation("budgets." + funder.name().toLowerCase(), "only funders with a share have a budget"));
            }
        }
        InvalidInput.throwIfAny(issues);
        OfferConditions c = offer.conditions();
        em.createNativeQuery("""
                        insert into offer (id, merchant_id, name, type, merchant_share, bank_share, network_share,
                            fixed_amount, currency, valid_from, valid_to, days_of_week, min_amount, max_amount,
                            eligible_tiers, bank_cards_only, uses_per_card, cap_per_transaction, priority,
                            exhaustion_policy, status, created_at, created_by, updated_at, updated_by)
                        values (?1, ?2, ?3, ?4, cast(?5 as numeric), cast(?6 as numeric), cast(?7 as numeric),
                            cast(?8 as numeric), 'CNY', ?9, ?10, cast(?11 as smallint[]), cast(?12 as numeric),
                            cast(?13 as numeric), cast(?14 as text[]), ?15, cast(?16 as integer), cast(?17 as numeric),
                            ?18, ?19, ?20, ?21, ?22, ?21, ?22)""")
                .setParameter(1, id).setParameter(2, offer.merchantId()).setParameter(3, offer.name())
                .setParameter(4, offer.type().name())
                .setParameter(5, offer.shares().get(Funder.MERCHANT))
                .setParameter(6, offer.shares().get(Funder.BANK))
                .setParameter(7, offer.shares().get(Funder.NETWORK))
                .setParameter(8, amount(offer.fixedAmount()))
                .setParameter(9, c.validFrom()).setParameter(10, c.validTo())
                .setParameter(11, "{" + String.join(",", c.daysOfWeek().stream().sorted()
                        .map(d -> Integer.toString(d.getValue())).toList()) + "}")
                .setParameter(12, amount(c.minAmount())).setParameter(13, amount(c.maxAmount()))
                .setParameter(14, c.eligibleTiers().toArray(String[]::new))
                .setParameter(15, c.bankCardsOnly()).setParameter(16, c.usesPerCard())
                .setParameter(17, amount(c.capPerTransaction()))
                .setParameter(18, offer.priority()).setParameter(19, offer.exhaustionPolicy().name())
                .setParameter(20, offer.status().name()).setParameter(21, clock.now()).setParameter(22, caller.name())
                .executeUpdate();
        for (Map.Entry<Funder, BigDecimal> budget : budgets.entrySet()) {
            if (budget.getValue().stripTrailingZeros().scale() > 2) {
                throw new InvalidInput("budgets." + budget.getKey().name().toLowerCase(), "an amount to the fen");
            }
            FunderBudget b = FunderBudget.of(id, budget.getKey(), new Money(budget.getValue(), CNY));
            em.createNativeQuery("insert into offer_budget (offer_id, funder, total) values (?1, ?2, ?3)")
                    .setParameter(1, id).setParameter(2, b.funder().name()).setParameter(3, b.total().amount())
                    .executeUpdate();
        }
        return get(id);
    }

    public StoredOffer get(UUID id) {
        return SqlRow.first(em.createNativeQuery("select * from offer where id = ?1", Tuple.class).setParameter(1, id))
                .map(this::stored).orElseThrow(() -> ProblemException.notFound("offer", id));
    }

    public Page<StoredOffer> page(UUID merchantId, OfferStatus status, PageRequest page) {
        var query = em.createNativeQuery("""
                        select * from offer
                        where (cast(?1 as uuid) is null or merchant_id = ?1)
                          and (cast(?2 as varchar) is null or status = ?2)
                          and (cast(?3 as uuid) is null or id > ?3)
                        order by id limit ?4""", Tuple.class)
                .setParameter(1, merchantId).setParameter(2, status == null ? null : status.name())
                .setParameter(3, page.first() ? null : page.afterUuid(0)).setParameter(4, page.limit() + 1);
        return Page.fromOverfetch(SqlRow.list(query), page.limit(), this::stored,
                row -> PageRequest.cursorAfter(row.uuid("id").toString()));
    }

    /** Moves the offer along its life cycle; If-Match with its version; 409 for a step it does not allow. */
    public StoredOffer change(UUID id, OfferAction action, String ifMatch) {
        StoredOffer stored = SqlRow.first(em.createNativeQuery("select * from offer where id = ?1 for update",
                Tuple.class).setParameter(1, id)).map(this::stored)
                .orElseThrow(() -> ProblemException.notFound("offer", id));
        Versions.requireMatch(ifMatch, stored.version());
        LocalDate today = clock.today();
        Offer offer = stored.offer();
        Offer after = switch (action) {
            case SCHEDULE -> offer.schedule(today);
            case PAUSE -> offer.pause(today);
            case RESUME -> offer.resume(today);
            case EXPIRE -> offer.expire(today);
        };
        setStatus(id, after.status());
        return get(id);
    }

    /**
     * Adds to a funder's budget and lifts its exhaustion mark; an EXHAUSTED offer whose funders can all pay again
     * is LIVE again. If-Match with the offer's version.
     */
    public StoredOffer topUp(UUID id, Funder funder, BigDecimal amount, String ifMatch) {
        StoredOffer stored = SqlRow.first(em.createNativeQuery("select * from offer where id = ?1 for update",
                Tuple.class).setParameter(1, id)).map(this::stored)
                .orElseThrow(() -> ProblemException.notFound("offer", id));
        Versions.requireMatch(ifMatch, stored.version());
        FunderBudget budget = stored.budgets().stream().filter(b -> b.funder() == funder).findFirst()
                .orElseThrow(() -> new InvalidInput("funder", funder + " funds no part of offer " + id));
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidInput("amount", "a positive amount to the fen");
        }
        FunderBudget after = budget.topUp(new Money(amount, CNY));
        em.createNativeQuery("update offer_budget set total = ?3, exhausted = false where offer_id = ?1 and funder = ?2")
                .setParameter(1, id).setParameter(2, funder.name()).setParameter(3, after.total().amount())
                .executeUpdate();
        boolean anyStillOut = stored.budgets().stream().anyMatch(b -> b.funder() != funder && b.exhausted());
        if (stored.offer().statusOn(clock.today()) == OfferStatus.EXHAUSTED && !anyStillOut) {
            setStatus(id, stored.offer().resume(clock.today()).status());
        } else {
            setStatus(id, stored.offer().status());
        }
        return get(id);
    }

    /** The offers of a merchant that may apply on {@code day} (the domain then says which do and why not). */
    public List<Offer> candidates(UUID merchantId, LocalDate day) {
        return SqlRow.list(em.createNativeQuery("""
                        select * from offer where merchant_id = ?1
                          and status in ('SCHEDULED', 'LIVE', 'PAUSED', 'EXHAUSTED') and valid_to >= ?2
                        order by id""", Tuple.class)
                .setParameter(1, merchantId).setParameter(2, day.minusDays(1))).stream().map(Offers::offer).toList();
    }

    /** An offer whose funder ran out under STOP_OFFER stops: LIVE (or SCHEDULED that went live) → EXHAUSTED. */
    public void markExhausted(UUID offerId) {
        em.createNativeQuery("""
                        update offer set status = 'EXHAUSTED', updated_at = ?2, updated_by = ?3, version = version + 1
                        where id = ?1 and status in ('LIVE', 'SCHEDULED')""")
                .setParameter(1, offerId).setParameter(2, clock.now()).setParameter(3, caller.name()).executeUpdate();
    }

    private void setStatus(UUID id, OfferStatus status) {
        em.createNativeQuery("""
                        update offer set status = ?2, updated_at = ?3, updated_by = ?4, version = version + 1
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, status.name()).setParameter(3, clock.now())
                .setParameter(4, caller.name()).executeUpdate();
    }

    private StoredOffer stored(SqlRow row) {
        UUID id = row.uuid("id");
        List<FunderBudget> budgets = SqlRow.list(em.createNativeQuery(
                        "select * from offer_budget where offer_id = ?1 order by funder", Tuple.class)
                .setParameter(1, id)).stream()
                .map(b -> new FunderBudget(id, b.enumValue("funder", Funder.class), new Money(b.decimal("total"), CNY),
                        new Money(b.decimal("drawn"), CNY), b.bool("exhausted")))
                .toList();
        return new StoredOffer(offer(row), budgets, row.instant("created_at"), row.text("created_by"),
                row.instant("updated_at"), row.text("updated_by"), row.longValue("version"));
    }

    static Offer offer(SqlRow row) {
        Map<Funder, BigDecimal> shares = new EnumMap<>(Funder.class);
        for (Funder funder : Funder.values()) {
            String column = funder.name().toLowerCase() + "_share";
            if (!row.isNull(column)) {
                shares.put(funder, row.decimal(column).stripTrailingZeros());
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        row.texts("days_of_week").forEach(d -> days.add(DayOfWeek.of(Integer.parseInt(d))));
        OfferConditions conditions = new OfferConditions(row.localDate("valid_from"), row.localDate("valid_to"), days,
                money(row, "min_amount"), money(row, "max_amount"), new HashSet<>(row.texts("eligible_tiers")),
                row.bool("bank_cards_only"), row.nullableLong("uses_per_card") == null ? null
                : row.intValue("uses_per_card"), money(row, "cap_per_transaction"));
        return new Offer(row.uuid("id"), row.uuid("merchant_id"), row.text("name"),
                row.enumValue("type", OfferType.class), shares, money(row, "fixed_amount"), conditions,
                row.intValue("priority"), row.enumValue("exhaustion_policy", ExhaustionPolicy.class),
                row.enumValue("status", OfferStatus.class));
    }

    private static Money money(SqlRow row, String column) {
        return row.isNull(column) ? null : new Money(row.decimal(column), CNY);
    }

    private static Money money(BigDecimal amount) {
        return amount == null ? null : new Money(amount, CNY);
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }

    private static Map<Funder, BigDecimal> byFunder(OfferForm.FunderAmounts amounts) {
        Map<Funder, BigDecimal> map = new EnumMap<>(Funder.class);
        if (amounts.merchant() != null) {
            map.put(Funder.MERCHANT, amounts.merchant());
        }
        if (amounts.bank() != null) {
            map.put(Funder.BANK, amounts.bank());
        }
        if (amounts.network() != null) {
            map.put(Funder.NETWORK, amounts.network());
        }
        return map;
    }
}
