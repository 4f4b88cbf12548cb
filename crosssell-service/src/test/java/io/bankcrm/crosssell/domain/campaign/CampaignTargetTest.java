package io.bankcrm.crosssell.domain.campaign;

import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import io.bankcrm.crosssell.domain.prospect.TierScale;
import io.bankcrm.platform.domain.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: what a campaign's target may name. */
class CampaignTargetTest {

    @Test
    void aSoundTargetHasNoViolations() {
        CampaignTarget t = new CampaignTarget(CustomerKind.INDIVIDUAL, Set.of("GOLD", "SILVER"),
                Set.of(SalaryBand.BAND_10K_20K), UUID.randomUUID(), Set.of(ConsentChannel.SMS), true);
        assertTrue(t.violations(TierScale.DEFAULT).isEmpty());
    }

    @Test
    void everyFaultIsReported() {
        CampaignTarget t = new CampaignTarget(CustomerKind.CORPORATE, Set.of("GOLD"), Set.of(SalaryBand.ABOVE_50K),
                UUID.randomUUID(), Set.of(), true);
        List<String> fields = t.violations(TierScale.DEFAULT).stream().map(Violation::field).toList();
        assertEquals(List.of("target.tiers", "target.salaryBands", "target.employerId", "target.consentChannels"),
                fields, "GOLD is a retail tier; bands and employers are for individuals; consent is needed");
    }
}
