package io.bankcrm.crosssell.api;

import io.bankcrm.crosssell.service.EligibilityCheck;
import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/v1/customers/{id}/eligibility")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products")
public class EligibilityResource {

    private final EligibilityCheck check;

    public EligibilityResource(EligibilityCheck check) {
        this.check = check;
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "getCustomerEligibility", summary = "Every product decided for a customer, with every refusal",
            description = "From what crosssell knows: kind, status, tier, MARKETING consent, roster facts, holdings.")
    @APIResponse(responseCode = "200", description = "One entry per product")
    @APIResponse(responseCode = "404", description = "crosssell-service knows no such customer (yet)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<EligibilityView> getCustomerEligibility(@PathParam("id") UUID id) {
        return check.of(id).entrySet().stream().map(e -> EligibilityView.of(e.getKey(), e.getValue())).toList();
    }
}
