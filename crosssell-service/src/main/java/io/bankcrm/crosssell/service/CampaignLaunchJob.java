package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.product.Product;
import io.bankcrm.platform.jobs.JobContext;
import io.bankcrm.platform.jobs.JobHandler;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.time.BankClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A campaign's launch: {@value CampaignLaunch#SLICES} slices of the customers (by customer id), each one transaction
 * that generates the slice's leads set-based ({@link CampaignLaunch#slice}) and saves the progress and the summary
 * so far with them. A job resumed after its worker died goes on at the first slice not committed; a slice run again
 * would find its leads open and create none ({@code on conflict do nothing}), so nothing is doubled either way.
 */
@ApplicationScoped
public class CampaignLaunchJob implements JobHandler {

    public static final String KIND = "campaign-launch";
    static final String PHASE = "GENERATING_LEADS";

    private final Campaigns campaigns;
    private final Catalogue catalogue;
    private final CampaignLaunch launch;
    private final BankClock clock;

    public CampaignLaunchJob(Campaigns campaigns, Catalogue catalogue, CampaignLaunch launch, BankClock clock) {
        this.campaigns = campaigns;
        this.catalogue = catalogue;
        this.launch = launch;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Recovery recovery() {
        return Recovery.RESUME;
    }

    @Override
    public void run(JobContext job) {
        CampaignLaunchParameters parameters = job.parameters(CampaignLaunchParameters.class);
        StoredCampaign campaign = QuarkusTransaction.requiringNew().call(() -> campaigns.get(parameters.campaignId()));
        Product product = QuarkusTransaction.requiringNew().call(() -> catalogue.find(campaign.product().value()))
                .map(StoredProduct::product)
                .orElseThrow(() -> ProblemException.conflict("product " + campaign.product()
                        + " is no longer in the catalogue", java.util.Map.of()));
        CampaignLaunchSummary saved = job.result(CampaignLaunchSummary.class);
        CampaignLaunchSummary[] total = {saved == null ? CampaignLaunchSummary.NONE : saved};
        for (int slice = (int) job.progress().done(); slice < CampaignLaunch.SLICES; slice++) {
            job.checkpoint();
            int s = slice;
            QuarkusTransaction.requiringNew().run(() -> {
                CampaignLaunchSummary part = launch.slice(campaign, product, s, job.submittedBy(), clock.now(),
                        clock.today());
                total[0] = total[0].plus(part);
                job.progress(PHASE, s + 1, (long) CampaignLaunch.SLICES, total[0]);
            });
        }
    }
}
