package io.bankcrm.merchant.api;

import io.bankcrm.merchant.domain.offer.Funder;
import io.bankcrm.merchant.domain.offer.OfferStatus;
import io.bankcrm.merchant.service.OfferForm;
import io.bankcrm.merchant.service.Offers;
import io.bankcrm.merchant.service.StoredOffer;
import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.time.BankClock;
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

import java.util.UUID;

/** Card-linked offers with per-funder budgets. */
@Path("/v1/offers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Offers", description = "Merchant-funded, co-funded and fixed-amount offers with one budget per funder")
public class OfferResource {

    private final Offers offers;
    private final IdempotentRequests idempotency;
    private final BankClock clock;

    public OfferResource(Offers offers, IdempotentRequests idempotency, BankClock clock) {
        this.offers = offers;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.MERCHANT_OPS)
    @Operation(operationId = "createOffer", summary = "Create an offer (DRAFT) with each funder's budget",
            description = "CO_FUNDED shares are fractions of the amount adding up to less than 1 (merchant 0.20 + bank "
                    + "0.30 is half price); every funder with a share has a budget. Idempotency-Key supported.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = OfferView.class)))
    @APIResponse(responseCode = "400", description = "Invalid shares, conditions or budgets, each field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such merchant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid OfferForm form,
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return idempotency.execute("POST /v1/offers", idempotencyKey, form, () -> {
            StoredOffer offer = offers.create(form);
            return Response.created(uri.getAbsolutePathBuilder().path(offer.offer().id().toString()).build())
                    .tag(Versions.etag(offer.version())).entity(OfferView.of(offer, clock.today())).build();
        });
    }

    @GET
    @RolesAllowed({Roles.MERCHANT_OPS, Roles.CRM_ADMIN})
    @Operation(operationId = "listOffers", summary = "List offers, optionally of one merchant and stored status")
    @APIResponse(responseCode = "200", description = "One page of offers")
    @APIResponse(responseCode = "400", description = "A malformed filter, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<OfferView> list(@QueryParam("merchantId") UUID merchantId, @QueryParam("status") OfferStatus status,
                                @QueryParam("limit") @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
                                @QueryParam("cursor") String cursor) {
        Page<StoredOffer> page = offers.page(merchantId, status, PageRequest.of(limit, cursor));
        return new Page<>(page.items().stream().map(o -> OfferView.of(o, clock.today())).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MERCHANT_OPS, Roles.CRM_ADMIN})
    @Operation(operationId = "getOffer", summary = "Read an offer with its budgets; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The offer",
            content = @Content(schema = @Schema(implementation = OfferView.class)))
    @APIResponse(responseCode = "404", description = "No such offer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        StoredOffer offer = offers.get(id);
        return Response.ok(OfferView.of(offer, clock.today())).tag(Versions.etag(offer.version())).build();
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed(Roles.MERCHANT_OPS)
    @Operation(operationId = "changeOfferStatus", summary = "Schedule, pause, resume or expire an offer",
            description = "Requires If-Match. A scheduled offer is live from its first day; 409 names the allowed steps.")
    @APIResponse(responseCode = "200", description = "The offer after the step",
            content = @Content(schema = @Schema(implementation = OfferView.class)))
    @APIResponse(responseCode = "404", description = "No such offer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from its status (`illegal-transition`), or it ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeStatus(@PathParam("id") UUID id, @NotNull @Valid OfferStatusChange change,
                                 @HeaderParam("If-Match") String ifMatch) {
        StoredOffer offer = offers.change(id, change.action(), ifMatch);
        return Response.ok(OfferView.of(offer, clock.today())).tag(Versions.etag(offer.version())).build();
    }

    @POST
    @Path("/{id}/budgets/{funder}/top-ups")
    @RolesAllowed(Roles.MERCHANT_OPS)
    @Operation(operationId = "topUpOfferBudget", summary = "Add to one funder's budget",
            description = "Lifts the funder's exhaustion mark; an EXHAUSTED offer whose funders can all pay again is "
                    + "LIVE again. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "The offer with the budget topped up",
            content = @Content(schema = @Schema(implementation = OfferView.class)))
    @APIResponse(responseCode = "400", description = "Not a positive amount to the fen, or a funder without a part",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such offer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response topUp(@PathParam("id") UUID id, @PathParam("funder") Funder funder,
                          @NotNull @Valid TopUp topUp, @HeaderParam("If-Match") String ifMatch) {
        StoredOffer offer = offers.topUp(id, funder, topUp.amount(), ifMatch);
        return Response.ok(OfferView.of(offer, clock.today())).tag(Versions.etag(offer.version())).build();
    }

    /** More budget for one funder, CNY. */
    public record TopUp(@NotNull @jakarta.validation.constraints.DecimalMin("0.01")
                        @jakarta.validation.constraints.Digits(integer = 10, fraction = 2) java.math.BigDecimal amount) {
    }
}
