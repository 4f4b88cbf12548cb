package io.bankcrm.segmentation.api;

import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.bankcrm.segmentation.service.CustomerTier;
import io.bankcrm.segmentation.service.CustomerTiers;
import io.bankcrm.segmentation.service.TierChange;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.bankcrm.platform.openapi.ApiContract;

import java.util.UUID;

/** A customer's value tier, why, what it entitles them to, and its history. */
@Path("/v1")
@Tag(name = "Customer tiers", description = "Each customer's value tier, flags, reasons and history")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerTierResource {

    private final CustomerTiers tiers;

    public CustomerTierResource(CustomerTiers tiers) {
        this.tiers = tiers;
    }

    @GET
    @Path("/customers/{customerId}/tier")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.RISK_ANALYST, Roles.CRM_ADMIN,
            Roles.INTEGRATION, Roles.MERCHANT_OPS})
    @Operation(operationId = "getCustomerTier", summary = "The customer's current tier",
            description = "With its flags, the policy version and run that set it, reasons a relationship manager "
                    + "can read, and the tier's entitlements. 404 until a publishing run has tiered the customer.")
    public CustomerTier tier(@PathParam("customerId") UUID customerId) {
        return tiers.tier(customerId);
    }

    @GET
    @Path("/customers/{customerId}/tier-history")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.RISK_ANALYST, Roles.CRM_ADMIN,
            Roles.INTEGRATION})
    @Operation(operationId = "listTierHistory", summary = "Every change of the customer's tier or flags, newest first")
    public Page<TierChange> history(@PathParam("customerId") UUID customerId, @QueryParam("limit") Integer limit,
                                    @QueryParam("cursor") String cursor) {
        return tiers.history(customerId, PageRequest.of(limit, cursor));
    }
}
