package io.bankcrm.crosssell.api;

import io.bankcrm.crosssell.domain.team.TeamKind;
import io.bankcrm.crosssell.service.AbsenceRequest;
import io.bankcrm.crosssell.service.MemberRequest;
import io.bankcrm.crosssell.service.StoredTeam;
import io.bankcrm.crosssell.service.TeamRequest;
import io.bankcrm.crosssell.service.Teams;
import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.IdempotentRequests;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.bankcrm.platform.web.Versions;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/** Teams per branch with members, capacities and absences: who gets the branch's new leads. */
@Path("/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Teams")
public class TeamResource {

    private final Teams teams;
    private final IdempotentRequests idempotent;
    private final Caller caller;

    public TeamResource(Teams teams, IdempotentRequests idempotent, Caller caller) {
        this.teams = teams;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.CRM_ADMIN})
    @Operation(operationId = "createTeam", summary = "Create a corporate or retail team of a branch", description = "Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 2000)),
                    @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
                    @Header(name = "Idempotency-Replayed", description = "true when this is the stored answer to an earlier request with the same key", schema = @Schema(type = SchemaType.BOOLEAN))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TeamView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createTeam(@NotNull @Valid TeamRequest request,
                               @HeaderParam(IdempotentRequests.HEADER) @Size(max = 200) String idempotencyKey) {
        return idempotent.execute("POST /v1/teams", idempotencyKey, request, () -> {
            StoredTeam t = teams.create(request, caller.name());
            return Response.created(URI.create("/v1/teams/" + t.id())).entity(TeamView.of(t))
                    .tag(Versions.etag(t.version())).build();
        });
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "listTeams", summary = "Teams by id, optionally of one branch or kind")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<TeamView> listTeams(@QueryParam("branch") @Size(max = 40) String branch,
                                    @QueryParam("kind") TeamKind kind,
                                    @QueryParam("limit") @Min(1) @Max(200) Integer limit,
                                    @QueryParam("cursor") @Size(max = 200) String cursor) {
        Page<StoredTeam> page = teams.list(branch, kind, PageRequest.of(limit, cursor));
        return new Page<>(page.items().stream().map(TeamView::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "getTeam", summary = "A team with its members")
    @APIResponse(responseCode = "200", description = "The team",
            headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TeamView.class)))
    @APIResponse(responseCode = "404", description = "No such team", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getTeam(@PathParam("id") UUID id) {
        StoredTeam t = teams.get(id);
        return Response.ok(TeamView.of(t)).tag(Versions.etag(t.version())).build();
    }

    @PUT
    @Path("/{id}/members/{staffId}")
    @RolesAllowed({Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "putTeamMember", summary = "Add a member or change their capacity and whether they take leads")
    @APIResponse(responseCode = "200", description = "The team")
    @APIResponse(responseCode = "400", description = "Invalid capacity", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such team", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TeamView putTeamMember(@PathParam("id") UUID id, @PathParam("staffId") @Size(min = 1, max = 100) String staffId,
                                  @NotNull @Valid MemberRequest request) {
        return TeamView.of(teams.putMember(id, staffId, request));
    }

    @POST
    @Path("/{id}/members/{staffId}/absences")
    @RolesAllowed({Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "addMemberAbsence", summary = "Record days a member is away: they get no new leads then")
    @APIResponse(responseCode = "201", description = "The team with the absence",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TeamView.class)))
    @APIResponse(responseCode = "400", description = "The absence ends before it starts", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such team or member", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addMemberAbsence(@PathParam("id") UUID id, @PathParam("staffId") @Size(min = 1, max = 100) String staffId,
                                     @NotNull @Valid AbsenceRequest request) {
        return Response.status(201).entity(TeamView.of(teams.addAbsence(id, staffId, request))).build();
    }

    @DELETE
    @Path("/{id}/members/{staffId}/absences/{absenceId}")
    @RolesAllowed({Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "deleteMemberAbsence", summary = "Remove a recorded absence")
    @APIResponse(responseCode = "200", description = "The team without it")
    @APIResponse(responseCode = "404", description = "No such team, member or absence", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TeamView deleteMemberAbsence(@PathParam("id") UUID id, @PathParam("staffId") @Size(min = 1, max = 100) String staffId,
                                        @PathParam("absenceId") UUID absenceId) {
        return TeamView.of(teams.removeAbsence(id, staffId, absenceId));
    }
}
