package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.config.CrosssellConfig;
import io.bankcrm.crosssell.domain.lead.PriorityScoring;
import io.bankcrm.crosssell.domain.lead.ScoreWeights;
import io.bankcrm.crosssell.domain.product.Eligibility;
import io.bankcrm.crosssell.domain.prospect.TierScale;
import io.bankcrm.crosssell.domain.sla.BusinessCalendar;
import io.bankcrm.crosssell.domain.sla.LeadSla;
import io.bankcrm.crosssell.domain.sla.WorkingPeriod;
import io.bankcrm.platform.time.BankClock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Set;

/** The domain's configurable rules, built once from the settings (a bad setting stops the service at start). */
@ApplicationScoped
public class Rules {

    private final TierScale tiers;
    private final Eligibility eligibility;
    private final PriorityScoring scoring;
    private final BusinessCalendar calendar;
    private final int defaultSlaMinutes;

    public Rules(CrosssellConfig config, BankClock clock) {
        this.tiers = new TierScale(config.tiers().retail(), config.tiers().corporate());
        CrosssellConfig.Priority p = config.priority();
        this.eligibility = new Eligibility(tiers);
        this.scoring = new PriorityScoring(tiers, new ScoreWeights(p.tierWeight(), p.salaryBandWeight(),
                p.productFitWeight(), p.employerTierWeight()));
        CrosssellConfig.Sla sla = config.sla();
        this.calendar = new BusinessCalendar(clock.zone(), sla.workingDays(),
                sla.workingPeriods().stream().map(WorkingPeriod::parse).toList(), Set.of(), Set.of());
        this.defaultSlaMinutes = sla.defaultFirstContactMinutes();
    }

    /** The first-contact service level of a team whose SLA is {@code minutes} working minutes. */
    public LeadSla sla(int minutes) {
        return new LeadSla(calendar, Duration.ofMinutes(minutes));
    }

    public int defaultSlaMinutes() {
        return defaultSlaMinutes;
    }

    public TierScale tiers() {
        return tiers;
    }

    public Eligibility eligibility() {
        return eligibility;
    }

    public PriorityScoring scoring() {
        return scoring;
    }
}
