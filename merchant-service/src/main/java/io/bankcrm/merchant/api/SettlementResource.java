package io.bankcrm.merchant.api;

import io.bankcrm.merchant.service.SettlementStatementView;
import io.bankcrm.merchant.service.Settlements;
import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** A merchant's daily settlement statements, as the day's job stored them; JSON or CSV. */
@Path("/v1/merchants/{id}/settlements")
@Tag(name = "Settlement", description = "One statement per merchant and settlement day, built by a job at the day's "
        + "cut-off and stored: sales, discounts by funder, refunds, fees by party, instalment principal, referral "
        + "commissions and clawbacks, the net payable")
public class SettlementResource {

    static final String CSV = "text/csv";

    private final Settlements settlements;

    public SettlementResource(Settlements settlements) {
        this.settlements = settlements;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.MERCHANT_OPS, Roles.INTEGRATION})
    @Operation(operationId = "getSettlementStatement", summary = "Read a merchant's settlement statement of a day",
            description = "The statement as stored by the day's settlement job (the day closes at "
                    + "`merchant.settlement.cutoff` in the bank's zone; the job runs `merchant.settlement.grace` "
                    + "later). `Accept: text/csv` gives the lines, one row each, then a TOTAL row with the "
                    + "statement's figures. 404 while the day is open, before its job completed, or when the "
                    + "merchant had neither sales nor refunds that day (the detail says which).")
    @APIResponse(responseCode = "200", description = "The statement with its lines", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SettlementStatementView.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, maxLength = 104857600,
                    description = "Header row, one row per line, then a TOTAL row"),
                    example = "kind,seq,reference,at,gross,discountMerchant,discountBank,discountNetwork,"
                            + "cardholderRefund,feeIssuer,feeAcquirer,feeNetwork,instalmentPrincipal,"
                            + "merchantInstalmentFee,referralCommission,referralClawback,net\n"
                            + "SALE,1,6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f,2026-12-01T03:15:00Z,200.00,40.00,60.00,"
                            + "0.00,0.00,0.42,0.12,0.06,0.00,0.00,0.00,0.00,159.40\n"
                            + "TOTAL,,,,200.00,40.00,60.00,0.00,0.00,0.42,0.12,0.06,0.00,0.00,0.00,0.00,159.40\n")})
    @APIResponse(responseCode = "400", description = "`date` missing or not a date (yyyy-MM-dd)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such merchant, or no statement stored for it that day",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id,
                        @Parameter(description = "The settlement day, yyyy-MM-dd", required = true,
                                schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10,
                                        pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))
                        @QueryParam("date") String date, @Context HttpHeaders headers) {
        LocalDate day = day(date);
        SettlementStatementView statement = settlements.statement(id, day);
        boolean csv = headers.getAcceptableMediaTypes().stream()
                .filter(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE) || t.isCompatible(MediaType.valueOf(CSV)))
                .findFirst().map(t -> !t.isWildcardType() && t.isCompatible(MediaType.valueOf(CSV))).orElse(false);
        if (csv) {
            return Response.ok(StatementCsv.write(statement), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"settlement-" + id + "-" + day + ".csv\"")
                    .build();
        }
        return Response.ok(statement, MediaType.APPLICATION_JSON).build();
    }

    private static LocalDate day(String date) {
        if (date == null || !date.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            throw ProblemException.invalidField("date", "a settlement day as yyyy-MM-dd is required");
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("date", "is not a calendar date");
        }
    }
}
