package io.bankcrm.merchant.api;

import io.bankcrm.merchant.domain.fee.FeeSplitRule;
import io.bankcrm.merchant.domain.merchant.MccGroup;
import io.bankcrm.merchant.service.FeeRuleForm;
import io.bankcrm.merchant.service.FeeRules;
import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

/** Fee split rules: written by crm-admin, never edited, only ended and succeeded. */
@Path("/v1/fee-split-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fee split rules", description = "Merchant discount rates and their issuer:acquirer:network shares")
public class FeeRuleResource {

    private final FeeRules rules;

    public FeeRuleResource(FeeRules rules) {
        this.rules = rules;
    }

    @POST
    @RolesAllowed(Roles.CRM_ADMIN)
    @Operation(operationId = "createFeeSplitRule", summary = "Add a fee split rule",
            description = "At most one rule is in force per MCC group and card type on any day: 409 on overlap.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = FeeRuleView.class)))
    @APIResponse(responseCode = "400", description = "Invalid rate, shares, cap or dates",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Overlaps a rule of the same group and card type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid FeeRuleForm form, @Context UriInfo uri) {
        FeeSplitRule rule = rules.create(form);
        return Response.created(uri.getAbsolutePathBuilder().path(rule.id().toString()).build())
                .entity(FeeRuleView.of(rule)).build();
    }

    @GET
    @RolesAllowed({Roles.CRM_ADMIN, Roles.MERCHANT_OPS})
    @Operation(operationId = "listFeeSplitRules", summary = "List fee split rules, optionally of one MCC group")
    @APIResponse(responseCode = "200", description = "One page of rules")
    @APIResponse(responseCode = "400", description = "A malformed filter, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<FeeRuleView> list(@QueryParam("mccGroup") MccGroup group,
                                  @QueryParam("limit") @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
                                  @QueryParam("cursor") String cursor) {
        Page<FeeSplitRule> page = rules.page(group, PageRequest.of(limit, cursor));
        return new Page<>(page.items().stream().map(FeeRuleView::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CRM_ADMIN, Roles.MERCHANT_OPS})
    @Operation(operationId = "getFeeSplitRule", summary = "Read a fee split rule")
    @APIResponse(responseCode = "200", description = "The rule",
            content = @Content(schema = @Schema(implementation = FeeRuleView.class)))
    @APIResponse(responseCode = "404", description = "No such rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FeeRuleView get(@PathParam("id") UUID id) {
        return FeeRuleView.of(rules.get(id));
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed(Roles.CRM_ADMIN)
    @Operation(operationId = "endFeeSplitRule", summary = "End a rule on its last day, so a successor can follow")
    @APIResponse(responseCode = "200", description = "The rule with its last day",
            content = @Content(schema = @Schema(implementation = FeeRuleView.class)))
    @APIResponse(responseCode = "400", description = "A last day before its first, or not earlier than its current end",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FeeRuleView end(@PathParam("id") UUID id, @NotNull @Valid FeeRuleEnd end) {
        return FeeRuleView.of(rules.end(id, end.effectiveTo()));
    }
}
