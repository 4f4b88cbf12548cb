package io.bankcrm.merchant.api;

import io.bankcrm.merchant.service.InstalmentProgrammeForm;
import io.bankcrm.merchant.service.InstalmentProgrammes;
import io.bankcrm.merchant.service.InstalmentTerms;
import io.bankcrm.merchant.service.StoredProgramme;
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

/** Merchants' instalment programmes: tenors with their monthly fee rates and who bears the fee. */
@Path("/v1/instalment-programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Instalment programmes", description = "The instalments a merchant offers its cardholders (分期付款): "
        + "tenors of 3, 6, 12 or 24 months, a monthly fee rate per tenor, the fee borne by the cardholder, the "
        + "merchant or the bank")
public class InstalmentProgrammeResource {

    private final InstalmentProgrammes programmes;
    private final IdempotentRequests idempotency;

    public InstalmentProgrammeResource(InstalmentProgrammes programmes, IdempotentRequests idempotency) {
        this.programmes = programmes;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.MERCHANT_OPS)
    @Operation(operationId = "createInstalmentProgramme", summary = "Create a merchant's instalment programme",
            description = "One programme per merchant (409 with `existingProgrammeId` otherwise; change it with PUT). "
                    + "Idempotency-Key supported.")
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", description = "The programme",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = "Its version", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(schema = @Schema(implementation = InstalmentProgrammeView.class)))
    @APIResponse(responseCode = "400", description = "A tenor other than 3, 6, 12 or 24, a tenor twice, a rate "
            + "beyond 0.03 or six decimals, no fee bearer, a minimum that is not a positive amount to the fen",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such merchant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The merchant has a programme already (`existingProgrammeId`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid InstalmentProgrammeForm form,
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return idempotency.execute("POST /v1/instalment-programmes", idempotencyKey, form, () -> {
            StoredProgramme created = programmes.create(form);
            return Response.created(uri.getAbsolutePathBuilder().path(created.programme().id().toString()).build())
                    .tag(Versions.etag(created.version())).entity(InstalmentProgrammeView.of(created)).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MERCHANT_OPS, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getInstalmentProgramme", summary = "Read an instalment programme; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The programme",
            headers = @Header(name = "ETag", description = "Its version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = InstalmentProgrammeView.class)))
    @APIResponse(responseCode = "404", description = "No such programme",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        StoredProgramme stored = programmes.get(id);
        return Response.ok(InstalmentProgrammeView.of(stored)).tag(Versions.etag(stored.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.MERCHANT_OPS)
    @Operation(operationId = "replaceInstalmentTerms", summary = "Replace a programme's terms (a new version)",
            description = "Requires If-Match. Transactions from now on use the new terms; every plan already made "
                    + "keeps the rate, fee bearer and version it was made with.")
    @APIResponse(responseCode = "200", description = "The programme with its new version",
            headers = @Header(name = "ETag", description = "Its version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = InstalmentProgrammeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid terms, each field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such programme",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") UUID id, @NotNull @Valid InstalmentTerms terms,
                            @HeaderParam("If-Match") String ifMatch) {
        StoredProgramme stored = programmes.change(id, terms, ifMatch);
        return Response.ok(InstalmentProgrammeView.of(stored)).tag(Versions.etag(stored.version())).build();
    }
}
