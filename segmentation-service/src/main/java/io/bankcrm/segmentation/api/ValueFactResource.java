package io.bankcrm.segmentation.api;

import io.bankcrm.platform.imports.ImportFormat;
import io.bankcrm.platform.imports.ImportJob;
import io.bankcrm.platform.imports.ImportJobs;
import io.bankcrm.platform.imports.RowError;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Versions;
import io.bankcrm.segmentation.domain.Months;
import io.bankcrm.segmentation.domain.ValueFigures;
import io.bankcrm.segmentation.service.ValueFact;
import io.bankcrm.segmentation.service.ValueFactImport;
import io.bankcrm.segmentation.service.ValueFacts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.bankcrm.platform.openapi.ApiContract;

import java.io.InputStream;
import java.net.URI;
import java.time.YearMonth;
import java.util.UUID;

/** Monthly value facts: one month of one customer, or a bulk file of many as a job. */
@Path("/v1")
@Tag(name = "Value facts", description = "Customers' monthly figures: balances, income, cost to serve, volumes, rating")
@Produces(MediaType.APPLICATION_JSON)
public class ValueFactResource {

    private final ValueFacts facts;
    private final ImportJobs imports;
    private final BankClock clock;
    private final Caller caller;

    public ValueFactResource(ValueFacts facts, ImportJobs imports, BankClock clock, Caller caller) {
        this.facts = facts;
        this.imports = imports;
        this.clock = clock;
        this.caller = caller;
    }

    @PUT
    @Path("/customers/{customerId}/value-facts/{period}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTEGRATION, Roles.CRM_ADMIN})
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ValueFigures.class),
            examples = @ExampleObject(name = "month", value = ApiExamples.VALUE_FIGURES)))
    @APIResponse(responseCode = "200", description = "Replaced a month reported before; ETag its version", headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ValueFact.class)))
    @APIResponse(responseCode = "201", description = "The month's first figures; Location is the month, ETag its version", headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2000)), @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ValueFact.class)))
    @Operation(operationId = "reportValueFacts", summary = "Report a customer's figures for one month",
            description = "Replaces the figures reported earlier for the month (card spending added by events stays). "
                    + "201 the first time, 200 after. If-Match is optional: when sent, the figures must still be at "
                    + "that version.")
    public Response replace(@PathParam("customerId") UUID customerId, @PathParam("period") @Parameter(description = "A calendar month, yyyy-MM", schema = @Schema(type = SchemaType.STRING, maxLength = 7, pattern = "^[0-9]{4}-[0-9]{2}$")) String period,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull ValueFigures figures) {
        YearMonth month = month(period);
        ValueFacts.Replaced replaced = facts.replace(customerId, month, figures, "api:" + caller.name(), ifMatch);
        Response.ResponseBuilder response = replaced.created()
                ? Response.created(URI.create("/v1/customers/" + customerId + "/value-facts/" + month))
                : Response.ok();
        return response.entity(replaced.fact()).tag(Versions.etag(replaced.fact().version())).build();
    }

    @GET
    @Path("/customers/{customerId}/value-facts/{period}")
    @RolesAllowed({Roles.RISK_ANALYST, Roles.CRM_ADMIN, Roles.INTEGRATION, Roles.RELATIONSHIP_MANAGER,
            Roles.TEAM_LEAD})
    @Operation(operationId = "getValueFacts", summary = "A customer's figures for one month")
    @APIResponse(responseCode = "200", description = "The month's figures; ETag their version", headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ValueFact.class)))
    public Response get(@PathParam("customerId") UUID customerId, @PathParam("period") @Parameter(description = "A calendar month, yyyy-MM", schema = @Schema(type = SchemaType.STRING, maxLength = 7, pattern = "^[0-9]{4}-[0-9]{2}$")) String period) {
        ValueFact fact = facts.get(customerId, month(period));
        return Response.ok(fact).tag(Versions.etag(fact.version())).build();
    }

    @GET
    @Path("/customers/{customerId}/value-facts")
    @RolesAllowed({Roles.RISK_ANALYST, Roles.CRM_ADMIN, Roles.INTEGRATION, Roles.RELATIONSHIP_MANAGER,
            Roles.TEAM_LEAD})
    @Operation(operationId = "listValueFacts", summary = "A customer's months, newest first", description = "from and to (yyyy-MM) are inclusive.")
    public Page<ValueFact> list(@PathParam("customerId") UUID customerId, @QueryParam("from") @Parameter(description = "A calendar month, yyyy-MM", schema = @Schema(type = SchemaType.STRING, maxLength = 7, pattern = "^[0-9]{4}-[0-9]{2}$")) String from,
                                @QueryParam("to") @Parameter(description = "A calendar month, yyyy-MM", schema = @Schema(type = SchemaType.STRING, maxLength = 7, pattern = "^[0-9]{4}-[0-9]{2}$")) String to, @QueryParam("limit") Integer limit,
                                @QueryParam("cursor") String cursor) {
        return facts.list(customerId, optionalMonth("from", from), optionalMonth("to", to),
                PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/value-facts")
    @Consumes({ImportFormat.CSV_MEDIA_TYPE, ImportFormat.NDJSON_MEDIA_TYPE})
    @RolesAllowed({Roles.INTEGRATION, Roles.CRM_ADMIN})
    @RequestBody(required = true, content = {
            @Content(mediaType = ImportFormat.CSV_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, maxLength = 536870912)),
            @Content(mediaType = ImportFormat.NDJSON_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, maxLength = 536870912))})
    @APIResponse(responseCode = "202", description = "Accepted as a job; Location is the job to poll", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2000)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJob.class)))
    @Operation(operationId = "importValueFacts", summary = "Send a bulk file of value facts",
            description = "CSV with a header row (customerId, period, avgDepositBalance, loanBalance, "
                    + "assetsUnderManagement, netInterestIncome, feeIncome, costToServe, transactionCount, "
                    + "transactionAmount, productsHeld, creditRating, currency) or NDJSON with the same members. "
                    + "Streamed to disk and applied as a job: 202 with the job; follow Location for progress and "
                    + "the rejected rows. Each row replaces its customer's month, so sending a file again is safe.")
    public Response bulk(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        ImportJob job = imports.submit(ValueFactImport.KIND, ImportFormat.fromContentType(contentType), body,
                caller.name());
        return Response.accepted(job).location(URI.create("/v1/value-facts/imports/" + job.job().id())).build();
    }

    @GET
    @Path("/value-facts/imports/{jobId}")
    @RolesAllowed({Roles.INTEGRATION, Roles.CRM_ADMIN, Roles.RISK_ANALYST})
    @Operation(operationId = "getValueFactImport", summary = "Progress of a bulk value-facts file")
    public ImportJob job(@PathParam("jobId") UUID jobId) {
        return imports.get(ValueFactImport.KIND, jobId);
    }

    @POST
    @Path("/value-facts/imports/{jobId}/cancel")
    @RolesAllowed({Roles.INTEGRATION, Roles.CRM_ADMIN})
    @APIResponse(responseCode = "409", description = "The job has finished already")
    @APIResponse(responseCode = "200", description = "The job, cancelled or with its cancellation requested",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJob.class)))
    @Operation(operationId = "cancelValueFactImport", summary = "Cancel a bulk value-facts file",
            description = "A queued file is cancelled at once; one being applied stops after its current chunk of "
                    + "500 rows, and the rows applied before stay applied. 409 once it has finished.")
    public ImportJob cancel(@PathParam("jobId") UUID jobId) {
        return imports.cancel(ValueFactImport.KIND, jobId, caller.name());
    }

    @GET
    @Path("/value-facts/imports/{jobId}/errors")
    @RolesAllowed({Roles.INTEGRATION, Roles.CRM_ADMIN, Roles.RISK_ANALYST})
    @Operation(operationId = "listValueFactImportErrors", summary = "The rejected rows of a bulk value-facts file, in file order")
    public Page<RowError> errors(@PathParam("jobId") UUID jobId, @QueryParam("limit") Integer limit,
                                 @QueryParam("cursor") String cursor) {
        return imports.errors(ValueFactImport.KIND, jobId, PageRequest.of(limit, cursor));
    }

    private YearMonth month(String period) {
        ValueFacts.periodProblem("period", period, clock.currentMonth()).ifPresent(p -> {
            throw ProblemException.validation(java.util.List.of(p));
        });
        return Months.parse(period).orElseThrow();
    }

    private static YearMonth optionalMonth(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Months.parse(value).orElseThrow(() ->
                ProblemException.invalidField(field, "must be a month as yyyy-MM, e.g. 2026-10"));
    }
}
