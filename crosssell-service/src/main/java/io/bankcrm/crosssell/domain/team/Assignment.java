package io.bankcrm.crosssell.domain.team;

import java.util.Optional;

/**
 * The member chosen for a lead (empty when nobody in the team is available: the lead goes to the team lead's
 * queue) and the round robin's state to store.
 */
public record Assignment(Optional<String> member, AssignmentState next) {
}
