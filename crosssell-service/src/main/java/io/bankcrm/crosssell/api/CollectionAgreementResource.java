package io.bankcrm.crosssell.api;

import io.bankcrm.crosssell.domain.agreement.AgreementKind;
import io.bankcrm.crosssell.domain.agreement.AgreementStatus;
import io.bankcrm.crosssell.service.AgreementHistoryLine;
import io.bankcrm.crosssell.service.AgreementRequest;
import io.bankcrm.crosssell.service.StatusRequest;
import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.IdempotentRequests;
import io.bankcrm.platform.web.Page;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.bankcrm.platform.openapi.ApiContract;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Collection agreements (代发工资) of corporate customers: the employer's staff become retail prospects. */
@Path(CollectionAgreementResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Collection agreements")
public class CollectionAgreementResource {

    static final String PATH = "/v1/collection-agreements";

    private final AgreementEndpoints endpoints;

    public CollectionAgreementResource(AgreementEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @POST
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "createCollectionAgreement", summary = "Record a collection agreement (as DRAFT)",
            description = "The corporate must be known from customer-service's events (422 otherwise). "
                    + "Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Recorded; Location and ETag name it",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 2000)),
                    @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
                    @Header(name = "Idempotency-Replayed", description = "true when this is the stored answer to an earlier request with the same key", schema = @Schema(type = SchemaType.BOOLEAN))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid terms", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not a known corporate customer, or an Idempotency-Key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createCollectionAgreement(@NotNull @Valid AgreementRequest.Collection request,
                                           @HeaderParam(IdempotentRequests.HEADER) @Size(max = 200) String idempotencyKey) {
        return endpoints.create(PATH, request, idempotencyKey);
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "listCollectionAgreements", summary = "Collection agreements by id, optionally of one corporate or status")
    @APIResponse(responseCode = "200", description = "One page; nextCursor continues")
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<AgreementView> listCollectionAgreements(@QueryParam("corporateId") UUID corporateId,
                                                     @QueryParam("status") AgreementStatus status,
                                                     @QueryParam("limit") @Min(1) @Max(200) Integer limit,
                                                     @QueryParam("cursor") @Size(max = 200) String cursor) {
        return endpoints.list(AgreementKind.COLLECTION, corporateId, status, limit, cursor);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getCollectionAgreement", summary = "A collection agreement with its ETag")
    @APIResponse(responseCode = "200", description = "The agreement",
            headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "404", description = "No such collection agreement", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getCollectionAgreement(@PathParam("id") UUID id) {
        return endpoints.get(AgreementKind.COLLECTION, id);
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "changeCollectionAgreementStatus", summary = "Move the agreement along its life cycle",
            description = "DRAFT → ACTIVE ⇄ SUSPENDED → TERMINATED. Suspending parks its open leads (ON_HOLD), "
                    + "reactivating releases them, terminating expires them. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Moved; the new ETag",
            headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "A reason is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such collection agreement", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The life cycle does not allow the step; `allowed` names the steps it does", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeCollectionAgreementStatus(@PathParam("id") UUID id, @NotNull @Valid StatusRequest request,
                                                 @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 100) String ifMatch) {
        return endpoints.changeStatus(AgreementKind.COLLECTION, id, request, ifMatch);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "listCollectionAgreementHistory", summary = "Every status step of the agreement, oldest first")
    @APIResponse(responseCode = "200", description = "The steps, with who, when and why")
    @APIResponse(responseCode = "404", description = "No such collection agreement", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AgreementHistoryLine> listCollectionAgreementHistory(@PathParam("id") UUID id) {
        return endpoints.history(AgreementKind.COLLECTION, id);
    }
}
