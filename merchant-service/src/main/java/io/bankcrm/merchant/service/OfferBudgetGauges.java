package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.offer.Funder;
import io.bankcrm.platform.db.SqlRow;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Offer budgets as metrics, per funder, over the offers that may still draw (not DRAFT or EXPIRED):
 * {@code crm_offer_budget_remaining{funder,currency}} (what is left to draw, summed) and
 * {@code crm_offer_budget_lowest_remaining_ratio{funder}} (the smallest share left of one offer's budget, 1 with
 * none; the "near exhaustion" alert watches it). One query serves a scrape; a reading younger than a second is reused.
 */
@ApplicationScoped
public class OfferBudgetGauges {

    private final EntityManager em;
    private volatile Reading last;

    public OfferBudgetGauges(EntityManager em) {
        this.em = em;
    }

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        for (Funder funder : Funder.values()) {
            Gauge.builder("crm.offer.budget.remaining", this, g -> g.read().remaining(funder))
                    .tag("funder", funder.name()).tag("currency", FeeRules.CNY)
                    .description("Offer budget left to draw, over offers that may still draw").register(registry);
            Gauge.builder("crm.offer.budget.lowest.remaining.ratio", this, g -> g.read().lowestRatio(funder))
                    .tag("funder", funder.name())
                    .description("Smallest share of its budget one offer has left (1 with none)").register(registry);
        }
    }

    private Reading read() {
        Reading reading = last;
        if (reading == null || reading.at().isBefore(Instant.now().minusSeconds(1))) {
            reading = QuarkusTransaction.requiringNew().call(this::query);
            last = reading;
        }
        return reading;
    }

    private Reading query() {
        Map<Funder, double[]> byFunder = new EnumMap<>(Funder.class);
        for (SqlRow row : SqlRow.list(em.createNativeQuery("""
                select b.funder, sum(b.total - b.drawn) as remaining,
                       min(case when b.total > 0 then (b.total - b.drawn) / b.total end) as lowest
                from offer_budget b join offer o on o.id = b.offer_id
                where o.status not in ('DRAFT', 'EXPIRED')
                group by b.funder""", Tuple.class))) {
            byFunder.put(Funder.valueOf(row.text("funder")), new double[]{
                    row.decimal("remaining").doubleValue(),
                    row.decimal("lowest") == null ? 1 : row.decimal("lowest").doubleValue()});
        }
        return new Reading(byFunder, Instant.now());
    }

    private record Reading(Map<Funder, double[]> byFunder, Instant at) {
        double remaining(Funder funder) {
            double[] v = byFunder.get(funder);
            return v == null ? 0 : v[0];
        }

        double lowestRatio(Funder funder) {
            double[] v = byFunder.get(funder);
            return v == null ? 1 : v[1];
        }
    }
}
