package io.bankcrm.segmentation.api;

import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.IdempotentRequests;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.bankcrm.segmentation.service.ParetoCurve;
import io.bankcrm.segmentation.service.TieringRun;
import io.bankcrm.segmentation.service.TieringRuns;
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

/** Tiering runs as jobs, their reports and their Pareto curves. */
@Path("/v1/tiering-runs")
@Tag(name = "Tiering runs", description = "Runs of a policy over a segment, their reports and Pareto curves")
@Produces(MediaType.APPLICATION_JSON)
public class TieringRunResource {

    public static final String SVG = "image/svg+xml";

    private final TieringRuns runs;
    private final IdempotentRequests idempotent;
    private final Caller caller;

    public TieringRunResource(TieringRuns runs, IdempotentRequests idempotent, Caller caller) {
        this.runs = runs;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RISK_ANALYST, Roles.CRM_ADMIN})
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunRequest.class),
            examples = @ExampleObject(name = "dryRun", value = ApiExamples.RUN_REQUEST)))
    @APIResponse(responseCode = "202", description = "Accepted as a job; Location is the run to poll", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2000)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TieringRun.class)))
    @APIResponse(responseCode = "409", description = "A publishing run for this month or a later one exists, or one is queued or running")
    @Operation(operationId = "startTieringRun", summary = "Start a tiering run",
            description = "202 with the run as a job; follow Location for its progress and, once COMPLETED, its "
                    + "report. A dry run changes and publishes nothing: its report is the what-if. A publishing run "
                    + "stores the new tiers and history and publishes crm.segmentation.tier-changed for each customer "
                    + "whose tier or flags changed, then crm.segmentation.tiering-run-completed. Publishing runs of "
                    + "a segment go forward: each for a later month than the last, one at a time (409 otherwise).")
    public Response start(@NotNull @Valid RunRequest request,
                          @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute("POST /v1/tiering-runs", idempotencyKey, request, () -> {
            TieringRun run = runs.submit(request.policyId(), request.policyVersion(), request.asOfMonth(),
                    request.dryRun(), caller.name());
            return Response.accepted(run).location(URI.create("/v1/tiering-runs/" + run.id())).build();
        });
    }

    @GET
    @RolesAllowed({Roles.RISK_ANALYST, Roles.CRM_ADMIN, Roles.TEAM_LEAD})
    @Operation(operationId = "listTieringRuns", summary = "Runs, newest first (without their reports)")
    public Page<TieringRun> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return runs.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RISK_ANALYST, Roles.CRM_ADMIN, Roles.TEAM_LEAD})
    @Operation(operationId = "getTieringRun", summary = "A run: status, progress and, once completed, its report")
    public TieringRun get(@PathParam("id") UUID id) {
        return runs.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.RISK_ANALYST, Roles.CRM_ADMIN})
    @APIResponse(responseCode = "409", description = "The run has finished already")
    @APIResponse(responseCode = "200", description = "The run, cancelled or with its cancellation requested",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TieringRun.class)))
    @Operation(operationId = "cancelTieringRun", summary = "Cancel a run",
            description = "A queued run is cancelled at once; a running one at its next phase, and since a run is "
                    + "one transaction it then changes and publishes nothing. 200 with the run (cancelRequested: "
                    + "true); 409 once it has finished.")
    public TieringRun cancel(@PathParam("id") UUID id) {
        return runs.cancel(id, caller.name());
    }

    @GET
    @Path("/{id}/pareto")
    @RolesAllowed({Roles.RISK_ANALYST, Roles.CRM_ADMIN, Roles.TEAM_LEAD, Roles.RELATIONSHIP_MANAGER})
    @APIResponse(responseCode = "409", description = "The run has not completed")
    @APIResponse(responseCode = "200", description = "The curve", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParetoCurve.class)),
            @Content(mediaType = SVG, schema = @Schema(type = SchemaType.STRING, maxLength = 1048576))})
    @Operation(operationId = "getParetoCurve", summary = "The run's Pareto curve",
            description = "Cumulative share of customers (best first) against cumulative share of profit, at most "
                    + "101 points; as JSON, or as an SVG chart with Accept: image/svg+xml.")
    public ParetoCurve pareto(@PathParam("id") UUID id) {
        return runs.pareto(id);
    }

    @GET
    @Path("/{id}/pareto")
    @Produces(SVG)
    @RolesAllowed({Roles.RISK_ANALYST, Roles.CRM_ADMIN, Roles.TEAM_LEAD, Roles.RELATIONSHIP_MANAGER})
    public Response paretoChart(@PathParam("id") UUID id) {
        return Response.ok(ParetoChart.svg(runs.pareto(id)), SVG).build();
    }
}
