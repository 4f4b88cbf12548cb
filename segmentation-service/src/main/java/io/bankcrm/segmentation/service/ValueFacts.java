package io.bankcrm.segmentation.service;

import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.problem.FieldViolation;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Versions;
import io.bankcrm.segmentation.config.SegmentationConfig;
import io.bankcrm.segmentation.domain.CreditRating;
import io.bankcrm.segmentation.domain.Months;
import io.bankcrm.segmentation.domain.ValueFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Monthly value facts. Reported figures are replaced as a whole per customer and month, so a resent month or a
 * re-run file never counts twice; card spending from events is kept apart and added once per event (the inbox
 * sees to "once").
 * <p>
 * Every change of a customer's facts goes through {@link #change}: the customer is locked, the facts are
 * changed, and the customer's maintained window figures ({@link WindowFigures}) are recomputed, all in the
 * caller's transaction, so the figures a tiering run ranks are always those of the facts.
 */
@ApplicationScoped
@Transactional
public class ValueFacts {

    private static final String COLUMNS = """
            customer_id, month, currency, avg_deposit_balance, loan_balance, assets_under_management,
            net_interest_income, fee_income, cost_to_serve, contribution, transaction_count, transaction_amount,
            products_held, credit_rating, card_transaction_count, card_transaction_amount, source, reported_at,
            updated_at, version""";

    private final EntityManager em;
    private final SegmentationConfig config;
    private final BankClock clock;

    public ValueFacts(EntityManager em, SegmentationConfig config, BankClock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    public record Replaced(ValueFact fact, boolean created) {
    }

    /** The month of a path or file; a violation when malformed or after {@code currentMonth}. */
    public static Optional<FieldViolation> periodProblem(String field, String value, YearMonth currentMonth) {
        Optional<YearMonth> month = Months.parse(value);
        if (month.isEmpty()) {
            return Optional.of(new FieldViolation(field, "must be a month as yyyy-MM, e.g. 2026-10"));
        }
        if (month.get().isAfter(currentMonth)) {
            return Optional.of(new FieldViolation(field, "is in the future: facts are for months that have begun"));
        }
        return Optional.empty();
    }

    /**
     * Stores the figures of one customer and month, replacing earlier ones (card spending stays).
     *
     * @param ifMatch optional: when given, the figures are replaced only if they are still at that version
     */
    public Replaced replace(UUID customerId, YearMonth month, ValueFigures figures, String source, String ifMatch) {
        Violations.refuse(figures.problems(config.reportingCurrency()));
        return change(customerId, month, Change.REPORTED, () -> store(customerId, month, figures, source, ifMatch));
    }

    private Replaced store(UUID customerId, YearMonth month, ValueFigures figures, String source, String ifMatch) {
        if (ifMatch != null) {
            ValueFact current = find(customerId, month);
            if (current == null) {
                throw ProblemException.preconditionFailed("If-Match was sent but customer " + customerId
                        + " has no facts for " + month + " yet");
            }
            Versions.requireMatch(ifMatch, current.version());
        }
        Number version = (Number) em.createNativeQuery("""
                        insert into value_fact (customer_id, month, currency, avg_deposit_balance, loan_balance,
                            assets_under_management, net_interest_income, fee_income, cost_to_serve, transaction_count,
                            transaction_amount, products_held, credit_rating, source, reported_at, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, now(), now())
                        on conflict (customer_id, month) do update set currency = excluded.currency,
                            avg_deposit_balance = excluded.avg_deposit_balance, loan_balance = excluded.loan_balance,
                            assets_under_management = excluded.assets_under_management,
                            net_interest_income = excluded.net_interest_income, fee_income = excluded.fee_income,
                            cost_to_serve = excluded.cost_to_serve, transaction_count = excluded.transaction_count,
                            transaction_amount = excluded.transaction_amount, products_held = excluded.products_held,
                            credit_rating = excluded.credit_rating, source = excluded.source,
                            reported_at = excluded.reported_at, updated_at = excluded.updated_at,
                            version = value_fact.version + 1
                        returning version""")
                .setParameter(1, customerId)
                .setParameter(2, month.atDay(1))
                .setParameter(3, figures.currency())
                .setParameter(4, figures.avgDepositBalance())
                .setParameter(5, figures.loanBalance())
                .setParameter(6, figures.assetsUnderManagement())
                .setParameter(7, figures.netInterestIncome())
                .setParameter(8, figures.feeIncome())
                .setParameter(9, figures.costToServe())
                .setParameter(10, figures.transactionCount())
                .setParameter(11, figures.transactionAmount())
                .setParameter(12, figures.productsHeld())
                .setParameter(13, figures.creditRating())
                .setParameter(14, source)
                .getSingleResult();
        return new Replaced(find(customerId, month), version.longValue() == 1);
    }

    /** Adds one card payment to the customer's month; the caller (the inbox) makes sure each counts once. */
    public void addCardSpending(UUID customerId, BigDecimal amount, String currency, Instant occurredAt) {
        if (customerId == null || amount == null || occurredAt == null) {
            throw new IllegalArgumentException("card spending needs a customer, an amount and a time");
        }
        if (!config.reportingCurrency().equals(currency)) {
            throw new IllegalArgumentException("card spending in " + currency + " cannot be added: value facts are in "
                    + config.reportingCurrency() + " and merchant-service reports the settled amount in it");
        }
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("card spending must be a positive amount to the fen: " + amount);
        }
        YearMonth month = clock.monthOf(occurredAt);
        change(customerId, month, Change.CARD_SPENDING, () -> em.createNativeQuery("""
                        insert into value_fact (customer_id, month, currency, card_transaction_count,
                            card_transaction_amount, updated_at)
                        values (?1, ?2, ?3, 1, ?4, now())
                        on conflict (customer_id, month) do update set
                            card_transaction_count = value_fact.card_transaction_count + 1,
                            card_transaction_amount = value_fact.card_transaction_amount + excluded.card_transaction_amount,
                            updated_at = now(), version = value_fact.version + 1""")
                .setParameter(1, customerId).setParameter(2, month.atDay(1)).setParameter(3, currency)
                .setParameter(4, amount).executeUpdate());
    }

    /**
     * Takes a card refund off the month of the refunded sale ({@code originalOccurredAt} in the bank's zone): the
     * amount off the month's card spending, and one transaction off its count when the sale is now fully refunded.
     * Never below zero: a refund the month's card spending does not cover (its sale never reached these facts) is
     * refused with an exception, so the inbox retries and then dead-letters it rather than clamping the figures.
     */
    public void subtractCardSpending(UUID customerId, BigDecimal amount, String currency, Instant originalOccurredAt,
                                     boolean fullyRefunded) {
        if (customerId == null || amount == null || originalOccurredAt == null) {
            throw new IllegalArgumentException("a card refund needs a customer, an amount and the sale's time");
        }
        if (!config.reportingCurrency().equals(currency)) {
            throw new IllegalArgumentException("a card refund in " + currency + " cannot be subtracted: value facts "
                    + "are in " + config.reportingCurrency());
        }
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("a card refund must be a positive amount to the fen: " + amount);
        }
        YearMonth month = clock.monthOf(originalOccurredAt);
        int changed = change(customerId, month, Change.CARD_SPENDING, () -> em.createNativeQuery("""
                        update value_fact set card_transaction_amount = card_transaction_amount - ?3,
                            card_transaction_count = card_transaction_count - (case when ?4 then 1 else 0 end),
                            updated_at = now(), version = version + 1
                        where customer_id = ?1 and month = ?2 and card_transaction_amount >= ?3
                          and card_transaction_count >= (case when ?4 then 1 else 0 end)""")
                .setParameter(1, customerId).setParameter(2, month.atDay(1)).setParameter(3, amount)
                .setParameter(4, fullyRefunded).executeUpdate());
        if (changed == 0) {
            throw new IllegalStateException("customer " + customerId + "'s card spending of " + month
                    + " does not cover a refund of " + amount + (fullyRefunded ? " and one transaction" : ""));
        }
    }

    /** What a change touches: the reported figures (which move the customer's window to a later month) or card spending. */
    private enum Change {
        REPORTED, CARD_SPENDING
    }

    /**
     * The one path of every change of value facts: locks the customer, applies {@code facts} (the statement that
     * changes the customer's {@code month}) and recomputes the customer's window figures from its facts, in the
     * caller's transaction. A change of another kind (a refund subtracting card spending) comes through here too.
     */
    private <T> T change(UUID customerId, YearMonth month, Change change, Supplier<T> facts) {
        em.createNativeQuery(WindowFigures.LOCK).setParameter(1, customerId.toString()).getSingleResult();
        T result = facts.get();
        em.createNativeQuery(WindowFigures.REFRESH).setParameter(1, customerId.toString())
                .setParameter(2, month.atDay(1)).setParameter(3, change == Change.REPORTED).executeUpdate();
        return result;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ValueFact get(UUID customerId, YearMonth month) {
        ValueFact fact = find(customerId, month);
        if (fact == null) {
            throw ProblemException.notFound("value facts of customer " + customerId + " for", month);
        }
        return fact;
    }

    /** A customer's months, newest first, optionally between two months (inclusive). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ValueFact> list(UUID customerId, YearMonth from, YearMonth to, PageRequest page) {
        LocalDate first = from == null ? LocalDate.of(1, 1, 1) : from.atDay(1);
        LocalDate last = to == null ? LocalDate.of(9999, 12, 1) : to.atDay(1);
        if (!page.first()) {
            LocalDate after = page.parsed(0, YearMonth::parse).atDay(1).minusMonths(1);
            last = after.isBefore(last) ? after : last;
        }
        List<ValueFact> facts = SqlRow.list(em.createNativeQuery("select " + COLUMNS + " from value_fact"
                        + " where customer_id = ?1 and month between ?2 and ?3 order by month desc limit ?4", Tuple.class)
                .setParameter(1, customerId)
                .setParameter(2, first)
                .setParameter(3, last)
                .setParameter(4, page.limit() + 1)).stream().map(ValueFacts::fact).toList();
        return Page.fromOverfetch(facts, page.limit(), fact -> fact, fact -> PageRequest.cursorAfter(fact.period().toString()));
    }

    private ValueFact find(UUID customerId, YearMonth month) {
        return SqlRow.first(em.createNativeQuery("select " + COLUMNS
                        + " from value_fact where customer_id = ?1 and month = ?2", Tuple.class)
                .setParameter(1, customerId).setParameter(2, month.atDay(1))).map(ValueFacts::fact).orElse(null);
    }

    /** A {@code value_fact} row as the API shows it. */
    private static ValueFact fact(SqlRow r) {
        return new ValueFact(r.uuid("customer_id"), r.month("month"), r.text("currency"),
                r.decimal("avg_deposit_balance"), r.decimal("loan_balance"), r.decimal("assets_under_management"),
                r.decimal("net_interest_income"), r.decimal("fee_income"), r.decimal("cost_to_serve"),
                r.decimal("contribution"), r.longValue("transaction_count"), r.decimal("transaction_amount"),
                r.intValue("products_held"), r.enumValue("credit_rating", CreditRating.class),
                r.longValue("card_transaction_count"), r.decimal("card_transaction_amount"), r.text("source"),
                r.instant("reported_at"), r.instant("updated_at"), r.longValue("version"));
    }
}
