package io.bankcrm.customer.api;

import io.bankcrm.customer.service.CustomerImport;
import io.bankcrm.platform.imports.ImportFormat;
import io.bankcrm.platform.imports.ImportJob;
import io.bankcrm.platform.imports.ImportJobs;
import io.bankcrm.platform.imports.RowError;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.UUID;

@Path("/v1/customer-imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bulk import", description = "Customers registered or matched from a CSV or NDJSON file, as a job")
public class CustomerImportResource {

    private final ImportJobs jobs;
    private final Caller caller;

    public CustomerImportResource(ImportJobs jobs, Caller caller) {
        this.jobs = jobs;
        this.caller = caller;
    }

    @POST
    @Consumes({ImportFormat.CSV_MEDIA_TYPE, ImportFormat.NDJSON_MEDIA_TYPE})
    @RolesAllowed({Roles.CRM_ADMIN, Roles.INTEGRATION})
    @RequestBody(required = true, content = {
            @Content(mediaType = ImportFormat.CSV_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, maxLength = 536870912)),
            @Content(mediaType = ImportFormat.NDJSON_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, maxLength = 536870912))})
    @APIResponse(responseCode = "202", description = "Accepted as a job; Location is the job to poll", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 2000)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJob.class)))
    @Operation(operationId = "importCustomers", summary = "Import customers from CSV (header row of profile field names) or NDJSON",
            description = "Streamed to disk and applied as a job: 202 with the job, whose progress and error report are polled. Rows of customers who already exist change nothing, so a file can be sent again.")
    public Response submit(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @Context UriInfo uri) {
        ImportJob job = jobs.submit(CustomerImport.KIND, ImportFormat.fromContentType(contentType), body,
                caller.name());
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.job().id().toString()).build()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getCustomerImport", summary = "An import job: status and progress (rows done of total)")
    public ImportJob get(@PathParam("id") UUID id) {
        return jobs.get(CustomerImport.KIND, id);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.CRM_ADMIN, Roles.INTEGRATION})
    @APIResponse(responseCode = "200", description = "The job, cancelled or with its cancellation requested",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJob.class)))
    @APIResponse(responseCode = "409", description = "The job has finished already")
    @Operation(operationId = "cancelCustomerImport", summary = "Cancel an import job",
            description = "A queued job is cancelled at once; a running one stops after its current chunk of 500 rows, and the rows applied before stay applied. 409 once it has finished.")
    public ImportJob cancel(@PathParam("id") UUID id) {
        return jobs.cancel(CustomerImport.KIND, id, caller.name());
    }

    @GET
    @Path("/{id}/errors")
    @RolesAllowed({Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "listCustomerImportErrors", summary = "The rejected rows of an import job and why, in file order")
    public Page<RowError> errors(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                 @QueryParam("cursor") String cursor) {
        return jobs.errors(CustomerImport.KIND, id, PageRequest.of(limit, cursor));
    }
}
