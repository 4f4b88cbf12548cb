package io.bankcrm.crosssell.domain.roster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compares an agreement's new roster with the members it had. People are matched by their customer-service id
 * (each row is registered or matched there first), so a roster with another name spelling or a new mobile for the
 * same ID number is the same person. Submitting the same roster twice gives no change.
 */
public final class RosterReconciliation {

    private RosterReconciliation() {
    }

    /**
     * @param previous       the agreement's current members
     * @param resolved       the rows of the new roster that customer-service answered for, in row order
     * @param rowsNotApplied rows rejected by validation or by customer-service: any of them could be a missing person
     */
    public static RosterChanges reconcile(Collection<RosterMember> previous, List<ResolvedRow> resolved,
                                          int rowsNotApplied, LeaverPolicy policy) {
        if (rowsNotApplied < 0) {
            throw new IllegalArgumentException("rowsNotApplied must not be negative");
        }
        Map<UUID, RosterMember> before = new HashMap<>();
        for (RosterMember m : previous) {
            if (before.put(m.customerId(), m) != null) {
                throw new IllegalArgumentException("customer " + m.customerId() + " is on the previous roster twice");
            }
        }
        Map<UUID, ResolvedRow> now = new LinkedHashMap<>();
        List<DuplicateRow> duplicates = new ArrayList<>();
        List<ResolvedRow> ordered = new ArrayList<>(resolved);
        ordered.sort(Comparator.comparingLong(ResolvedRow::rowNumber));
        for (ResolvedRow row : ordered) {
            ResolvedRow first = now.putIfAbsent(row.member().customerId(), row);
            if (first != null) {
                duplicates.add(new DuplicateRow(row.rowNumber(), first.rowNumber(), row.member().customerId()));
            }
        }
        List<ResolvedRow> joiners = new ArrayList<>();
        List<MemberChange> changed = new ArrayList<>();
        int unchanged = 0;
        for (ResolvedRow row : now.values()) {
            RosterMember was = before.get(row.member().customerId());
            if (was == null) {
                joiners.add(row);
            } else if (was.equals(row.member())) {
                unchanged++;
            } else {
                changed.add(new MemberChange(row.rowNumber(), was, row.member()));
            }
        }
        List<RosterMember> leavers = new ArrayList<>();
        for (RosterMember m : before.values()) {
            if (!now.containsKey(m.customerId())) {
                leavers.add(m);
            }
        }
        leavers.sort(Comparator.comparing(RosterMember::customerId));
        LeaverWithholding withholding = LeaverWithholding.NONE;
        if (!leavers.isEmpty()) {
            if (rowsNotApplied > 0) {
                withholding = LeaverWithholding.ROWS_NOT_APPLIED;
            } else if (!policy.allows(leavers.size(), before.size())) {
                withholding = LeaverWithholding.TOO_MANY_LEAVERS;
            }
        }
        return new RosterChanges(joiners, changed, unchanged, leavers, withholding, duplicates);
    }
}
