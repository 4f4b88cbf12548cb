package io.bankcrm.crosssell.domain.roster;

import java.util.List;

/**
 * What a new roster changes against the previous one: who joins, whose facts changed, how many stay unchanged,
 * who leaves (and whether their departure is applied now or withheld), and the rows that repeat a person.
 * Lists are in row order (leavers in customer-id order), so the same input always gives the same plan.
 */
public record RosterChanges(List<ResolvedRow> joiners, List<MemberChange> changed, int unchanged,
                            List<RosterMember> leavers, LeaverWithholding withholding, List<DuplicateRow> duplicates) {

    public RosterChanges {
        joiners = List.copyOf(joiners);
        changed = List.copyOf(changed);
        leavers = List.copyOf(leavers);
        duplicates = List.copyOf(duplicates);
    }

    /** The leavers to end now: none while they are withheld. */
    public List<RosterMember> leaversToEnd() {
        return withholding == LeaverWithholding.NONE ? leavers : List.of();
    }

    /** Nothing to do: the same roster as before. */
    public boolean isNoChange() {
        return joiners.isEmpty() && changed.isEmpty() && leaversToEnd().isEmpty();
    }

    /** The calls to make to customer-service, in order, each with its own idempotency key. */
    public List<RosterCall> calls(java.util.UUID rosterId) {
        return RosterCall.plan(rosterId, this);
    }
}
