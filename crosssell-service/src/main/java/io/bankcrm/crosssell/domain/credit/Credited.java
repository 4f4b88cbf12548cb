package io.bankcrm.crosssell.domain.credit;

/** A team and one of its members who receive credit. */
public record Credited(String teamId, String staffId) {

    public Credited {
        if (teamId == null || teamId.isBlank() || staffId == null || staffId.isBlank()) {
            throw new IllegalArgumentException("credit goes to a team and a member");
        }
    }
}
