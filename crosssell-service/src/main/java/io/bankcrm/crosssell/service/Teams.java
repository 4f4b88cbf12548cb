package io.bankcrm.crosssell.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.crosssell.domain.team.Absence;
import io.bankcrm.crosssell.domain.team.Assignment;
import io.bankcrm.crosssell.domain.team.AssignmentState;
import io.bankcrm.crosssell.domain.team.TeamKind;
import io.bankcrm.crosssell.domain.team.TeamMember;
import io.bankcrm.crosssell.domain.team.WeightedRoundRobin;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Teams per branch, their members with capacity and absences, and the weighted round robin that gives each new
 * lead to a member: its state (a credit per member) is read and written under the team row's lock, in the
 * transaction that assigns the lead, so replicas assigning at once make the same choices as one would.
 */
@ApplicationScoped
@Transactional
public class Teams {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Rules rules;

    public Teams(EntityManager em, ObjectMapper mapper, Rules rules) {
        this.em = em;
        this.mapper = mapper;
        this.rules = rules;
    }

    public StoredTeam create(TeamRequest request, String user) {
        UUID id = UUID.randomUUID();
        int sla = request.firstContactMinutes() == null ? rules.defaultSlaMinutes() : request.firstContactMinutes();
        em.createNativeQuery("""
                        insert into team (id, name, kind, branch, team_lead, sla_minutes, version, created_at, created_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, 1, now(), ?7)""")
                .setParameter(1, id).setParameter(2, request.name()).setParameter(3, request.kind().name())
                .setParameter(4, request.branch()).setParameter(5, request.teamLead()).setParameter(6, sla)
                .setParameter(7, user).executeUpdate();
        return get(id);
    }

    /** Adds the member or changes their capacity and whether they are active. */
    public StoredTeam putMember(UUID teamId, String staffId, MemberRequest request) {
        get(teamId);
        if (staffId == null || staffId.isBlank() || staffId.length() > 100) {
            throw new InvalidInput("staffId", "must be 1 to 100 characters");
        }
        em.createNativeQuery("""
                        insert into team_member (team_id, staff_id, capacity, active) values (?1, ?2, ?3, ?4)
                        on conflict (team_id, staff_id) do update set capacity = excluded.capacity, active = excluded.active""")
                .setParameter(1, teamId).setParameter(2, staffId).setParameter(3, request.capacity())
                .setParameter(4, request.active()).executeUpdate();
        bump(teamId);
        return get(teamId);
    }

    public StoredTeam addAbsence(UUID teamId, String staffId, AbsenceRequest request) {
        member(teamId, staffId);
        if (request.to().isBefore(request.from())) {
            throw new InvalidInput("to", "must be on or after from");
        }
        em.createNativeQuery("""
                        insert into member_absence (id, team_id, staff_id, from_day, to_day) values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, teamId).setParameter(3, staffId)
                .setParameter(4, request.from()).setParameter(5, request.to()).executeUpdate();
        bump(teamId);
        return get(teamId);
    }

    public StoredTeam removeAbsence(UUID teamId, String staffId, UUID absenceId) {
        member(teamId, staffId);
        int removed = em.createNativeQuery("delete from member_absence where id = ?1 and team_id = ?2 and staff_id = ?3")
                .setParameter(1, absenceId).setParameter(2, teamId).setParameter(3, staffId).executeUpdate();
        if (removed == 0) {
            throw ProblemException.notFound("absence", absenceId);
        }
        bump(teamId);
        return get(teamId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredTeam get(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("team", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredTeam> find(UUID id) {
        return SqlRow.first(em.createNativeQuery("""
                        select id, name, kind, branch, team_lead, sla_minutes, version from team where id = ?1""", Tuple.class)
                .setParameter(1, id)).map(this::stored);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StoredTeam> list(String branch, TeamKind kind, PageRequest page) {
        List<SqlRow> rows = SqlRow.list(em.createNativeQuery("""
                        select id, name, kind, branch, team_lead, sla_minutes, version from team
                        where (?1 = '' or branch = ?1) and (?2 = '' or kind = ?2) and (?3 or id > ?4)
                        order by id limit ?5""", Tuple.class)
                .setParameter(1, branch == null ? "" : branch).setParameter(2, kind == null ? "" : kind.name())
                .setParameter(3, page.first()).setParameter(4, page.first() ? new UUID(0, 0) : page.afterUuid(0))
                .setParameter(5, page.limit() + 1));
        return Page.fromOverfetch(rows.stream().map(this::stored).toList(), page.limit(), t -> t,
                t -> PageRequest.cursorAfter(t.id().toString()));
    }

    /** The team that works a branch's retail leads: the oldest RETAIL team of the branch. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> retailTeamOf(String branch) {
        if (branch == null) {
            return Optional.empty();
        }
        List<?> ids = em.createNativeQuery("""
                        select id from team where branch = ?1 and kind = 'RETAIL' order by created_at, id limit 1""")
                .setParameter(1, branch).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of((UUID) ids.get(0));
    }

    /**
     * Chooses the member of {@code teamId} for a new lead on {@code day} (weighted round robin, skipping inactive
     * and absent members) and stores the round robin's new state. Must run in the transaction that assigns the lead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> assign(UUID teamId, LocalDate day) {
        String credits = (String) em.createNativeQuery("select credits::text from team where id = ?1 for update")
                .setParameter(1, teamId).getSingleResult();
        Assignment a = WeightedRoundRobin.assign(get(teamId).assignable(), day, new AssignmentState(read(credits)));
        em.createNativeQuery("update team set credits = cast(?2 as jsonb) where id = ?1")
                .setParameter(1, teamId).setParameter(2, write(a.next().credits())).executeUpdate();
        return a.member();
    }

    /**
     * The members of {@code teamId} for {@code count} new leads on {@code day}, in order: the same weighted round
     * robin as {@link #assign}, run {@code count} times on one read of the team and its state under the team row's
     * lock, and the state after the last stored once (a campaign's bulk assignment). An element is null when nobody
     * was available. Must run in the transaction that assigns the leads.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BulkAssignment assignMany(UUID teamId, LocalDate day, int count) {
        String credits = (String) em.createNativeQuery("select credits::text from team where id = ?1 for update")
                .setParameter(1, teamId).getSingleResult();
        StoredTeam team = get(teamId);
        List<TeamMember> members = team.assignable();
        AssignmentState state = new AssignmentState(read(credits));
        List<String> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Assignment a = WeightedRoundRobin.assign(members, day, state);
            state = a.next();
            chosen.add(a.member().orElse(null));
        }
        em.createNativeQuery("update team set credits = cast(?2 as jsonb) where id = ?1")
                .setParameter(1, teamId).setParameter(2, write(state.credits())).executeUpdate();
        return new BulkAssignment(team, chosen);
    }

    /** The team as it was read for a bulk assignment, and the member chosen for each lead (null: nobody). */
    public record BulkAssignment(StoredTeam team, List<String> members) {
    }

    private void member(UUID teamId, String staffId) {
        get(teamId);
        if (((Number) em.createNativeQuery("select count(*) from team_member where team_id = ?1 and staff_id = ?2")
                .setParameter(1, teamId).setParameter(2, staffId).getSingleResult()).intValue() == 0) {
            throw ProblemException.notFound("member of team " + teamId, staffId);
        }
    }

    private void bump(UUID teamId) {
        em.createNativeQuery("update team set version = version + 1 where id = ?1").setParameter(1, teamId)
                .executeUpdate();
    }

    private StoredTeam stored(SqlRow r) {
        UUID id = r.uuid("id");
        List<StoredTeam.Member> members = new ArrayList<>();
        for (SqlRow m : SqlRow.list(em.createNativeQuery("""
                        select staff_id, capacity, active from team_member where team_id = ?1 order by staff_id""", Tuple.class)
                .setParameter(1, id))) {
            List<StoredTeam.AbsenceLine> lines = SqlRow.list(em.createNativeQuery("""
                            select id, from_day, to_day from member_absence where team_id = ?1 and staff_id = ?2
                            order by from_day, id""", Tuple.class).setParameter(1, id).setParameter(2, m.text("staff_id")))
                    .stream().map(a -> new StoredTeam.AbsenceLine(a.uuid("id"), a.localDate("from_day"),
                            a.localDate("to_day"))).toList();
            members.add(new StoredTeam.Member(new TeamMember(m.text("staff_id"), m.intValue("capacity"),
                    m.bool("active"), lines.stream().map(l -> new Absence(l.from(), l.to())).toList()), lines));
        }
        return new StoredTeam(id, r.text("name"), r.enumValue("kind", TeamKind.class), r.text("branch"),
                r.text("team_lead"), r.intValue("sla_minutes"), members, r.longValue("version"));
    }

    private Map<String, Long> read(String json) {
        try {
            return mapper.readValue(json, new TypeReference<Map<String, Long>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a team's round-robin credits cannot be read", e);
        }
    }

    private String write(Map<String, Long> credits) {
        try {
            return mapper.writeValueAsString(credits);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
