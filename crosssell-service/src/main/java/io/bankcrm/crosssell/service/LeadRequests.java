package io.bankcrm.crosssell.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** The bodies of the lead endpoints. */
public final class LeadRequests {

    private LeadRequests() {
    }

    /**
     * A relationship manager's own lead.
     *
     * @param assignee the member to work it; the creator when absent
     */
    @Schema(name = "ManualLeadRequest")
    public record Manual(@NotNull UUID customerId, @NotBlank @Size(max = 40) String product,
                         @Size(min = 1, max = 100) String assignee, @Size(max = 500) String reason) {
    }

    /** A step on the lead; LOSE needs a reason. */
    @Schema(name = "LeadStatusStep")
    public record Step(@NotNull LeadAction action, @Size(max = 500) String reason) {
    }

    /** The team lead moves the lead to another member of the team. */
    @Schema(name = "LeadReassignment")
    public record Reassignment(@NotBlank @Size(max = 100) String assignee, @Size(max = 500) String reason) {
    }
}
