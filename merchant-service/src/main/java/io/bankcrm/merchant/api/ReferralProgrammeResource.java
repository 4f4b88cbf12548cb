package io.bankcrm.merchant.api;

import io.bankcrm.merchant.service.ReferralProgrammeForm;
import io.bankcrm.merchant.service.ReferralProgrammes;
import io.bankcrm.merchant.service.ReferralTerms;
import io.bankcrm.merchant.service.StoredReferralProgramme;
import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.IdempotentRequests;
import io.bankcrm.platform.web.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Merchants' referral programmes: the code on card applications, the reward and its split, the windows. */
@Path("/v1/referral-programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referral programmes", description = "A merchant signs up cardholders with its referral code; a card "
        + "activated and used within the window earns a reward shared by the bank and the merchant (e.g. 30:70), "
        + "clawed back if the card is closed within the clawback window")
public class ReferralProgrammeResource {

    private final ReferralProgrammes programmes;
    private final IdempotentRequests idempotency;

    public ReferralProgrammeResource(ReferralProgrammes programmes, IdempotentRequests idempotency) {
        this.programmes = programmes;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.MERCHANT_OPS)
    @Operation(operationId = "createReferralProgramme", summary = "Create a merchant's referral programme",
            description = "The code is unique across merchants (409 with `existingProgrammeId`). Idempotency-Key "
                    + "supported.")
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", description = "The programme",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = "Its version", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(schema = @Schema(implementation = ReferralProgrammeView.class)))
    @APIResponse(responseCode = "400", description = "A malformed code, shares not adding up to 100, windows out of "
            + "range, sign-ups ending before they start",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such merchant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The code is another programme's (`existingProgrammeId`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid ReferralProgrammeForm form,
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return idempotency.execute("POST /v1/referral-programmes", idempotencyKey, form, () -> {
            StoredReferralProgramme created = programmes.create(form);
            return Response.created(uri.getAbsolutePathBuilder().path(created.programme().id().toString()).build())
                    .tag(Versions.etag(created.version())).entity(ReferralProgrammeView.of(created)).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MERCHANT_OPS, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getReferralProgramme", summary = "Read a referral programme; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The programme",
            headers = @Header(name = "ETag", description = "Its version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ReferralProgrammeView.class)))
    @APIResponse(responseCode = "404", description = "No such programme",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        StoredReferralProgramme stored = programmes.get(id);
        return Response.ok(ReferralProgrammeView.of(stored)).tag(Versions.etag(stored.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.MERCHANT_OPS)
    @Operation(operationId = "replaceReferralTerms", summary = "Replace a programme's terms (a new version)",
            description = "Requires If-Match. Referrals converting from now on earn the new reward and split; one "
                    + "converted already keeps what it froze.")
    @APIResponse(responseCode = "200", description = "The programme with its new version",
            headers = @Header(name = "ETag", description = "Its version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ReferralProgrammeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid terms, each field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such programme",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") UUID id, @NotNull @Valid ReferralTerms terms,
                            @HeaderParam("If-Match") String ifMatch) {
        StoredReferralProgramme stored = programmes.change(id, terms, ifMatch);
        return Response.ok(ReferralProgrammeView.of(stored)).tag(Versions.etag(stored.version())).build();
    }
}
