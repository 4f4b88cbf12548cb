package io.bankcrm.crosssell.api;

import io.bankcrm.crosssell.config.CrosssellConfig;
import io.bankcrm.crosssell.domain.credit.CreditSplitRule;
import io.bankcrm.crosssell.domain.scoreboard.Scoreboard;
import io.bankcrm.crosssell.domain.scoreboard.Standing;
import io.bankcrm.crosssell.domain.team.TeamKind;
import io.bankcrm.crosssell.service.Assessment;
import io.bankcrm.crosssell.service.CreditRules;
import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Credit split rules, targets, training records and the scoreboard. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Targets and assessment")
public class AssessmentResource {

    private final CreditRules rules;
    private final Assessment assessment;
    private final Caller caller;
    private final Currency currency;

    public AssessmentResource(CreditRules rules, Assessment assessment, Caller caller, CrosssellConfig config) {
        this.rules = rules;
        this.assessment = assessment;
        this.caller = caller;
        this.currency = Currency.getInstance(config.reportingCurrency());
    }

    /** The next version of the split rule. */
    @Schema(name = "CreditRuleRequest")
    public record RuleRequest(@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal corporatePercent,
                              @NotNull @Min(1) @Max(CreditSplitRule.MAX_WINDOW_DAYS) Integer windowDays,
                              @NotNull LocalDate effectiveFrom) {
    }

    @GET
    @Path("/credit-rules")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "listCreditRules", summary = "Every version of the credit split rule, oldest first")
    @APIResponse(responseCode = "200", description = "The versions")
    public List<CreditSplitRule> listCreditRules() {
        return rules.book().versions();
    }

    @POST
    @Path("/credit-rules")
    @RolesAllowed(Roles.CRM_ADMIN)
    @Operation(operationId = "createCreditRule", summary = "Add the next version of the split rule",
            description = "Applies to conversions from effectiveFrom on; earlier records keep the version frozen on them.")
    @APIResponse(responseCode = "201", description = "The new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreditSplitRule.class)))
    @APIResponse(responseCode = "400", description = "Invalid share or window", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A version takes effect that day already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createCreditRule(@NotNull @Valid RuleRequest request) {
        return Response.status(201).entity(rules.add(request.corporatePercent(), request.windowDays(),
                request.effectiveFrom(), caller.name())).build();
    }

    @GET
    @Path("/teams/{id}/targets")
    @RolesAllowed({Roles.TEAM_LEAD, Roles.RELATIONSHIP_MANAGER, Roles.CRM_ADMIN})
    @Operation(operationId = "listTeamTargets", summary = "A team's targets for a period (yyyy-MM, yyyy-Qn, yyyy-Hn, yyyy)")
    @APIResponse(responseCode = "200", description = "The targets, by product")
    @APIResponse(responseCode = "400", description = "A bad period", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such team", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Assessment.TargetLine> listTeamTargets(@PathParam("id") UUID id,
                                                       @QueryParam("period") @NotNull @Size(max = 7) String period) {
        return assessment.targets(id, period);
    }

    @PUT
    @Path("/teams/{id}/targets")
    @RolesAllowed(Roles.CRM_ADMIN)
    @Operation(operationId = "replaceTeamTargets", summary = "Set a team's targets for a period (replacing them)")
    @APIResponse(responseCode = "200", description = "The targets now")
    @APIResponse(responseCode = "400", description = "A bad period, product or amount", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such team", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Assessment.TargetLine> replaceTeamTargets(@PathParam("id") UUID id,
                                                          @QueryParam("period") @NotNull @Size(max = 7) String period,
                                                          @NotNull @Size(max = 100) @Valid List<Assessment.TargetLine> lines) {
        return assessment.putTargets(id, period, lines);
    }

    @GET
    @Path("/staff/{staffId}/training-records")
    @RolesAllowed({Roles.TEAM_LEAD, Roles.RELATIONSHIP_MANAGER, Roles.CRM_ADMIN})
    @Operation(operationId = "listTrainingRecords", summary = "A member's training and assessment records")
    @APIResponse(responseCode = "200", description = "Oldest first")
    public List<Assessment.TrainingRecord> listTrainingRecords(@PathParam("staffId") @Size(min = 1, max = 100) String staffId) {
        return assessment.training(staffId);
    }

    @POST
    @Path("/staff/{staffId}/training-records")
    @RolesAllowed({Roles.TEAM_LEAD, Roles.CRM_ADMIN})
    @Operation(operationId = "createTrainingRecord", summary = "Record a course taken and its result")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Assessment.TrainingRecord.class)))
    @APIResponse(responseCode = "400", description = "Invalid record", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createTrainingRecord(@PathParam("staffId") @Size(min = 1, max = 100) String staffId,
                                         @NotNull @Valid Assessment.TrainingRecord record) {
        return Response.status(201).entity(assessment.addTraining(staffId, record, caller.name())).build();
    }

    /** A member's standing with their training records beside it. */
    @Schema(name = "MemberStanding")
    public record MemberStanding(Standing standing, List<Assessment.TrainingRecord> training) {
    }

    /** The scoreboard: teams and members ranked, the totals (each conversion counted once). */
    @Schema(name = "Scoreboard")
    public record ScoreboardView(String period, List<Standing> teams, List<MemberStanding> members,
                                 Map<String, Object> totals) {
    }

    @GET
    @Path("/scoreboard")
    @RolesAllowed({Roles.TEAM_LEAD, Roles.RELATIONSHIP_MANAGER, Roles.CRM_ADMIN})
    @Operation(operationId = "getScoreboard", summary = "Teams and members ranked by attainment in a period",
            description = "From the credit records: a shared conversion gives each side its share, so the totals count "
                    + "each conversion once.")
    @APIResponse(responseCode = "200", description = "The scoreboard")
    @APIResponse(responseCode = "400", description = "A bad period", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ScoreboardView getScoreboard(@QueryParam("period") @NotNull @Size(max = 7) String period,
                                        @QueryParam("kind") TeamKind kind) {
        Scoreboard board = assessment.scoreboard(period, kind, currency);
        return new ScoreboardView(board.period().label(), board.teams(),
                board.members().stream().map(s -> new MemberStanding(s, assessment.training(s.staffId()))).toList(),
                Map.of("conversions", board.totals().conversions(),
                        "value", io.bankcrm.crosssell.service.Fee.of(board.totals().value())));
    }
}
