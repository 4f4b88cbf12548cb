package io.bankcrm.crosssell.api;

import io.bankcrm.crosssell.domain.campaign.CampaignFunnel;
import io.bankcrm.crosssell.domain.campaign.CampaignTarget;
import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import io.bankcrm.crosssell.service.CampaignLaunchSummary;
import io.bankcrm.crosssell.service.Fee;
import io.bankcrm.crosssell.service.StoredCampaign;
import io.bankcrm.platform.jobs.JobView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A campaign with its launch job (null while it is a DRAFT).
 *
 * @param status DRAFT or LAUNCHED
 */
@Schema(name = "Campaign")
public record CampaignView(UUID id, @Schema(maxLength = 200) String name, @Schema(maxLength = 40) String product,
                           Target target, LocalDate startsOn, LocalDate endsOn, Fee budget, Fee actualCost,
                           @Schema(enumeration = {"DRAFT", "LAUNCHED"}, type = SchemaType.STRING) String status,
                           JobView<CampaignLaunchSummary> launch, long version, Instant createdAt,
                           @Schema(maxLength = 200) String createdBy, Instant updatedAt) {

    static CampaignView of(StoredCampaign c, JobView<CampaignLaunchSummary> launch) {
        CampaignTarget t = c.target();
        return new CampaignView(c.id(), c.name(), c.product().value(),
                new Target(t.kind(), t.tiers(), t.salaryBands(), t.employerId(), t.consentChannels(),
                        t.excludeHolders()),
                c.startsOn(), c.endsOn(), Fee.of(c.budget()), Fee.of(c.actualCost()), c.status(), launch,
                c.version(), c.createdAt(), c.createdBy(), c.updatedAt());
    }

    /** Whom the campaign targets. */
    @Schema(name = "CampaignTarget")
    public record Target(CustomerKind kind, @Schema(maxItems = 20) Set<String> tiers,
                         @Schema(maxItems = 5) Set<SalaryBand> salaryBands, UUID employerId,
                         @Schema(maxItems = 4) Set<ConsentChannel> consentChannels, boolean excludeHolders) {
    }

    /** The OpenAPI shape of a page of campaigns. */
    @Schema(name = "PageCampaign", description = "A page of campaigns; nextCursor is null on the last page")
    record Page(@Schema(maxItems = 200) List<CampaignView> items, @Schema(maxLength = 2048) String nextCursor) {
    }

    /**
     * A campaign's funnel: leads generated, contacted, qualified and converted (stages reached: a lead lost after
     * qualification counts as contacted and qualified), the converted value, the cost per conversion (null without
     * conversions), what is left of the budget (negative when overspent) and the rates (four decimals; null with
     * nothing to divide by).
     */
    @Schema(name = "CampaignFunnel")
    public record Funnel(UUID campaignId, long leads, long contacted, long qualified, long converted, long lost,
                         long expired, long open, Fee convertedValue, Fee actualCost, Fee costPerConversion,
                         Fee budgetLeft, BigDecimal contactRate, BigDecimal qualificationRate,
                         BigDecimal conversionRate) {

        static Funnel of(UUID campaignId, CampaignFunnel f) {
            return new Funnel(campaignId, f.leads(), f.contacted(), f.qualified(), f.converted(), f.lost(),
                    f.expired(), f.open(), Fee.of(f.convertedValue()), Fee.of(f.actualCost()),
                    Fee.of(f.costPerConversion()), Fee.of(f.budgetLeft()), f.contactRate(), f.qualificationRate(),
                    f.conversionRate());
        }
    }
}
