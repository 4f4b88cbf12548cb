package io.bankcrm.crosssell.api;

import io.bankcrm.crosssell.service.Rosters;
import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

/** An employer's staff list for its payroll agreement, applied as a job through customer-service. */
@Path("/v1/payroll-agreements/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rosters")
public class RosterResource {

    private final Rosters rosters;
    private final Caller caller;

    public RosterResource(Rosters rosters, Caller caller) {
        this.rosters = rosters;
        this.caller = caller;
    }

    @POST
    @Path("/rosters")
    @Consumes({"text/csv", "application/x-ndjson", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "submitRoster", summary = "Submit the employer's staff list (CSV with a header, NDJSON or a JSON array)",
            description = "Columns: name, idNumber, mobile, position, officerRole, salaryBand. Each employee is registered "
                    + "or matched in customer-service and linked EMPLOYEE_OF (and OFFICER_OF); people missing from the "
                    + "previous roster leave (withheld when rows failed or more than 30% of 20 or more would leave, "
                    + "unless confirmLeavers=true). ID numbers and mobiles are not kept. Answers 202 with the job.")
    // The file is streamed to the spool, bounded by the HTTP body limit (quarkus.http.limits.max-body-size, 512 MiB)
    @RequestBody(required = true, content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, maxLength = 536870912)),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING, maxLength = 536870912)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.STRING, maxLength = 536870912))})
    @APIResponse(responseCode = "202", description = "Accepted; Location names the roster",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 2000)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rosters.RosterStatus.class)))
    @APIResponse(responseCode = "400", description = "An unreadable or empty file, or an unknown column", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such payroll agreement", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The agreement is not ACTIVE", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submitRoster(@PathParam("id") UUID id, InputStream body,
                                 @HeaderParam(HttpHeaders.CONTENT_TYPE) @Size(max = 200) String contentType,
                                 @QueryParam("confirmLeavers") @DefaultValue("false") boolean confirmLeavers) {
        Rosters.RosterStatus roster = rosters.submit(id, body, contentType, confirmLeavers, caller.name());
        return Response.accepted(roster)
                .location(URI.create("/v1/payroll-agreements/" + id + "/rosters/" + roster.job().id())).build();
    }

    @GET
    @Path("/rosters/{rosterId}")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getRoster", summary = "A roster's job: status, phase (\"waiting for customer-service\" while paused), what it changed")
    @APIResponse(responseCode = "200", description = "The roster")
    @APIResponse(responseCode = "404", description = "No such roster of this agreement", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Rosters.RosterStatus getRoster(@PathParam("id") UUID id, @PathParam("rosterId") UUID rosterId) {
        return rosters.get(id, rosterId);
    }

    @GET
    @Path("/rosters/{rosterId}/errors")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "listRosterErrors", summary = "The rows not applied: row, field, message (never the ID number or mobile)")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "404", description = "No such roster", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<Rosters.RowError> listRosterErrors(@PathParam("id") UUID id, @PathParam("rosterId") UUID rosterId,
                                                   @QueryParam("limit") @Min(1) @Max(200) Integer limit,
                                                   @QueryParam("cursor") @Size(max = 200) String cursor) {
        return rosters.errors(id, rosterId, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/members")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "listAgreementMembers", summary = "The current members of the agreement's roster (customer ids and roster facts)")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "404", description = "No such payroll agreement", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<Rosters.Member> listAgreementMembers(@PathParam("id") UUID id,
                                                     @QueryParam("limit") @Min(1) @Max(200) Integer limit,
                                                     @QueryParam("cursor") @Size(max = 200) String cursor) {
        return rosters.members(id, PageRequest.of(limit, cursor));
    }
}
