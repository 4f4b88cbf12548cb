package io.bankcrm.customer.api;

import io.bankcrm.customer.service.Customer;
import io.bankcrm.customer.service.CustomerProfile;
import io.bankcrm.customer.service.MatchRequest;
import io.bankcrm.customer.service.SearchCriteria;
import io.bankcrm.customer.service.StatusChange;
import com.fasterxml.jackson.databind.JsonNode;
import io.bankcrm.customer.domain.CustomerKind;
import io.bankcrm.customer.domain.CustomerStatus;
import io.bankcrm.customer.service.CustomerLifecycle;
import io.bankcrm.customer.service.CustomerMatching;
import io.bankcrm.customer.service.CustomerRegistration;
import io.bankcrm.customer.service.CustomerSearch;
import io.bankcrm.customer.service.CustomerStore;
import io.bankcrm.customer.service.ProfileChanges;
import io.bankcrm.platform.openapi.ApiContract;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.IdempotentRequests;
import io.bankcrm.platform.web.MergePatch;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
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

import java.util.List;
import java.util.UUID;

@Path("/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "One record per customer, individual or corporate")
public class CustomerResource {

    private final CustomerStore customers;
    private final CustomerRegistration registration;
    private final ProfileChanges changes;
    private final CustomerLifecycle lifecycle;
    private final CustomerMatching matching;
    private final CustomerSearch searching;
    private final CustomerViews views;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public CustomerResource(CustomerStore customers, CustomerRegistration registration, ProfileChanges changes,
                            CustomerLifecycle lifecycle, CustomerMatching matching, CustomerSearch searching,
                            CustomerViews views, IdempotentRequests idempotency, Caller caller) {
        this.customers = customers;
        this.registration = registration;
        this.changes = changes;
        this.lifecycle = lifecycle;
        this.matching = matching;
        this.searching = searching;
        this.views = views;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "registerCustomer", summary = "Register a customer",
            description = "409 names the existing customer when the ID number, credit code, or name and mobile are taken.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CustomerProfile.class), examples = {
            @ExampleObject(name = "individual", summary = "A retail customer", value = ApiExamples.INDIVIDUAL_PROFILE),
            @ExampleObject(name = "corporate", summary = "A corporate customer", value = ApiExamples.CORPORATE_PROFILE)}))
    @APIResponse(responseCode = "201", description = "Registered; Location is the new record, ETag its version",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 2000)),
                    @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
                    @Header(name = "Idempotency-Replayed", description = "true when this is the stored answer to an earlier request with the same key",
                            schema = @Schema(type = SchemaType.BOOLEAN))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class),
                    examples = @ExampleObject(name = "individual", value = ApiExamples.INDIVIDUAL_VIEW)))
    @APIResponse(responseCode = "409", description = "The customer exists already: `existingCustomerId` names it")
    public Response register(@NotNull @Valid CustomerProfile profile,
                             @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return idempotency.execute("POST /v1/customers", idempotencyKey, profile, () -> {
            Customer c = registration.register(profile, caller.name());
            return Response.created(uri.getAbsolutePathBuilder().path(c.id.toString()).build())
                    .tag(Versions.etag(c.version)).entity(views.of(c)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.RISK_ANALYST, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "listCustomers", summary = "Search customers",
            description = "Filters combine; name matches by prefix. Phone and ID number are searched with POST /v1/customers/search, which keeps them out of URLs and access logs.")
    @APIResponse(responseCode = "200", description = "A page of customers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerPage.class)))
    public Page<CustomerView> search(@QueryParam("namePrefix") @Size(max = 200) String namePrefix,
                                     @Parameter(hidden = true) @QueryParam("phone") String phone,
                                     @Parameter(hidden = true) @QueryParam("idNumber") String idNumber,
                                     @QueryParam("kind") CustomerKind kind, @QueryParam("status") CustomerStatus status,
                                     @QueryParam("tier") @Size(max = 40) String tier,
                                     @QueryParam("branch") @Size(max = 50) String branch,
                                     @QueryParam("manager") @Size(max = 100) String manager,
                                     @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        if (phone != null || idNumber != null) {
            // refused rather than ignored: ignoring them would answer with everyone instead of the match
            throw ProblemException.invalidField(phone != null ? "phone" : "idNumber",
                    "is searched with POST /v1/customers/search, to keep it out of URLs and access logs");
        }
        return searchBy(new SearchCriteria(namePrefix, null, null, null, kind, status, tier, branch, manager,
                limit, cursor));
    }

    @POST
    @Path("/search")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.RISK_ANALYST, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "searchCustomers", summary = "Search customers, criteria in the body (phone and ID number included)")
    @APIResponse(responseCode = "200", description = "A page of customers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerPage.class)))
    public Page<CustomerView> searchBy(@NotNull @Valid SearchCriteria criteria) {
        Page<Customer> page = searching.search(criteria);
        return new Page<>(page.items().stream().map(views::of).toList(), page.nextCursor());
    }

    @POST
    @Path("/match")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "matchCustomers", summary = "Find customers who may be the person or organisation described")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MatchRequest.class),
            examples = @ExampleObject(name = "byIdNumber", value = ApiExamples.MATCH_REQUEST)))
    @APIResponse(responseCode = "200", description = "The candidates, best first, each with what matched (empty: none)")
    public List<MatchCandidate> match(@NotNull @Valid MatchRequest request) {
        return matching.match(request).stream()
                .map(candidate -> new MatchCandidate(views.of(candidate.customer()), candidate.matchedOn()))
                .toList();
    }

    @GET
    @Path("/incomplete")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "listIncompleteCustomers",
            summary = "Customers of a branch or manager whose profile completeness is below a level")
    @APIResponse(responseCode = "200", description = "A page of customers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerPage.class)))
    public Page<CustomerView> incomplete(@QueryParam("branch") @Size(max = 50) String branch,
                                         @QueryParam("manager") @Size(max = 100) String manager,
                                         @QueryParam("below") @DefaultValue("100") @Min(0) @Max(100) int below,
                                         @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Page<Customer> page = searching.incomplete(branch, manager, below, limit, cursor);
        return new Page<>(page.items().stream().map(views::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.RISK_ANALYST, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getCustomer", summary = "Read a customer; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The customer",
            headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class),
                    examples = @ExampleObject(name = "individual", value = ApiExamples.INDIVIDUAL_VIEW)))
    public Response get(@PathParam("id") UUID id) {
        Customer c = customers.get(id);
        return Response.ok(views.of(c)).tag(Versions.etag(c.version)).build();
    }

    @GET
    @Path("/{id}/completeness")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getCustomerCompleteness", summary = "Profile completeness: the score and the missing or invalid fields")
    @APIResponse(responseCode = "200", description = "The score (0-100) and the fields at fault",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.CompletenessView.class)))
    public CustomerView.CompletenessView completeness(@PathParam("id") UUID id) {
        return views.of(customers.get(id)).completeness();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "updateCustomer", summary = "Change profile fields (JSON merge patch; null clears a field)",
            description = "Requires If-Match with the current ETag: 428 without it, 412 when stale. The patch holds "
                    + "the profile fields to change (as in registration, kind excepted); fields not named stay.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = ProfilePatch.class),
                    examples = @ExampleObject(name = "newAddress", value = ApiExamples.PATCH)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProfilePatch.class))})
    @APIResponse(responseCode = "200", description = "The changed customer; ETag its new version",
            headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    public Response update(@PathParam("id") UUID id, @NotNull JsonNode patch,
                           @Parameter(required = true) @HeaderParam("If-Match") String ifMatch) {
        Customer c = changes.update(id, patch, ifMatch, caller.name());
        return Response.ok(views.of(c)).tag(Versions.etag(c.version)).build();
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "changeCustomerStatus",
            summary = "Move the customer along its lifecycle (PROSPECT, ACTIVE, DORMANT, CLOSED)",
            description = "409 for a transition the lifecycle does not allow; requires If-Match.")
    @APIResponse(responseCode = "200", description = "The customer in its new status; ETag its new version",
            headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "409", description = "The lifecycle does not allow this transition; the problem names the allowed ones")
    public Response changeStatus(@PathParam("id") UUID id, @NotNull @Valid StatusChange change,
                                 @Parameter(required = true) @HeaderParam("If-Match") String ifMatch) {
        Customer c = lifecycle.changeStatus(id, change, ifMatch, caller.name());
        return Response.ok(views.of(c)).tag(Versions.etag(c.version)).build();
    }
}
