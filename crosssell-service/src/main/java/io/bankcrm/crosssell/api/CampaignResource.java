package io.bankcrm.crosssell.api;

import io.bankcrm.crosssell.service.CampaignRequest;
import io.bankcrm.crosssell.service.Campaigns;
import io.bankcrm.crosssell.service.StoredCampaign;
import io.bankcrm.platform.openapi.ApiContract;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.IdempotentRequests;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.bankcrm.platform.web.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/** Campaigns: a target, a period and a budget; the launch generates the leads in bulk; the funnel. */
@Path(CampaignResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Targeted campaigns: leads generated in bulk for a product, their funnel and cost")
public class CampaignResource {

    static final String PATH = "/v1/campaigns";

    private final Campaigns campaigns;
    private final IdempotentRequests idempotent;
    private final Caller caller;

    public CampaignResource(Campaigns campaigns, IdempotentRequests idempotent, Caller caller) {
        this.campaigns = campaigns;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "createCampaign", summary = "Create a campaign (as DRAFT)",
            description = "The target names a customer kind and, optionally, tiers, salary bands, an employer, MARKETING "
                    + "consent channels (at least one) and whether holders of the product are left out; the product's own "
                    + "eligibility rule applies on top. Accepts Idempotency-Key.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CampaignRequest.class),
            examples = @ExampleObject(name = "personalLoan", summary = "Personal loans for salaried GOLD and SILVER customers",
                    value = CampaignExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location names it, ETag is its version",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 2000)),
                    @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
                    @Header(name = "Idempotency-Replayed", description = "true when this is the stored answer to an earlier request with the same key",
                            schema = @Schema(type = SchemaType.BOOLEAN))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class),
                    examples = @ExampleObject(name = "draft", value = CampaignExamples.DRAFT)))
    public Response createCampaign(@NotNull @Valid CampaignRequest request,
                                   @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute("POST " + PATH, idempotencyKey, request, () -> {
            StoredCampaign c = campaigns.create(request, caller.name());
            return Response.created(URI.create(PATH + "/" + c.id())).entity(CampaignView.of(c, null))
                    .tag(Versions.etag(c.version())).build();
        });
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "listCampaigns", summary = "Campaigns, newest first, optionally of one status")
    @APIResponse(responseCode = "200", description = "One page; nextCursor continues",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.Page.class)))
    public Page<CampaignView> listCampaigns(@QueryParam("status") @Size(max = 8) @Pattern(regexp = "DRAFT|LAUNCHED") String status,
                                            @QueryParam("limit") @Min(1) @Max(200) Integer limit,
                                            @QueryParam("cursor") @Size(max = 2048) String cursor) {
        Page<StoredCampaign> page = campaigns.list(status, PageRequest.of(limit, cursor));
        return new Page<>(page.items().stream().map(c -> CampaignView.of(c, campaigns.launchOf(c))).toList(),
                page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "getCampaign", summary = "A campaign with its launch's progress and ETag")
    @APIResponse(responseCode = "200", description = "The campaign",
            headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class),
                    examples = @ExampleObject(name = "launched", value = CampaignExamples.LAUNCHED)))
    public Response getCampaign(@PathParam("id") UUID id) {
        StoredCampaign c = campaigns.get(id);
        return Response.ok(CampaignView.of(c, campaigns.launchOf(c))).tag(Versions.etag(c.version())).build();
    }

    @POST
    @Path("/{id}/launch")
    @RolesAllowed({Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "launchCampaign", summary = "Launch the campaign: generate its leads as a job",
            description = "Requires If-Match. A job of kind campaign-launch (progress in 16 slices of the customers) "
                    + "creates a lead for each targeted, eligible customer without an open lead for the product, "
                    + "assigns it by the team rules (the home branch's RETAIL team, weighted round robin) and announces it "
                    + "(lead-created). 409 once launched (unless that launch failed or was cancelled) or after the "
                    + "campaign's period.")
    @APIResponse(responseCode = "202", description = "Accepted; Location is the campaign, whose launch shows the job",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 2000)),
                    @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "409", description = "Launched already, or the period is over")
    public Response launchCampaign(@PathParam("id") UUID id,
                                   @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 100) String ifMatch) {
        StoredCampaign c = campaigns.launch(id, ifMatch, caller.name());
        return Response.accepted(CampaignView.of(c, campaigns.launchOf(c))).location(URI.create(PATH + "/" + id))
                .tag(Versions.etag(c.version())).build();
    }

    @PUT
    @Path("/{id}/cost")
    @RolesAllowed({Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "replaceCampaignCost", summary = "Record what the campaign has cost so far",
            description = "Replaces the actual cost (in the budget's currency). Requires If-Match.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CampaignRequest.Cost.class),
            examples = @ExampleObject(name = "cost", value = CampaignExamples.COST)))
    @APIResponse(responseCode = "200", description = "Recorded; the new ETag",
            headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    public Response replaceCampaignCost(@PathParam("id") UUID id, @NotNull @Valid CampaignRequest.Cost request,
                                        @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 100) String ifMatch) {
        StoredCampaign c = campaigns.cost(id, request.actualCost(), ifMatch);
        return Response.ok(CampaignView.of(c, campaigns.launchOf(c))).tag(Versions.etag(c.version())).build();
    }

    @GET
    @Path("/{id}/funnel")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "getCampaignFunnel", summary = "The campaign's funnel: leads, contacted, qualified, converted, value, cost per conversion")
    @APIResponse(responseCode = "200", description = "The funnel as of now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.Funnel.class),
                    examples = @ExampleObject(name = "funnel", value = CampaignExamples.FUNNEL)))
    public CampaignView.Funnel getCampaignFunnel(@PathParam("id") UUID id) {
        return CampaignView.Funnel.of(id, campaigns.funnel(id));
    }
}
