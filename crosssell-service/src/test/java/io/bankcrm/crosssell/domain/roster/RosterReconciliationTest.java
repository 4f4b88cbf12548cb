package io.bankcrm.crosssell.domain.roster;

import io.bankcrm.crosssell.domain.prospect.OfficerRole;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: who joins, changes and leaves between two rosters, and the calls that apply it. */
class RosterReconciliationTest {

    private static final UUID ROSTER = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final UUID A = id(1);
    private static final UUID B = id(2);
    private static final UUID C = id(3);
    private static final UUID D = id(4);

    private static UUID id(int n) {
        return new UUID(0, n);
    }

    private static RosterMember member(UUID id, String position, OfficerRole role, SalaryBand band) {
        return new RosterMember(id, position, role, band);
    }

    private static List<ResolvedRow> rows(RosterMember... members) {
        List<ResolvedRow> rows = new ArrayList<>();
        for (int i = 0; i < members.length; i++) {
            rows.add(new ResolvedRow(i + 1, members[i]));
        }
        return rows;
    }

    private static final RosterMember A_CLERK = member(A, "出纳", null, SalaryBand.BAND_5K_10K);
    private static final RosterMember B_CFO = member(B, "财务总监", OfficerRole.CFO, SalaryBand.ABOVE_50K);
    private static final RosterMember C_DRIVER = member(C, "司机", null, SalaryBand.BELOW_5K);

    @Test
    void joinersChangesAndLeavers() {
        RosterMember aPromoted = member(A, "会计主管", null, SalaryBand.BAND_10K_20K);
        RosterMember bNowGm = member(B, "总经理", OfficerRole.GENERAL_MANAGER, SalaryBand.ABOVE_50K);
        RosterMember dNew = member(D, "销售", null, SalaryBand.BAND_5K_10K);
        RosterChanges changes = RosterReconciliation.reconcile(List.of(A_CLERK, B_CFO, C_DRIVER),
                rows(aPromoted, bNowGm, dNew), 0, LeaverPolicy.DEFAULT);
        assertEquals(List.of(dNew), changes.joiners().stream().map(ResolvedRow::member).toList());
        assertEquals(2, changes.changed().size());
        MemberChange a = changes.changed().get(0);
        assertTrue(a.positionChanged() && a.salaryBandChanged() && !a.officerRoleChanged());
        MemberChange b = changes.changed().get(1);
        assertTrue(b.officerRoleChanged() && !b.becameOfficer() && !b.ceasedToBeOfficer());
        assertEquals(List.of(C_DRIVER), changes.leavers());
        assertEquals(List.of(C_DRIVER), changes.leaversToEnd());
        assertEquals(0, changes.unchanged());

        List<RosterCall> calls = changes.calls(ROSTER);
        assertEquals(List.of(
                        "LINK_EMPLOYEE " + D, "END_OFFICER " + B + " CFO", "LINK_OFFICER " + B + " GENERAL_MANAGER",
                        "END_EMPLOYEE " + C),
                calls.stream().map(c -> c.kind() + " " + c.customerId() + (c.office() == null ? "" : " " + c.office()))
                        .toList());
        assertEquals("crosssell-roster-" + ROSTER + "-" + D + "-link-employee", calls.get(0).idempotencyKey());
        assertEquals("crosssell-roster-" + ROSTER + "-" + B + "-link-officer-general_manager",
                calls.get(2).idempotencyKey());
        assertEquals(calls, changes.calls(ROSTER), "the same roster gives the same keys, so a resumed job repeats them");
        assertTrue(calls.stream().allMatch(c -> c.idempotencyKey().length() <= 200));
    }

    @Test
    void theSameRosterTwiceChangesNothing() {
        RosterChanges changes = RosterReconciliation.reconcile(List.of(A_CLERK, B_CFO, C_DRIVER),
                rows(C_DRIVER, A_CLERK, B_CFO), 0, LeaverPolicy.DEFAULT);
        assertTrue(changes.isNoChange());
        assertEquals(3, changes.unchanged());
        assertEquals(List.of(), changes.calls(ROSTER));
    }

    @Test
    void aFirstRosterLinksEveryoneAndOfficersTwice() {
        RosterChanges changes = RosterReconciliation.reconcile(List.of(), rows(A_CLERK, B_CFO), 0, LeaverPolicy.DEFAULT);
        assertEquals(List.of(RosterCall.Kind.LINK_EMPLOYEE, RosterCall.Kind.LINK_EMPLOYEE, RosterCall.Kind.LINK_OFFICER),
                changes.calls(ROSTER).stream().map(RosterCall::kind).toList());
    }

    @Test
    void anOfficerWhoLeavesHasBothLinksEnded() {
        RosterChanges changes = RosterReconciliation.reconcile(List.of(A_CLERK, B_CFO), rows(A_CLERK), 0,
                LeaverPolicy.DEFAULT);
        assertEquals(List.of(RosterCall.Kind.END_OFFICER, RosterCall.Kind.END_EMPLOYEE),
                changes.calls(ROSTER).stream().map(RosterCall::kind).toList());
        RosterChanges demoted = RosterReconciliation.reconcile(List.of(B_CFO),
                rows(member(B, "顾问", null, SalaryBand.ABOVE_50K)), 0, LeaverPolicy.DEFAULT);
        assertTrue(demoted.changed().get(0).ceasedToBeOfficer());
        assertEquals(List.of(RosterCall.Kind.END_OFFICER), demoted.calls(ROSTER).stream().map(RosterCall::kind).toList());
    }

    @Test
    void aRosterWithRejectedRowsEndsNobodysLink() {
        RosterChanges changes = RosterReconciliation.reconcile(List.of(A_CLERK, B_CFO, C_DRIVER), rows(A_CLERK, B_CFO),
                1, LeaverPolicy.DEFAULT);
        assertEquals(List.of(C_DRIVER), changes.leavers());
        assertEquals(LeaverWithholding.ROWS_NOT_APPLIED, changes.withholding());
        assertEquals(List.of(), changes.leaversToEnd());
        assertTrue(changes.isNoChange());
    }

    @Test
    void aRosterThatLosesTooManyPeopleWaitsForConfirmation() {
        List<RosterMember> previous = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            previous.add(member(id(i), "职员", null, SalaryBand.BAND_5K_10K));
        }
        List<ResolvedRow> firstHalf = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            firstHalf.add(new ResolvedRow(i + 1, previous.get(i)));
        }
        RosterChanges cut = RosterReconciliation.reconcile(previous, firstHalf, 0, LeaverPolicy.DEFAULT);
        assertEquals(LeaverWithholding.TOO_MANY_LEAVERS, cut.withholding());
        assertEquals(10, cut.leavers().size());
        assertEquals(List.of(), cut.leaversToEnd());
        RosterChanges confirmed = RosterReconciliation.reconcile(previous, firstHalf, 0, LeaverPolicy.DEFAULT.confirm());
        assertEquals(10, confirmed.leaversToEnd().size());
        // half of twenty is within a 50% policy; six of twenty (30%) within the default one, seven not
        assertEquals(LeaverWithholding.NONE, RosterReconciliation.reconcile(previous, firstHalf, 0,
                new LeaverPolicy(new BigDecimal("0.50"), 20, false)).withholding());
        assertEquals(LeaverWithholding.NONE, RosterReconciliation.reconcile(previous,
                rows(previous.subList(0, 14).toArray(RosterMember[]::new)), 0, LeaverPolicy.DEFAULT).withholding());
        assertEquals(LeaverWithholding.TOO_MANY_LEAVERS, RosterReconciliation.reconcile(previous,
                rows(previous.subList(0, 13).toArray(RosterMember[]::new)), 0, LeaverPolicy.DEFAULT).withholding());
        // a small employer is not held to the share
        RosterChanges small = RosterReconciliation.reconcile(List.of(A_CLERK, B_CFO, C_DRIVER), rows(A_CLERK), 0,
                LeaverPolicy.DEFAULT);
        assertEquals(LeaverWithholding.NONE, small.withholding());
    }

    @Test
    void aPersonTwiceInOneRosterCountsOnce() {
        RosterChanges changes = RosterReconciliation.reconcile(List.of(), List.of(new ResolvedRow(1, A_CLERK),
                new ResolvedRow(5, member(A, "会计", null, SalaryBand.BAND_10K_20K))), 0, LeaverPolicy.DEFAULT);
        assertEquals(List.of(new DuplicateRow(5, 1, A)), changes.duplicates());
        assertEquals(List.of(A_CLERK), changes.joiners().stream().map(ResolvedRow::member).toList());
    }

    /** Applying the changes to the previous roster gives the new one; reconciling the new one with itself, nothing. */
    @Property(tries = 300)
    void changesTakeThePreviousRosterToTheNewOne(@ForAll("rosters") List<RosterMember> previous,
                                                 @ForAll("rosters") List<RosterMember> next) {
        RosterChanges changes = RosterReconciliation.reconcile(previous, rows(next.toArray(RosterMember[]::new)), 0,
                LeaverPolicy.DEFAULT.confirm());
        Map<UUID, RosterMember> applied = new HashMap<>();
        previous.forEach(m -> applied.put(m.customerId(), m));
        changes.joiners().forEach(r -> applied.put(r.member().customerId(), r.member()));
        changes.changed().forEach(c -> applied.put(c.after().customerId(), c.after()));
        changes.leaversToEnd().forEach(m -> applied.remove(m.customerId()));
        assertEquals(new HashSet<>(next), new HashSet<>(applied.values()));
        assertEquals(next.size(), changes.joiners().size() + changes.changed().size() + changes.unchanged());

        RosterChanges again = RosterReconciliation.reconcile(next, rows(next.toArray(RosterMember[]::new)), 0,
                LeaverPolicy.DEFAULT);
        assertTrue(again.isNoChange());
        assertFalse(again.calls(ROSTER).iterator().hasNext());
    }

    @Provide
    Arbitrary<List<RosterMember>> rosters() {
        Arbitrary<RosterMember> member = Combinators.combine(
                Arbitraries.integers().between(1, 12),
                Arbitraries.of("出纳", "会计", "司机"),
                Arbitraries.of(OfficerRole.class).injectNull(0.7),
                Arbitraries.of(SalaryBand.class)).as((n, p, r, b) -> member(id(n), p, r, b));
        return member.list().ofMaxSize(12).uniqueElements(RosterMember::customerId);
    }

    @Test
    void aRegistrationKeyIsPerRosterAndRow() {
        assertEquals("crosssell-roster-" + ROSTER + "-row-42-register", RosterCall.registrationKey(ROSTER, 42));
        assertFalse(RosterCall.registrationKey(ROSTER, 42).equals(RosterCall.registrationKey(id(9), 42)));
        assertEquals(Set.of(), Set.copyOf(RosterReconciliation.reconcile(List.of(), List.of(), 0,
                LeaverPolicy.DEFAULT).calls(ROSTER)));
    }
}
