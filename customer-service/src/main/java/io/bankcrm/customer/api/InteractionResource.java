package io.bankcrm.customer.api;

import io.bankcrm.customer.service.Interaction;
import io.bankcrm.customer.service.InteractionRequest;
import io.bankcrm.customer.service.InteractionService;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.IdempotentRequests;
import io.bankcrm.platform.web.Page;
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

@Path("/v1/customers/{id}/interactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contact history", description = "Contacts with the customer: channel, purpose, outcome")
public class InteractionResource {

    private final InteractionService interactions;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public InteractionResource(InteractionService interactions, IdempotentRequests idempotency,
                               Caller caller) {
        this.interactions = interactions;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "recordInteraction", summary = "Add a contact to the history")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InteractionRequest.class),
            examples = @ExampleObject(name = "branchVisit", value = ApiExamples.INTERACTION_REQUEST)))
    @APIResponse(responseCode = "201", description = "Recorded; Location is the new entry", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 2000)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InteractionView.class)))
    public Response record(@PathParam("id") UUID id, @NotNull @Valid InteractionRequest request,
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return idempotency.execute("POST /v1/customers/" + id + "/interactions", idempotencyKey, request, () -> {
            Interaction i = interactions.record(id, request, caller.name());
            return Response.created(uri.getAbsolutePathBuilder().path(i.id.toString()).build())
                    .entity(CustomerViews.of(i)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "listInteractions", summary = "The contact history, newest first")
    public Page<InteractionView> list(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                      @QueryParam("cursor") String cursor) {
        Page<Interaction> page = interactions.list(id, limit, cursor);
        return new Page<>(page.items().stream().map(CustomerViews::of).toList(), page.nextCursor());
    }
}
