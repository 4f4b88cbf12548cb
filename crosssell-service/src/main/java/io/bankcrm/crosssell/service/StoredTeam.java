package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.team.TeamKind;
import io.bankcrm.crosssell.domain.team.TeamMember;

import java.util.List;
import java.util.UUID;

/** A team with its members (and their absences) as assignment sees them. */
public record StoredTeam(UUID id, String name, TeamKind kind, String branch, String teamLead,
                         int firstContactMinutes, List<Member> members, long version) {

    /** A member and their absences with ids (to remove one). */
    public record Member(TeamMember member, List<AbsenceLine> absences) {
    }

    public record AbsenceLine(UUID id, java.time.LocalDate from, java.time.LocalDate to) {
    }

    public List<TeamMember> assignable() {
        return members.stream().map(Member::member).toList();
    }
}
