package io.bankcrm.crosssell.api;

import io.bankcrm.crosssell.service.Catalogue;
import io.bankcrm.crosssell.service.ProductDocument;
import io.bankcrm.crosssell.service.StoredProduct;
import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.IdempotentRequests;
import io.bankcrm.platform.web.Versions;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.bankcrm.platform.openapi.ApiContract;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** The products catalogue and each product's eligibility rules; crm-admin edits it. */
@Path("/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products")
public class ProductResource {

    private final Catalogue catalogue;
    private final IdempotentRequests idempotent;
    private final Caller caller;

    public ProductResource(Catalogue catalogue, IdempotentRequests idempotent, Caller caller) {
        this.catalogue = catalogue;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "listProducts", summary = "Every product of the catalogue, by code (a short list, not paged)")
    @APIResponse(responseCode = "200", description = "The catalogue")
    public List<ProductDocument> listProducts() {
        return catalogue.all().values().stream().map(ProductDocument::of).toList();
    }

    @POST
    @RolesAllowed(Roles.CRM_ADMIN)
    @Operation(operationId = "createProduct", summary = "Add a product with its eligibility rules", description = "Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Added",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 2000)),
                    @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
                    @Header(name = "Idempotency-Replayed", description = "true when this is the stored answer to an earlier request with the same key", schema = @Schema(type = SchemaType.BOOLEAN))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductDocument.class)))
    @APIResponse(responseCode = "400", description = "Invalid rules (e.g. a tier not on the kind's ladder)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The code is taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createProduct(@NotNull @Valid ProductDocument document,
                                  @HeaderParam(IdempotentRequests.HEADER) @Size(max = 200) String idempotencyKey) {
        return idempotent.execute("POST /v1/products", idempotencyKey, document, () -> {
            StoredProduct p = catalogue.create(document.toProduct(), caller.name());
            return Response.created(URI.create("/v1/products/" + p.product().code()))
                    .entity(ProductDocument.of(p.product())).tag(Versions.etag(p.version())).build();
        });
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "getProduct", summary = "A product with its ETag")
    @APIResponse(responseCode = "200", description = "The product",
            headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductDocument.class)))
    @APIResponse(responseCode = "404", description = "No such product", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getProduct(@PathParam("code") @Size(max = 40) String code) {
        StoredProduct p = catalogue.get(code);
        return Response.ok(ProductDocument.of(p.product())).tag(Versions.etag(p.version())).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.CRM_ADMIN)
    @Operation(operationId = "replaceProduct", summary = "Replace a product's name and rules (retire it with active=false)",
            description = "Requires If-Match. Open leads for a retired product run their course.")
    @APIResponse(responseCode = "200", description = "Replaced; the new ETag",
            headers = @Header(name = "ETag", schema = @Schema(ref = ApiContract.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductDocument.class)))
    @APIResponse(responseCode = "400", description = "Invalid rules", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such product", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replaceProduct(@PathParam("code") @Size(max = 40) String code,
                                   @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 100) String ifMatch,
                                   @NotNull @Valid ProductDocument document) {
        StoredProduct p = catalogue.replace(code, ifMatch, document.toProduct(), caller.name());
        return Response.ok(ProductDocument.of(p.product())).tag(Versions.etag(p.version())).build();
    }
}
