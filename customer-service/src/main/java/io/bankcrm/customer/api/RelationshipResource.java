package io.bankcrm.customer.api;

import io.bankcrm.customer.service.CustomerRelationship;
import io.bankcrm.customer.service.RelationshipEnd;
import io.bankcrm.customer.service.RelationshipRequest;
import io.bankcrm.customer.service.RelationshipService;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.IdempotentRequests;
import io.bankcrm.platform.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/v1/customers/{id}/relationships")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Relationships", description = "Links between customers: employee of, officer of, household, subsidiary, payer")
public class RelationshipResource {

    private final RelationshipService relationships;
    private final IdempotentRequests idempotency;

    public RelationshipResource(RelationshipService relationships, IdempotentRequests idempotency) {
        this.relationships = relationships;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "linkCustomers", summary = "Link this customer to another (EMPLOYEE_OF, OFFICER_OF, HOUSEHOLD_MEMBER, SUBSIDIARY_OF, PAYER_OF)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RelationshipRequest.class),
            examples = @ExampleObject(name = "employee", value = ApiExamples.RELATIONSHIP_REQUEST)))
    @APIResponse(responseCode = "201", description = "Linked; Location is the new relationship", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 2000)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RelationshipView.class)))
    @APIResponse(responseCode = "409", description = "Such a link exists already, or the two customers' kinds do not allow it")
    public Response link(@PathParam("id") UUID id, @NotNull @Valid RelationshipRequest request,
                         @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return idempotency.execute("POST /v1/customers/" + id + "/relationships", idempotencyKey, request, () -> {
            CustomerRelationship r = relationships.link(id, request);
            return Response.created(uri.getAbsolutePathBuilder().path(r.id.toString()).build())
                    .entity(CustomerViews.of(r, id)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.RISK_ANALYST, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "listRelationships", summary = "Relationships in both directions; ended ones with includeEnded=true")
    public Page<RelationshipView> list(@PathParam("id") UUID id,
                                       @QueryParam("includeEnded") @DefaultValue("false") boolean includeEnded,
                                       @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Page<CustomerRelationship> page = relationships.list(id, includeEnded, limit, cursor);
        return new Page<>(page.items().stream().map(r -> CustomerViews.of(r, id)).toList(), page.nextCursor());
    }

    @POST
    @Path("/{relationshipId}/end")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "endRelationship", summary = "End a relationship; it stays in the history",
            description = "Accepts Idempotency-Key: a retried end with the same key replays its 200 instead of "
                    + "answering 409 (already ended).")
    @APIResponse(responseCode = "200", description = "The ended relationship",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RelationshipView.class)))
    @APIResponse(responseCode = "409", description = "The relationship has ended already")
    public Response end(@PathParam("id") UUID id, @PathParam("relationshipId") UUID relationshipId,
                        @Valid RelationshipEnd request, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.execute("POST /v1/customers/" + id + "/relationships/" + relationshipId + "/end",
                idempotencyKey, request, () -> Response.ok(CustomerViews.of(relationships.end(id, relationshipId,
                        request), id)).build());
    }
}
