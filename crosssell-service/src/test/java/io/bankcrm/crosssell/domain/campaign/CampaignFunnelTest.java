package io.bankcrm.crosssell.domain.campaign;

import io.bankcrm.crosssell.domain.lead.ContactClearance;
import io.bankcrm.crosssell.domain.lead.Conversion;
import io.bankcrm.crosssell.domain.lead.LeadLifecycle;
import io.bankcrm.crosssell.domain.lead.LeadStatus;
import io.bankcrm.crosssell.domain.product.ProductCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.bankcrm.crosssell.domain.CrosssellMother.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Domain, no container: a campaign's funnel from its leads' life cycles. */
class CampaignFunnelTest {

    private static final Instant AT = Instant.parse("2026-11-16T02:00:00Z");

    private static LeadLifecycle contacted() {
        return LeadLifecycle.NEW.contact("rm", AT, ContactClearance.NOT_NEEDED).after();
    }

    private static LeadLifecycle qualified() {
        return contacted().qualify("rm", AT).after();
    }

    private static LeadLifecycle converted(String value) {
        return qualified().convert("rm", AT, new Conversion(ProductCode.CREDIT_CARD, yuan(value),
                LocalDate.of(2026, 11, 20), "CC-" + value.replace('.', '-'))).after();
    }

    @Test
    void countsEveryStageALeadReached() {
        List<FunnelLead> leads = List.of(
                FunnelLead.of(LeadLifecycle.NEW),
                FunnelLead.of(LeadLifecycle.NEW.expire("system", AT, "campaign ended").after()),
                FunnelLead.of(contacted()),
                FunnelLead.of(contacted().lose("rm", AT, "not interested").after()),
                FunnelLead.of(qualified().lose("rm", AT, "declined the rate").after()),
                FunnelLead.of(qualified().hold("system", AT, "suspended").after()),
                FunnelLead.of(converted("12000.00")),
                FunnelLead.of(converted("3000.50")));
        CampaignFunnel f = CampaignFunnel.of(leads, yuan("5000.00"), yuan("1000.00"));
        assertEquals(8, f.leads());
        assertEquals(6, f.contacted());
        assertEquals(4, f.qualified(), "lost after qualification, held and converted leads were all qualified");
        assertEquals(2, f.converted());
        assertEquals(2, f.lost());
        assertEquals(1, f.expired());
        assertEquals(3, f.open());
        assertEquals(yuan("15000.50"), f.convertedValue());
        assertEquals(yuan("500.00"), f.costPerConversion());
        assertEquals(yuan("4000.00"), f.budgetLeft());
        assertEquals(new BigDecimal("0.7500"), f.contactRate());
        assertEquals(new BigDecimal("0.6667"), f.qualificationRate());
        assertEquals(new BigDecimal("0.2500"), f.conversionRate());
    }

    @Test
    void costPerConversionRoundsToTheFenAndIsAbsentWithoutConversions() {
        CampaignFunnel three = CampaignFunnel.of(List.of(FunnelLead.of(converted("1.00")), FunnelLead.of(converted("2.00")),
                FunnelLead.of(converted("3.00"))), yuan("100.00"), yuan("100.00"));
        assertEquals(yuan("33.33"), three.costPerConversion());
        assertEquals(yuan("0.00"), three.budgetLeft());
        CampaignFunnel none = CampaignFunnel.of(List.of(), yuan("100.00"), yuan("120.00"));
        assertNull(none.costPerConversion());
        assertNull(none.contactRate());
        assertEquals(yuan("-20.00"), none.budgetLeft(), "overspent");
        assertThrows(IllegalArgumentException.class, () -> CampaignFunnel.of(List.of(), yuan("100.00"), yuan("-1.00")));
    }

    @Test
    void countedGroupsGiveTheSameFunnelAsTheLeadsOneByOne() {
        List<FunnelLead> leads = List.of(FunnelLead.of(LeadLifecycle.NEW), FunnelLead.of(LeadLifecycle.NEW),
                FunnelLead.of(contacted()), FunnelLead.of(qualified().lose("rm", AT, "no").after()),
                FunnelLead.of(converted("10.00")), FunnelLead.of(converted("20.01")));
        List<FunnelGroup> groups = List.of(
                new FunnelGroup(LeadStatus.NEW, LeadStatus.NEW, 2, null),
                new FunnelGroup(LeadStatus.CONTACTED, LeadStatus.CONTACTED, 1, null),
                new FunnelGroup(LeadStatus.LOST, LeadStatus.QUALIFIED, 1, null),
                new FunnelGroup(LeadStatus.CONVERTED, LeadStatus.CONVERTED, 2, yuan("30.01")));
        assertEquals(CampaignFunnel.of(leads, yuan("500.00"), yuan("90.00")),
                CampaignFunnel.ofGroups(groups, yuan("500.00"), yuan("90.00")));
    }
}
