package io.bankcrm.segmentation.api;

import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.IdempotentRequests;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.bankcrm.platform.web.Versions;
import io.bankcrm.segmentation.service.StoredPolicy;
import io.bankcrm.segmentation.service.TieringPolicies;
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

import java.net.URI;
import java.util.UUID;

/** Versioned tiering policies: crm-admin writes them, analysts and managers read them. */
@Path("/v1/tiering-policies")
@Tag(name = "Tiering policies", description = "Versioned rules that put customers in tiers: Pareto, percentiles, thresholds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TieringPolicyResource {

    private final TieringPolicies policies;
    private final IdempotentRequests idempotent;
    private final Caller caller;

    public TieringPolicyResource(TieringPolicies policies, IdempotentRequests idempotent, Caller caller) {
        this.policies = policies;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.CRM_ADMIN)
    @Operation(operationId = "createTieringPolicy", summary = "Create a tiering policy (version 1)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyDocument.class),
            examples = @ExampleObject(name = "pareto", value = ApiExamples.PARETO_POLICY)))
    @APIResponse(responseCode = "201", description = "Created; Location is the policy, ETag its version", headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2000)), @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyView.class)))
    public Response create(@NotNull @Valid PolicyDocument document,
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute("POST /v1/tiering-policies", idempotencyKey, document, () -> {
            StoredPolicy created = policies.create(document.toPolicy(), caller.name());
            return Response.created(URI.create("/v1/tiering-policies/" + created.policy().id()))
                    .entity(PolicyView.of(created)).tag(Versions.etag(created.policy().version())).build();
        });
    }

    @GET
    @RolesAllowed({Roles.CRM_ADMIN, Roles.RISK_ANALYST, Roles.TEAM_LEAD, Roles.RELATIONSHIP_MANAGER})
    @Operation(operationId = "listTieringPolicies", summary = "The current version of each policy", description = "Optionally of one segment.")
    public Page<PolicyView> list(@Parameter(schema = @Schema(enumeration = {"RETAIL", "CORPORATE"})) @QueryParam("segment") String segment, @QueryParam("limit") Integer limit,
                                 @QueryParam("cursor") String cursor) {
        Page<StoredPolicy> page = policies.list(TierResource.segment(segment), PageRequest.of(limit, cursor));
        return new Page<>(page.items().stream().map(PolicyView::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CRM_ADMIN, Roles.RISK_ANALYST, Roles.TEAM_LEAD, Roles.RELATIONSHIP_MANAGER})
    @Operation(operationId = "getTieringPolicy", summary = "The current version of a policy")
    @APIResponse(responseCode = "200", description = "The policy; ETag its version", headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyView.class)))
    public Response get(@PathParam("id") UUID id) {
        StoredPolicy stored = policies.current(id);
        return Response.ok(PolicyView.of(stored)).tag(Versions.etag(stored.policy().version())).build();
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({Roles.CRM_ADMIN, Roles.RISK_ANALYST, Roles.TEAM_LEAD, Roles.RELATIONSHIP_MANAGER})
    @Operation(operationId = "getTieringPolicyVersion", summary = "One version of a policy, e.g. the one a run used")
    public PolicyView version(@PathParam("id") UUID id,
                              @PathParam("version") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "2147483647")) int version) {
        return PolicyView.of(policies.get(id, version));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.CRM_ADMIN)
    @Operation(operationId = "reviseTieringPolicy", summary = "Revise a policy", description = "Adds the next version; If-Match must carry the current ETag.")
    @APIResponse(responseCode = "200", description = "The new version; ETag its version", headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "409", description = "The revision changes what a policy cannot change (its segment)")
    public Response revise(@PathParam("id") UUID id, @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull @Valid PolicyDocument document) {
        StoredPolicy revised = policies.revise(id, ifMatch, document.toPolicy(), caller.name());
        return Response.ok(PolicyView.of(revised)).tag(Versions.etag(revised.policy().version())).build();
    }
}
