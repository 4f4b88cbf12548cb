package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.team.TeamKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A team of a branch.
 *
 * @param firstContactMinutes the team's service level: working minutes from assignment to first contact
 */
@Schema(name = "TeamRequest")
public record TeamRequest(@NotBlank @Size(max = 100) String name,
                          @NotNull TeamKind kind,
                          @NotBlank @Size(max = 40) String branch,
                          @NotBlank @Size(max = 100) String teamLead,
                          @Min(1) @Max(43200) Integer firstContactMinutes) {
}
