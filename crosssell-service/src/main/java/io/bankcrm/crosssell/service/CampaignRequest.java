package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.campaign.CampaignTarget;
import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A new campaign: its product, whom it targets, its period and budget. It starts as a DRAFT; launching it
 * generates the leads.
 */
@Schema(name = "CampaignRequest")
public record CampaignRequest(@NotBlank @Size(max = 200) String name,
                              @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String product,
                              @NotNull @Valid Target target,
                              @NotNull LocalDate startsOn,
                              @NotNull LocalDate endsOn,
                              @NotNull @Valid Fee budget) {

    /**
     * Whom the campaign is for; the product's own eligibility rule applies on top.
     *
     * @param tiers           value tiers on the kind's ladder; empty or absent for any tier
     * @param salaryBands     monthly salary bands (individuals); empty or absent for any band
     * @param employerId      only current employees and officers of this corporate customer
     * @param consentChannels MARKETING consent needed on at least one of these
     * @param excludeHolders  leave out customers who hold the product (default true)
     */
    @Schema(name = "CampaignTargetRequest")
    public record Target(@NotNull CustomerKind kind,
                         @Size(max = 20) Set<@NotBlank @Size(max = 40) String> tiers,
                         @Size(max = 5) Set<@NotNull SalaryBand> salaryBands,
                         UUID employerId,
                         @NotNull @Size(min = 1, max = 4) Set<@NotNull ConsentChannel> consentChannels,
                         Boolean excludeHolders) {

        public CampaignTarget toTarget() {
            return new CampaignTarget(kind, tiers, salaryBands, employerId, consentChannels,
                    !Boolean.FALSE.equals(excludeHolders));
        }
    }

    /** What the campaign has cost so far (replaces the figure stored). */
    @Schema(name = "CampaignCostRequest")
    public record Cost(@NotNull @Valid Fee actualCost) {
    }
}
