package io.bankcrm.customer.api;

import io.bankcrm.customer.service.Consent;
import io.bankcrm.customer.service.ConsentDecision;
import io.bankcrm.customer.domain.ConsentChannel;
import io.bankcrm.customer.domain.ConsentPurpose;
import io.bankcrm.customer.service.ConsentService;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/v1/customers/{id}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consent", description = "The customer's consent per purpose and channel, with its history")
public class ConsentResource {

    private final ConsentService consents;
    private final Caller caller;

    public ConsentResource(ConsentService consents, Caller caller) {
        this.consents = consents;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @APIResponse(responseCode = "200", description = "One entry per purpose and channel",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, maxItems = 100, implementation = Consent.class)))
    @Operation(operationId = "listConsents", summary = "Consent for every purpose and channel; never decided reads as not granted")
    public List<Consent> current(@PathParam("id") UUID id) {
        return consents.current(id);
    }

    @PUT
    @Path("/{purpose}/{channel}")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentDecision.class),
            examples = @ExampleObject(name = "granted", value = ApiExamples.CONSENT_DECISION)))
    @Operation(operationId = "decideConsent", summary = "Record the customer's grant or withdrawal for one purpose and channel")
    public Consent decide(@PathParam("id") UUID id, @PathParam("purpose") ConsentPurpose purpose,
                              @PathParam("channel") ConsentChannel channel, @NotNull @Valid ConsentDecision decision) {
        return consents.decide(id, purpose, channel, decision, caller.name());
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "listConsentHistory", summary = "Every consent decision, newest first")
    public Page<Consent> history(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                     @QueryParam("cursor") String cursor) {
        return consents.history(id, limit, cursor);
    }
}
