package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.settlement.SettlementStatement;
import io.bankcrm.platform.observability.BusinessMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The settlement totals as business metrics (docs/OPERATIONS.md): statements stored, and the money in them, counted
 * once the statement's transaction commits ({@link BusinessMetrics}). Counters only grow, so a net payable is
 * counted as payable (to the merchant) or receivable (from a merchant whose refunds outweighed its sales), never as
 * a negative amount. Registered at zero on start, so a dashboard has every series before the first cut-off.
 */
@ApplicationScoped
public class SettlementTotals {

    static final String STATEMENTS = "crm.settlement.statements";
    static final String AMOUNT = "crm.settlement.amount";
    private static final String[] FIGURES = {"gross_sales", "gross_refunded", "payable", "receivable",
            "referral_commissions", "referral_clawbacks"};

    private final BusinessMetrics metrics;

    public SettlementTotals(BusinessMetrics metrics) {
        this.metrics = metrics;
    }

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        registry.counter(STATEMENTS, "currency", FeeRules.CNY);
        for (String figure : FIGURES) {
            registry.counter(AMOUNT, "figure", figure, "currency", FeeRules.CNY);
        }
    }

    /** Counts a statement just stored (in the storing transaction). */
    void stored(SettlementStatement s) {
        String currency = s.currency().getCurrencyCode();
        metrics.count(STATEMENTS, "currency", currency);
        add("gross_sales", s.grossSales().amount(), currency);
        add("gross_refunded", s.grossRefunded().amount(), currency);
        if (s.netPayable().amount().signum() >= 0) {
            add("payable", s.netPayable().amount(), currency);
        } else {
            add("receivable", s.netPayable().amount().negate(), currency);
        }
        add("referral_commissions", s.referralCommissions().amount(), currency);
        add("referral_clawbacks", s.referralClawbacks().amount(), currency);
    }

    private void add(String figure, java.math.BigDecimal amount, String currency) {
        if (amount.signum() > 0) {
            metrics.amount(AMOUNT, amount, "figure", figure, "currency", currency);
        }
    }
}
