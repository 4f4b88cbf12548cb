package io.bankcrm.crosssell.api;

import io.bankcrm.crosssell.domain.lead.LeadSource;
import io.bankcrm.crosssell.domain.lead.LeadStatus;
import io.bankcrm.crosssell.service.ConversionRequest;
import io.bankcrm.crosssell.service.Conversions;
import io.bankcrm.crosssell.service.LeadFilter;
import io.bankcrm.crosssell.service.LeadRequests;
import io.bankcrm.crosssell.service.LeadStore;
import io.bankcrm.crosssell.service.Leads;
import io.bankcrm.crosssell.service.StoredLead;
import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.time.BankClock;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Leads: the work list, manual leads, the steps people take, approval and reassignment. */
@Path("/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Leads")
public class LeadResource {

    private final Leads leads;
    private final LeadStore store;
    private final IdempotentRequests idempotent;
    private final Caller caller;
    private final BankClock clock;
    private final Conversions conversions;

    public LeadResource(Leads leads, LeadStore store, IdempotentRequests idempotent, Caller caller, BankClock clock,
                        Conversions conversions) {
        this.conversions = conversions;
        this.leads = leads;
        this.store = store;
        this.idempotent = idempotent;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "listLeads", summary = "Leads, highest priority first, then oldest",
            description = "overdue=true: uncontacted leads past their first-contact deadline.")
    @APIResponse(responseCode = "200", description = "One page; nextCursor continues")
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<LeadView> listLeads(@QueryParam("status") LeadStatus status, @QueryParam("teamId") UUID teamId,
                                    @QueryParam("assignee") @Size(max = 100) String assignee,
                                    @QueryParam("product") @Size(max = 40) String product,
                                    @QueryParam("source") LeadSource source,
                                    @QueryParam("agreementId") UUID agreementId,
                                    @QueryParam("campaignId") UUID campaignId,
                                    @QueryParam("customerId") UUID customerId,
                                    @QueryParam("overdue") @DefaultValue("false") boolean overdue,
                                    @QueryParam("limit") @Min(1) @Max(200) Integer limit,
                                    @QueryParam("cursor") @Size(max = 300) String cursor) {
        var now = clock.now();
        Page<StoredLead> page = store.list(new LeadFilter(status, teamId, assignee, product, source, agreementId,
                campaignId, customerId, overdue), now, PageRequest.of(limit, cursor));
        return new Page<>(page.items().stream().map(l -> LeadView.of(l, now, null)).toList(), page.nextCursor());
    }

    @POST
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "createLead", summary = "A relationship manager's own lead (source MANUAL)",
            description = "Accepts Idempotency-Key. Given to the creator unless assignee names another member.")
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 2000)),
                    @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
                    @Header(name = "Idempotency-Replayed", description = "true when this is the stored answer to an earlier request with the same key", schema = @Schema(type = SchemaType.BOOLEAN))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request or unknown product", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The customer has an open lead for the product; existingLeadId names it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not eligible (refusals lists why) or an unknown customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createLead(@NotNull @Valid LeadRequests.Manual request,
                               @HeaderParam(IdempotentRequests.HEADER) @Size(max = 200) String idempotencyKey) {
        return idempotent.execute("POST /v1/leads", idempotencyKey, request, () -> {
            StoredLead l = leads.manual(request.customerId(), request.product(), request.assignee(), request.reason(),
                    caller.name());
            return Response.created(URI.create("/v1/leads/" + l.id())).entity(view(l))
                    .tag(Versions.etag(l.version())).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "getLead", summary = "A lead with its priority explained, deadline and history")
    @APIResponse(responseCode = "200", description = "The lead",
            headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "404", description = "No such lead", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getLead(@PathParam("id") UUID id) {
        StoredLead l = leads.get(id);
        return Response.ok(view(l)).tag(Versions.etag(l.version())).build();
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "changeLeadStatus", summary = "CONTACT, QUALIFY or LOSE the lead",
            description = "NEW → CONTACTED → QUALIFIED; LOST after contact, with a reason. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Moved; the new ETag",
            headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "400", description = "A reason is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such lead", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The life cycle does not allow the step (allowed lists those it does), or contact needs the corporate RM's approval first", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeLeadStatus(@PathParam("id") UUID id, @NotNull @Valid LeadRequests.Step step,
                                     @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 100) String ifMatch) {
        StoredLead l = leads.act(id, step.action(), step.reason(), ifMatch, caller.name());
        return Response.ok(view(l)).tag(Versions.etag(l.version())).build();
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER})
    @Operation(operationId = "approveLeadContact", summary = "Clear contact with a sensitive employer's officer",
            description = "Only the corporate relationship manager who signed the agreement.")
    @APIResponse(responseCode = "200", description = "Approved",
            headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "403", description = "Not the agreement's relationship manager", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such lead", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The lead needs no approval", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response approveLeadContact(@PathParam("id") UUID id) {
        StoredLead l = leads.approve(id, caller.name());
        return Response.ok(view(l)).tag(Versions.etag(l.version())).build();
    }

    @POST
    @Path("/{id}/assignment")
    @RolesAllowed({Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "reassignLead", summary = "Give the lead to another member of its team",
            description = "The team's lead (or crm-admin); a fresh first-contact deadline starts. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Reassigned",
            headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "400", description = "Not an active member of the team", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the team's lead", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such lead", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The lead is closed or held, or has no team", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reassignLead(@PathParam("id") UUID id, @NotNull @Valid LeadRequests.Reassignment request,
                                 @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 100) String ifMatch) {
        StoredLead l = leads.reassign(id, request.assignee(), request.reason(), ifMatch, caller.name(),
                caller.hasRole(Roles.CRM_ADMIN));
        return Response.ok(view(l)).tag(Versions.etag(l.version())).build();
    }

    @POST
    @Path("/{id}/conversion")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "convertLead", summary = "Record what a qualified lead opened, and credit it",
            description = "The credit is split by the rule version in force on openedOn between the agreement's corporate "
                    + "team and the converting member's retail team (within the rule's window after the link), the "
                    + "shares summing exactly to the value; the rule is frozen on the record. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Converted; the credit record in `credit`",
            headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConvertedLead.class)))
    @APIResponse(responseCode = "400", description = "Invalid value, date or reference (a card number is refused)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such lead", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Only a QUALIFIED lead with an assignee converts", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response convertLead(@PathParam("id") UUID id, @NotNull @Valid ConversionRequest request,
                                @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 100) String ifMatch) {
        StoredLead l = conversions.convert(id, request, ifMatch, caller.name());
        return Response.ok(new ConvertedLead(view(l), conversions.credit(id).map(CreditView::of).orElse(null)))
                .tag(Versions.etag(l.version())).build();
    }

    @GET
    @Path("/{id}/credit")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "getLeadCredit", summary = "The credit record of a converted lead, as written then")
    @APIResponse(responseCode = "200", description = "The credit lines and the frozen rule")
    @APIResponse(responseCode = "404", description = "No such lead, or not converted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CreditView getLeadCredit(@PathParam("id") UUID id) {
        return conversions.credit(id).map(CreditView::of)
                .orElseThrow(() -> io.bankcrm.platform.problem.ProblemException.notFound("credit of lead", id));
    }

    /** A conversion's answer: the lead and its credit record. */
    @Schema(name = "ConvertedLead")
    public record ConvertedLead(LeadView lead, CreditView credit) {
    }

    private LeadView view(StoredLead l) {
        List<io.bankcrm.crosssell.service.LeadHistoryLine> history = store.history(l.id());
        return LeadView.of(l, clock.now(), history);
    }
}
