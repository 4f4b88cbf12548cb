package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.crosssell.domain.scoreboard.AssessmentPeriod;
import io.bankcrm.crosssell.domain.scoreboard.Scoreboard;
import io.bankcrm.crosssell.domain.scoreboard.Target;
import io.bankcrm.crosssell.domain.team.TeamKind;
import io.bankcrm.crosssell.domain.team.TeamMember;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Targets per team, period and product; training and assessment records; the scoreboard built from the credit. */
@ApplicationScoped
@Transactional
public class Assessment {

    private final EntityManager em;
    private final Teams teams;
    private final Conversions conversions;
    private final Catalogue catalogue;

    public Assessment(EntityManager em, Teams teams, Conversions conversions, Catalogue catalogue) {
        this.em = em;
        this.teams = teams;
        this.conversions = conversions;
        this.catalogue = catalogue;
    }

    /** One product's target: a count of conversions, a converted value, or both. */
    @Schema(name = "TargetLine")
    public record TargetLine(@NotBlank @Size(max = 40) String product, @DecimalMin("0.0001") BigDecimal count,
                             @Valid Fee value) {
    }

    /** A course taken and its result, beside the member's attainment. */
    @Schema(name = "TrainingRecord")
    public record TrainingRecord(UUID id, @Size(max = 100) String staffId, @NotBlank @Size(max = 200) String course,
                                 @NotNull LocalDate takenOn, @NotBlank @Size(max = 100) String result) {
    }

    /** Replaces the team's targets for the period. */
    public List<TargetLine> putTargets(UUID teamId, String period, List<TargetLine> lines) {
        teams.get(teamId);
        AssessmentPeriod p = period(period);
        for (int i = 0; i < lines.size(); i++) {
            TargetLine l = lines.get(i);
            if (catalogue.find(l.product()).isEmpty()) {
                throw new InvalidInput("[" + i + "].product", "is not in the catalogue");
            }
            if (l.count() == null && l.value() == null) {
                throw new InvalidInput("[" + i + "]", "sets a count, a value or both");
            }
        }
        em.createNativeQuery("delete from target where team_id = ?1 and period = ?2").setParameter(1, teamId)
                .setParameter(2, p.label()).executeUpdate();
        for (int i = 0; i < lines.size(); i++) {
            TargetLine l = lines.get(i);
            Money value = l.value() == null ? null : l.value().toMoney("[" + i + "].value");
            em.createNativeQuery("""
                            insert into target (team_id, period, product, count, value_amount, currency)
                            values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (team_id, period, product) do update
                            set count = excluded.count, value_amount = excluded.value_amount, currency = excluded.currency""")
                    .setParameter(1, teamId).setParameter(2, p.label()).setParameter(3, l.product())
                    .setParameter(4, l.count()).setParameter(5, value == null ? null : value.amount())
                    .setParameter(6, value == null ? null : value.currency().getCurrencyCode()).executeUpdate();
        }
        return targets(teamId, period);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TargetLine> targets(UUID teamId, String period) {
        teams.get(teamId);
        return SqlRow.list(em.createNativeQuery("""
                        select product, count, value_amount, currency from target where team_id = ?1 and period = ?2
                        order by product""", Tuple.class).setParameter(1, teamId).setParameter(2, period(period).label()))
                .stream().map(r -> new TargetLine(r.text("product"), r.isNull("count") ? null : r.decimal("count"),
                        r.isNull("value_amount") ? null
                                : Fee.of(LeadStore.money(r.decimal("value_amount"), r.text("currency"))))).toList();
    }

    public TrainingRecord addTraining(String staffId, TrainingRecord record, String user) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into training_record (id, staff_id, course, taken_on, result, created_at, created_by)
                        values (?1, ?2, ?3, ?4, ?5, now(), ?6)""")
                .setParameter(1, id).setParameter(2, staffId).setParameter(3, record.course())
                .setParameter(4, record.takenOn()).setParameter(5, record.result()).setParameter(6, user).executeUpdate();
        return new TrainingRecord(id, staffId, record.course(), record.takenOn(), record.result());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TrainingRecord> training(String staffId) {
        return SqlRow.list(em.createNativeQuery("""
                        select id, staff_id, course, taken_on, result from training_record where staff_id = ?1
                        order by taken_on, id""", Tuple.class).setParameter(1, staffId)).stream()
                .map(r -> new TrainingRecord(r.uuid("id"), r.text("staff_id"), r.text("course"), r.localDate("taken_on"),
                        r.text("result"))).toList();
    }

    /** The scoreboard of a period, of every team or of one kind, in {@code currency}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Scoreboard scoreboard(String period, TeamKind kind, Currency currency) {
        AssessmentPeriod p = period(period);
        Map<String, List<TeamMember>> members = new LinkedHashMap<>();
        for (StoredTeam t : teams.list(null, kind, io.bankcrm.platform.web.PageRequest.of(200, null)).items()) {
            members.put(t.id().toString(), t.assignable());
        }
        List<Target> targets = SqlRow.list(em.createNativeQuery("""
                        select team_id, product, count, value_amount, currency from target where period = ?1""", Tuple.class)
                .setParameter(1, p.label())).stream()
                .filter(r -> members.containsKey(r.uuid("team_id").toString()))
                .map(r -> new Target(r.uuid("team_id").toString(), new ProductCode(r.text("product")),
                        r.isNull("count") ? null : r.decimal("count"),
                        r.isNull("value_amount") ? null : LeadStore.money(r.decimal("value_amount"), r.text("currency"))))
                .toList();
        var credits = conversions.between(p.first(), p.last()).stream()
                .filter(c -> c.value().currency().equals(currency)).toList();
        Scoreboard all = Scoreboard.of(p, credits, targets, members, currency);
        if (kind == null) {
            return all;
        }
        // one kind: only its teams' standings (the totals stay every conversion's)
        return new Scoreboard(p, all.teams().stream().filter(s -> members.containsKey(s.teamId())).toList(),
                all.members().stream().filter(s -> members.containsKey(s.teamId())).toList(), all.totals());
    }

    private static AssessmentPeriod period(String text) {
        try {
            return AssessmentPeriod.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("period", "must be yyyy-MM, yyyy-Qn, yyyy-Hn or yyyy");
        }
    }
}
