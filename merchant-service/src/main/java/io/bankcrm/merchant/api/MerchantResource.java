package io.bankcrm.merchant.api;

import io.bankcrm.merchant.domain.merchant.MccGroup;
import io.bankcrm.merchant.domain.onboarding.OnboardingStatus;
import io.bankcrm.merchant.service.Merchant;
import io.bankcrm.merchant.service.MerchantForm;
import io.bankcrm.merchant.service.MerchantOnboarding;
import io.bankcrm.merchant.service.MerchantStore;
import io.bankcrm.merchant.service.OnboardingAction;
import io.bankcrm.merchant.service.StepRequest;
import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.problem.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Merchants and their onboarding: applications, the onboarding view, documents, steps and the overdue list. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Merchants", description = "Card partner merchants and their onboarding")
public class MerchantResource {

    private final MerchantOnboarding onboarding;
    private final MerchantStore merchants;
    private final MerchantViews views;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public MerchantResource(MerchantOnboarding onboarding, MerchantStore merchants, MerchantViews views,
                            IdempotentRequests idempotency, Caller caller) {
        this.onboarding = onboarding;
        this.merchants = merchants;
        this.views = views;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/merchants")
    @RolesAllowed({Roles.MERCHANT_OPS, Roles.INTEGRATION})
    @Operation(operationId = "createMerchant", summary = "Apply for a card partnership",
            description = "Checks every field at once (credit code and resident ID check characters, licence, MCC "
                    + "list, addresses, settlement account) and starts onboarding in APPLIED. Idempotency-Key: a "
                    + "retry with the same key and body replays the answer.")
    @APIResponse(responseCode = "201", description = "Registered; the body is the merchant, the ETag its version",
            content = @Content(schema = @Schema(implementation = MerchantView.class)))
    @APIResponse(responseCode = "400", description = "Invalid application: every field at fault in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The credit code is already a merchant (`existingMerchantId`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid MerchantForm form,
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return idempotency.execute("POST /v1/merchants", idempotencyKey, form, () -> {
            Merchant m = onboarding.register(form.toApplication());
            return Response.created(uri.getBaseUriBuilder().path("v1/merchants").path(m.id().toString()).build())
                    .tag(Versions.etag(m.version())).entity(views.of(m)).build();
        });
    }

    @GET
    @Path("/merchants")
    @RolesAllowed({Roles.MERCHANT_OPS, Roles.RISK_ANALYST, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "listMerchants", summary = "List merchants, optionally by status and MCC group",
            description = "Cursor paging in id order: pass `nextCursor` as `cursor` for the next page.")
    @APIResponse(responseCode = "200", description = "One page of merchants")
    @APIResponse(responseCode = "400", description = "A malformed filter, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<MerchantView> list(@QueryParam("status") OnboardingStatus status,
                                   @QueryParam("mccGroup") MccGroup mccGroup,
                                   @QueryParam("limit") @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
                                   @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        Page<Merchant> found = merchants.page(status, mccGroup, page);
        return new Page<>(found.items().stream().map(views::of).toList(), found.nextCursor());
    }

    @GET
    @Path("/merchants/{id}")
    @RolesAllowed({Roles.MERCHANT_OPS, Roles.RISK_ANALYST, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getMerchant", summary = "Read a merchant; the ETag is its version",
            description = "The legal representative's resident ID is masked unless the caller holds pii-reader.")
    @APIResponse(responseCode = "200", description = "The merchant",
            content = @Content(schema = @Schema(implementation = MerchantView.class)))
    @APIResponse(responseCode = "404", description = "No such merchant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Merchant m = onboarding.get(id);
        return Response.ok(views.of(m)).tag(Versions.etag(m.version())).build();
    }

    @GET
    @Path("/merchants/{id}/onboarding")
    @RolesAllowed({Roles.MERCHANT_OPS, Roles.RISK_ANALYST, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getOnboarding", summary = "Read a merchant's onboarding",
            description = "Status, every step with who and when, the steps allowed now, the requirements list "
                    + "(documents RECEIVED, DUE or PAST_DUE with their deadline), the step the merchant is late "
                    + "with against the SLA, the risk decision and the terminals. The ETag is the merchant's version.")
    @APIResponse(responseCode = "200", description = "The onboarding",
            content = @Content(schema = @Schema(implementation = OnboardingView.class)))
    @APIResponse(responseCode = "404", description = "No such merchant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getOnboarding(@PathParam("id") UUID id) {
        Merchant m = onboarding.get(id);
        return Response.ok(views.onboardingOf(m)).tag(Versions.etag(m.version())).build();
    }

    @POST
    @Path("/merchants/{id}/onboarding/documents")
    @RolesAllowed(Roles.MERCHANT_OPS)
    @Operation(operationId = "receiveDocument", summary = "Record a document the merchant handed in",
            description = "Only while the application waits for verification (APPLIED); the receipt records who and when.")
    @APIResponse(responseCode = "200", description = "The onboarding with the document received",
            content = @Content(schema = @Schema(implementation = OnboardingView.class)))
    @APIResponse(responseCode = "400", description = "A document type this merchant's category does not require",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such merchant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The merchant is past the document stage (`illegal-onboarding-step`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receiveDocument(@PathParam("id") UUID id, @NotNull @Valid DocumentReceipt receipt) {
        Merchant m = onboarding.receiveDocument(id, receipt.type());
        return Response.ok(views.onboardingOf(m)).tag(Versions.etag(m.version())).build();
    }

    @POST
    @Path("/merchants/{id}/onboarding/steps")
    @RolesAllowed({Roles.MERCHANT_OPS, Roles.RISK_ANALYST})
    @Operation(operationId = "takeOnboardingStep", summary = "Take an onboarding step",
            description = "VERIFY_DOCUMENTS, ASSESS_RISK (risk-analyst), SIGN_AGREEMENT, INSTALL_TERMINALS, "
                    + "COMPLETE_TRAINING, ACTIVATE, SUSPEND, REINSTATE, TERMINATE (merchant-ops). Requires "
                    + "If-Match with the merchant's ETag. A step the status does not allow is a 409 naming the "
                    + "allowed ones; the step records who and when and publishes crm.merchant.status-changed.")
    @APIResponse(responseCode = "200", description = "The onboarding after the step",
            content = @Content(schema = @Schema(implementation = OnboardingView.class)))
    @APIResponse(responseCode = "400", description = "The step lacks what it needs (reason, risk decision, terminal ids)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ASSESS_RISK by someone not a risk-analyst, or another step by "
            + "someone not merchant-ops",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such merchant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the current status (`illegal-transition` "
            + "with `allowed`), an expired licence, missing documents, or a terminal id of another merchant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response takeStep(@PathParam("id") UUID id, @NotNull @Valid StepRequest step,
                             @HeaderParam("If-Match") String ifMatch) {
        String needed = step.step() == OnboardingAction.ASSESS_RISK ? Roles.RISK_ANALYST : Roles.MERCHANT_OPS;
        if (!caller.hasRole(needed)) {
            throw new ProblemException("forbidden", "Forbidden", 403, step.step() + " is taken by " + needed,
                    null, null);
        }
        Merchant m = onboarding.take(id, step, ifMatch);
        return Response.ok(views.onboardingOf(m)).tag(Versions.etag(m.version())).build();
    }

    @GET
    @Path("/onboarding/overdue")
    @RolesAllowed({Roles.MERCHANT_OPS, Roles.CRM_ADMIN})
    @Operation(operationId = "listOverdueOnboardings", summary = "Merchants late against the onboarding SLA",
            description = "Every merchant that waits in a status longer than `merchant.onboarding.sla.*` allows, "
                    + "the longest overdue first (a declined merchant waits for nothing).")
    @APIResponse(responseCode = "200", description = "The overdue merchants, at most `limit`")
    public List<OnboardingView.OverdueView> overdue(
            @QueryParam("limit") @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit) {
        int max = limit == null ? PageRequest.DEFAULT_LIMIT : limit;
        return onboarding.overdue(max).stream()
                .map(late -> MerchantViews.overdue(late.overdue(), late.merchant())).toList();
    }
}
