package io.bankcrm.crosssell.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member's share of the team's new leads (relative to the others) and whether they take leads at all. */
@Schema(name = "TeamMemberRequest")
public record MemberRequest(@NotNull @Min(1) @Max(1000) Integer capacity, @NotNull Boolean active) {
}
