package io.bankcrm.crosssell.api;

import io.bankcrm.crosssell.domain.team.TeamKind;
import io.bankcrm.crosssell.service.StoredTeam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** A team, its service level and its members with capacity, whether active, and absences. */
@Schema(name = "Team")
public record TeamView(UUID id, String name, TeamKind kind, String branch, String teamLead, int firstContactMinutes,
                       List<Member> members, long version) {

    @Schema(name = "TeamMember")
    public record Member(String staffId, int capacity, boolean active, List<StoredTeam.AbsenceLine> absences) {
    }

    static TeamView of(StoredTeam t) {
        return new TeamView(t.id(), t.name(), t.kind(), t.branch(), t.teamLead(), t.firstContactMinutes(),
                t.members().stream().map(m -> new Member(m.member().staffId(), m.member().capacity(),
                        m.member().active(), m.absences())).toList(), t.version());
    }
}
