package io.bankcrm.merchant.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.bankcrm.merchant.service.CardTransactionAnswer;
import io.bankcrm.merchant.service.CardTransactionRequest;
import io.bankcrm.merchant.service.CardTransactions;
import io.bankcrm.merchant.service.RefundAnswer;
import io.bankcrm.merchant.service.RefundRequest;
import io.bankcrm.merchant.service.Refunds;
import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Card transactions from the acquiring switch: one offer, the funders' budgets, the fee split frozen. */
@Path("/v1/card-transactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Card transactions", description = "Sales at partner merchants, as the acquiring switch reports them")
public class CardTransactionResource {

    private final CardTransactions transactions;
    private final Refunds refunds;
    private final CardNumberScreen screen;

    public CardTransactionResource(CardTransactions transactions, Refunds refunds, CardNumberScreen screen) {
        this.transactions = transactions;
        this.refunds = refunds;
        this.screen = screen;
    }

    @POST
    @RolesAllowed(Roles.INTEGRATION)
    @Operation(operationId = "recordCardTransaction", summary = "Record a card transaction at a partner merchant",
            description = "Idempotent on `switchReference` (kept for ever): the same reference with the same body "
                    + "replays the stored answer (200), with another body is a 422. At most one offer applies — the "
                    + "highest benefit, then priority, then id — drawing each funder's part from its budget "
                    + "atomically; the answer gives why the others did not apply, what the cardholder pays, what "
                    + "each funder bears and the fee split by the rule in force (frozen). A full card number "
                    + "anywhere in the request is refused with 400 and never stored or logged.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CardTransactionRequest.class)))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = CardTransactionAnswer.class)))
    @APIResponse(responseCode = "200", description = "The reference was recorded before with this body: its answer",
            content = @Content(schema = @Schema(implementation = CardTransactionAnswer.class)))
    @APIResponse(responseCode = "400", description = "Invalid, or a full card number somewhere in the request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such merchant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The merchant is not ACTIVE, the terminal is not its own, or no "
            + "fee split rule is in force for its MCC group and the card type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A currency other than CNY, or a reference reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(JsonNode body, @Context UriInfo uri) throws JsonProcessingException {
        uri.getQueryParameters().forEach((name, values) -> values.forEach(v -> CardNumberScreen.screen(name, v)));
        CardTransactionRequest request = screen.read(body, CardTransactionRequest.class);
        CardTransactions.Recorded recorded = transactions.record(request);
        CardTransactionAnswer answer = recorded.answer();
        if (!recorded.created()) {
            return Response.ok(answer).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("v1/card-transactions").path(answer.id().toString())
                .build()).entity(answer).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MERCHANT_OPS, Roles.INTEGRATION})
    @Operation(operationId = "getCardTransaction", summary = "Read a card transaction (the card as token and last four)")
    @APIResponse(responseCode = "200", description = "The transaction as it was answered",
            content = @Content(schema = @Schema(implementation = CardTransactionAnswer.class)))
    @APIResponse(responseCode = "404", description = "No such transaction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CardTransactionAnswer get(@PathParam("id") UUID id) {
        return transactions.get(id);
    }

    @GET
    @Path("/{id}/instalment-plan")
    @RolesAllowed({Roles.MERCHANT_OPS, Roles.INTEGRATION})
    @Operation(operationId = "getInstalmentPlan", summary = "The cardholder's instalment plan of a transaction, as it stands",
            description = "Equal instalments, the rounding remainder in the last, summing exactly to principal plus "
                    + "the cardholder's fee; the monthly fee rate and beside it the annualised rate (the IRR of the "
                    + "schedule as first made). After a refund: recomputed on the remaining principal, billed "
                    + "instalments kept, an excess credited; CANCELLED when nothing is left.")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(schema = @Schema(implementation = io.bankcrm.merchant.service.InstalmentPlanView.class)))
    @APIResponse(responseCode = "404", description = "No such transaction, or it was not paid in instalments",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public io.bankcrm.merchant.service.InstalmentPlanView instalmentPlan(@PathParam("id") UUID id) {
        return transactions.instalmentPlan(id);
    }

    @POST
    @Path("/{id}/refunds")
    @RolesAllowed(Roles.INTEGRATION)
    @Operation(operationId = "refundCardTransaction", summary = "Refund a card transaction, in full or in part",
            description = "Up to what is left of the transaction. Each remaining part is taken back in proportion: "
                    + "every funder's discount part goes back to its budget, the fee split is reversed. Idempotent on "
                    + "`refundReference`: the same reference and amount replay the answer (200), another amount is "
                    + "a 422. An instalment plan is recomputed on the remaining principal (cancelled when nothing is "
                    + "left). Publishes crm.merchant.card-refund-recorded when the cardholder is known.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RefundRequest.class)))
    @APIResponse(responseCode = "201", description = "Refunded",
            content = @Content(schema = @Schema(implementation = RefundAnswer.class)))
    @APIResponse(responseCode = "200", description = "This refund reference was recorded before: its answer",
            content = @Content(schema = @Schema(implementation = RefundAnswer.class)))
    @APIResponse(responseCode = "400", description = "Invalid amount or reference, or a full card number in the request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such transaction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "More than is left of the transaction (`refund-exceeds-remainder`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The refund reference was used with another amount or transaction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response refund(@PathParam("id") UUID id, JsonNode body, @Context UriInfo uri)
            throws JsonProcessingException {
        uri.getQueryParameters().forEach((name, values) -> values.forEach(v -> CardNumberScreen.screen(name, v)));
        RefundRequest request = screen.read(body, RefundRequest.class);
        Refunds.Recorded recorded = refunds.refund(id, request);
        if (!recorded.created()) {
            return Response.ok(recorded.answer()).build();
        }
        return Response.status(Response.Status.CREATED).entity(recorded.answer()).build();
    }

    @GET
    @Path("/{id}/refunds")
    @RolesAllowed({Roles.MERCHANT_OPS, Roles.INTEGRATION})
    @Operation(operationId = "listCardRefunds", summary = "The refunds of a card transaction, oldest first")
    @APIResponse(responseCode = "200", description = "The refunds")
    @APIResponse(responseCode = "404", description = "No such transaction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<RefundAnswer> refunds(@PathParam("id") UUID id) {
        return refunds.of(id);
    }
}
