package io.bankcrm.merchant.api;

import io.bankcrm.merchant.service.Agreements;
import io.bankcrm.merchant.service.FulfilmentForm;
import io.bankcrm.merchant.service.ObligationForm;
import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

import java.util.List;
import java.util.UUID;

/** A merchant's partnership agreement: its in-kind obligations and their fulfilment. */
@Path("/v1/merchants/{id}/agreement")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "The partnership agreement a merchant signs during onboarding and the in-kind "
        + "obligations it records, e.g. the bank promotes the merchant in 20 branches during the offer, with their "
        + "fulfilment (OPEN, IN_PROGRESS, FULFILLED, OVERDUE)")
public class AgreementResource {

    private final Agreements agreements;
    private final BankClock clock;

    public AgreementResource(Agreements agreements, BankClock clock) {
        this.agreements = agreements;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.MERCHANT_OPS, Roles.TEAM_LEAD, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getAgreement", summary = "Read a merchant's agreement with its obligations; the ETag "
            + "is its version")
    @APIResponse(responseCode = "200", description = "The agreement",
            headers = @Header(name = "ETag", description = "Its version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "404", description = "No such merchant, or it has not signed an agreement yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID merchantId) {
        Agreements.StoredAgreement stored = agreements.get(merchantId);
        return Response.ok(AgreementView.of(stored, clock.today())).tag(Versions.etag(stored.version())).build();
    }

    @GET
    @Path("/obligations")
    @RolesAllowed({Roles.MERCHANT_OPS, Roles.TEAM_LEAD, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "listObligations", summary = "List the agreement's in-kind obligations in the order "
            + "they were added, each with its fulfilments and state today")
    @APIResponse(responseCode = "200", description = "The obligations", headers = @Header(name = "ETag",
            description = "The agreement's version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, maxItems = 1000,
                    implementation = AgreementView.ObligationView.class)))
    @APIResponse(responseCode = "404", description = "No such merchant, or it has not signed an agreement yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response obligations(@PathParam("id") UUID merchantId) {
        Agreements.StoredAgreement stored = agreements.get(merchantId);
        List<AgreementView.ObligationView> obligations = AgreementView.of(stored, clock.today()).obligations();
        return Response.ok(obligations).tag(Versions.etag(stored.version())).build();
    }

    @POST
    @Path("/obligations")
    @RolesAllowed(Roles.MERCHANT_OPS)
    @Operation(operationId = "addObligation", summary = "Add an in-kind obligation to the agreement",
            description = "Requires If-Match with the agreement's ETag. Due no earlier than the signature.")
    @APIResponse(responseCode = "201", description = "Added",
            headers = {@Header(name = "Location", description = "The agreement's obligations",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = "The agreement's new version",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(schema = @Schema(implementation = AgreementView.ObligationView.class)))
    @APIResponse(responseCode = "400", description = "No obligor, an empty description or unit, a target below 1, "
            + "a due day before the signature",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such merchant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The merchant has not signed an agreement yet "
            + "(`agreement-not-signed`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addObligation(@PathParam("id") UUID merchantId, @NotNull @Valid ObligationForm form,
                                  @HeaderParam("If-Match") String ifMatch, @Context UriInfo uri) {
        Agreements.Added added = agreements.addObligation(merchantId, form, ifMatch);
        return Response.created(uri.getAbsolutePath()).tag(Versions.etag(added.agreement().version()))
                .entity(view(added)).build();
    }

    @POST
    @Path("/obligations/{obligationId}/fulfilments")
    @RolesAllowed({Roles.MERCHANT_OPS, Roles.TEAM_LEAD})
    @Operation(operationId = "recordFulfilment", summary = "Record part of an obligation done, with its evidence",
            description = "Requires If-Match with the agreement's ETag. Branch staff (team-lead) record the bank's "
                    + "promotions; fulfilments add up, and more than the target is fine.")
    @APIResponse(responseCode = "201", description = "Recorded: the obligation with its fulfilments",
            headers = {@Header(name = "Location", description = "The agreement's obligations",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = "The agreement's new version",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(schema = @Schema(implementation = AgreementView.ObligationView.class)))
    @APIResponse(responseCode = "400", description = "A quantity below 1, a day after today, evidence over 500 "
            + "characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such merchant or obligation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No agreement signed yet (`agreement-not-signed`), or a day "
            + "before the agreement (`fulfilment-before-agreement`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recordFulfilment(@PathParam("id") UUID merchantId, @PathParam("obligationId") UUID obligationId,
                                     @NotNull @Valid FulfilmentForm form, @HeaderParam("If-Match") String ifMatch,
                                     @Context UriInfo uri) {
        Agreements.Added added = agreements.fulfil(merchantId, obligationId, form, ifMatch);
        return Response.created(uri.getBaseUriBuilder().path("v1/merchants/{id}/agreement/obligations")
                        .build(merchantId)).tag(Versions.etag(added.agreement().version())).entity(view(added)).build();
    }

    private AgreementView.ObligationView view(Agreements.Added added) {
        return AgreementView.ObligationView.of(added.obligation(),
                added.agreement().obligationStamps().get(added.obligationId()), clock.today());
    }
}
