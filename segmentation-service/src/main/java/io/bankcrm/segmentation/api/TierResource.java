package io.bankcrm.segmentation.api;

import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.Versions;
import io.bankcrm.segmentation.domain.Segment;
import io.bankcrm.segmentation.service.Tier;
import io.bankcrm.segmentation.service.TierCatalogue;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

import java.util.Arrays;

/** The tiers and their service entitlements, for front ends and other services to ask what a tier gives. */
@Path("/v1/tiers")
@Tag(name = "Tiers", description = "The tier catalogue and each tier's entitlements")
@Produces(MediaType.APPLICATION_JSON)
public class TierResource {

    private final TierCatalogue tiers;
    private final Caller caller;

    public TierResource(TierCatalogue tiers, Caller caller) {
        this.tiers = tiers;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.MERCHANT_OPS, Roles.RISK_ANALYST,
            Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "listTiers", summary = "Every tier with its entitlements, top tier first", description = "Optionally of one segment.")
    public Page<Tier> list(@Parameter(schema = @Schema(enumeration = {"RETAIL", "CORPORATE"})) @QueryParam("segment") String segment) {
        return new Page<>(tiers.list(segment(segment)), null);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.MERCHANT_OPS, Roles.RISK_ANALYST,
            Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getTier", summary = "One tier with its entitlements")
    @APIResponse(responseCode = "200", description = "The tier; ETag its version", headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Tier.class)))
    public Response get(@PathParam("code") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 30, pattern = "^[A-Z][A-Z0-9_]*$")) String code) {
        Tier tier = tiers.get(code);
        return Response.ok(tier).tag(Versions.etag(tier.version())).build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CRM_ADMIN)
    @Operation(operationId = "updateTierEntitlements", summary = "Change a tier's entitlements", description = "If-Match must carry the tier's current ETag.")
    @APIResponse(responseCode = "200", description = "The changed tier; ETag its new version", headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Tier.class)))
    public Response update(@PathParam("code") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 30, pattern = "^[A-Z][A-Z0-9_]*$")) String code,
                           @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull @Valid TierEntitlements change) {
        Tier tier = tiers.updateEntitlements(code, ifMatch, change.name(), change.serviceModel(), change.feeWaivers(),
                change.priority(), change.description(), caller.name());
        return Response.ok(tier).tag(Versions.etag(tier.version())).build();
    }

    static Segment segment(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Segment.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("segment", "must be one of " + Arrays.toString(Segment.values()));
        }
    }
}
