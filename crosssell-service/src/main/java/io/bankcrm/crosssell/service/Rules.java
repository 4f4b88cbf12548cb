package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.config.CrosssellConfig;
import io.bankcrm.crosssell.domain.lead.PriorityScoring;
import io.bankcrm.crosssell.domain.lead.ScoreWeights;
import io.bankcrm.crosssell.domain.product.Eligibility;
import io.bankcrm.crosssell.domain.prospect.TierScale;
import jakarta.enterprise.context.ApplicationScoped;

/** The domain's configurable rules, built once from the settings (a bad setting stops the service at start). */
@ApplicationScoped
public class Rules {

    private final TierScale tiers;
    private final Eligibility eligibility;
    private final PriorityScoring scoring;

    public Rules(CrosssellConfig config) {
        this.tiers = new TierScale(config.tiers().retail(), config.tiers().corporate());
        CrosssellConfig.Priority p = config.priority();
        this.eligibility = new Eligibility(tiers);
        this.scoring = new PriorityScoring(tiers, new ScoreWeights(p.tierWeight(), p.salaryBandWeight(),
                p.productFitWeight(), p.employerTierWeight()));
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
