package io.bankcrm.merchant.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.bankcrm.merchant.service.CardEvent;
import io.bankcrm.merchant.service.ReferralSignUp;
import io.bankcrm.merchant.service.ReferralSignUps;
import io.bankcrm.merchant.service.Referrals;
import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.IdempotentRequests;
import io.bankcrm.platform.web.Versions;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Referral sign-ups (a PROSPECT in customer-service) and the card events that convert or claw them back. */
@Path("/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals", description = "Cardholders signed up with a merchant's referral code: registered as "
        + "PROSPECT customers in customer-service (their personal data stays there), converted by the card's "
        + "activation and first purchase within the window, clawed back by its closure within the clawback window")
public class ReferralResource {

    private final ReferralSignUps signUps;
    private final Referrals referrals;
    private final CardNumberScreen screen;

    public ReferralResource(ReferralSignUps signUps, Referrals referrals, CardNumberScreen screen) {
        this.signUps = signUps;
        this.referrals = referrals;
        this.screen = screen;
    }

    @POST
    @RolesAllowed({Roles.INTEGRATION, Roles.MERCHANT_OPS})
    @Operation(operationId = "signUpReferral", summary = "Sign up a card applicant with a merchant's referral code",
            description = "Registers the applicant as a PROSPECT customer in customer-service (as a system caller, "
                    + "Idempotency-Key derived from the referral id; the same person registered before is linked) and "
                    + "stores the referral with the customer's id only: the applicant's name, ID number and mobile are "
                    + "neither stored nor published here. With an Idempotency-Key a repeat replays the referral (200); "
                    + "with another body it is a 422. A full card number anywhere in the body is refused.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReferralSignUp.class)))
    @APIResponse(responseCode = "201", description = "Signed up",
            headers = {@Header(name = "Location", description = "The referral",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = "Its version", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "200", description = "A replay of the same sign-up (same Idempotency-Key and body)",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "A malformed code or applicant, a code no programme has, a "
            + "card number, or an applicant customer-service refuses (each field named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The programme takes no sign-ups today "
            + "(`referral-programme-closed`) or its merchant is not ACTIVE (`merchant-not-active`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another sign-up",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "customer-service cannot register the applicant now; "
            + "retry later (nothing was stored)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response signUp(JsonNode body, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                           @Context UriInfo uri) throws JsonProcessingException {
        uri.getQueryParameters().forEach((name, values) -> values.forEach(v -> CardNumberScreen.screen(name, v)));
        ReferralSignUp signUp = screen.read(body, ReferralSignUp.class, java.util.Set.of("applicant.idNumber"));
        ReferralSignUps.SignedUp done = signUps.signUp(signUp, idempotencyKey);
        Referrals.StoredReferral r = done.referral();
        Response.ResponseBuilder answer = done.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(r.referral().id().toString()).build())
                : Response.ok();
        return answer.tag(Versions.etag(r.version())).entity(ReferralView.of(r)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INTEGRATION, Roles.MERCHANT_OPS, Roles.CRM_ADMIN})
    @Operation(operationId = "getReferral", summary = "Read a referral: its status, commission and windows")
    @APIResponse(responseCode = "200", description = "The referral",
            headers = @Header(name = "ETag", description = "Its version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "404", description = "No such referral",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Referrals.StoredReferral r = referrals.get(id);
        return Response.ok(ReferralView.of(r)).tag(Versions.etag(r.version())).build();
    }

    @POST
    @Path("/{id}/card-events")
    @RolesAllowed(Roles.INTEGRATION)
    @Operation(operationId = "recordReferralCardEvent", summary = "Record what the card system saw of a referred card",
            description = "ACTIVATED, then FIRST_PURCHASE within the window converts the referral (the programme's "
                    + "reward and split frozen, `crm.merchant.referral-converted` published, the merchant's part on "
                    + "that day's statement); CLOSED within the clawback window claws it back (on that day's "
                    + "statement). Repeated or late events change nothing (200 with the referral as it is).")
    @APIResponse(responseCode = "200", description = "The referral after the event",
            headers = @Header(name = "ETag", description = "Its version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "No type, or a time in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such referral",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A first purchase before the card was activated "
            + "(`illegal-referral-step`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cardEvent(@PathParam("id") UUID id, @NotNull @Valid CardEvent event) {
        Referrals.StoredReferral r = referrals.cardEvent(id, event);
        return Response.ok(ReferralView.of(r)).tag(Versions.etag(r.version())).build();
    }
}
