package io.bankcrm.crosssell.domain.agreement;

import io.bankcrm.platform.domain.IllegalTransition;
import io.bankcrm.platform.domain.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Set;

import static io.bankcrm.crosssell.domain.CrosssellMother.yuan;
import static io.bankcrm.crosssell.domain.agreement.AgreementStatus.ACTIVE;
import static io.bankcrm.crosssell.domain.agreement.AgreementStatus.DRAFT;
import static io.bankcrm.crosssell.domain.agreement.AgreementStatus.SUSPENDED;
import static io.bankcrm.crosssell.domain.agreement.AgreementStatus.TERMINATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: the agreement life cycle, its effect on leads, and the terms' rules. */
class AgreementStatusTest {

    private static final Instant AT = Instant.parse("2026-11-16T02:00:00Z");

    @Test
    void allowsExactlyTheStepsOfTheLifeCycle() {
        Set<String> allowed = Set.of("DRAFT>ACTIVE", "DRAFT>TERMINATED", "ACTIVE>SUSPENDED", "ACTIVE>TERMINATED",
                "SUSPENDED>ACTIVE", "SUSPENDED>TERMINATED");
        for (AgreementStatus from : AgreementStatus.values()) {
            for (AgreementStatus to : AgreementStatus.values()) {
                assertEquals(allowed.contains(from + ">" + to), from.canTransitionTo(to), from + " to " + to);
            }
        }
        assertEquals(EnumSet.noneOf(AgreementStatus.class), TERMINATED.allowedTransitions());
    }

    @Test
    void aStepRecordsWhoAndWhenAndWhy() {
        AgreementChange change = ACTIVE.moveTo(SUSPENDED, "rm.zhang", AT, "fee dispute");
        assertEquals(ACTIVE, change.transition().from());
        assertEquals(SUSPENDED, change.transition().to());
        assertEquals("rm.zhang", change.transition().actor());
        assertEquals(AT, change.transition().at());
        assertEquals("fee dispute", change.transition().reason());
    }

    @Test
    void refusesAStepTheLifeCycleDoesNotHaveNamingTheAllowedOnes() {
        IllegalTransition e = assertThrows(IllegalTransition.class, () -> DRAFT.moveTo(SUSPENDED, "rm.zhang", AT, "x"));
        assertEquals("DRAFT", e.from());
        assertEquals("SUSPENDED", e.to());
        assertEquals(Set.of("ACTIVE", "TERMINATED"), e.allowed());
        IllegalTransition fin = assertThrows(IllegalTransition.class, () -> TERMINATED.moveTo(ACTIVE, "rm.zhang", AT, null));
        assertTrue(fin.getMessage().contains("TERMINATED is final"), fin.getMessage());
        assertThrows(IllegalTransition.class, () -> ACTIVE.moveTo(ACTIVE, "rm.zhang", AT, null));
    }

    @Test
    void suspendingAndTerminatingNeedAReasonAndAnActor() {
        assertEquals("reason", assertThrows(InvalidInput.class, () -> ACTIVE.moveTo(SUSPENDED, "rm.zhang", AT, " "))
                .violations().get(0).field());
        assertThrows(InvalidInput.class, () -> ACTIVE.moveTo(TERMINATED, "rm.zhang", AT, null));
        assertThrows(IllegalArgumentException.class, () -> DRAFT.moveTo(ACTIVE, "", AT, null));
        assertEquals(ACTIVE, DRAFT.moveTo(ACTIVE, "rm.zhang", AT, null).transition().to());
    }

    @Test
    void eachStepSaysWhatHappensToTheOpenLeads() {
        assertEquals(AgreementLeadEffect.NONE, DRAFT.moveTo(ACTIVE, "a", AT, null).leadEffect());
        assertEquals(AgreementLeadEffect.NONE, DRAFT.moveTo(TERMINATED, "a", AT, "never signed").leadEffect());
        assertEquals(AgreementLeadEffect.HOLD, ACTIVE.moveTo(SUSPENDED, "a", AT, "audit").leadEffect());
        assertEquals(AgreementLeadEffect.RELEASE, SUSPENDED.moveTo(ACTIVE, "a", AT, null).leadEffect());
        assertEquals(AgreementLeadEffect.EXPIRE, ACTIVE.moveTo(TERMINATED, "a", AT, "moved bank").leadEffect());
        assertEquals(AgreementLeadEffect.EXPIRE, SUSPENDED.moveTo(TERMINATED, "a", AT, "moved bank").leadEffect());
        assertEquals("payroll agreement terminated: moved its payroll to another bank",
                ACTIVE.moveTo(TERMINATED, "a", AT, "moved its payroll to another bank").leadReason(AgreementKind.PAYROLL));
    }

    @Test
    void onlyAnActiveAgreementTakesRosters() {
        assertTrue(ACTIVE.isActive());
        assertFalse(DRAFT.isActive());
        assertFalse(SUSPENDED.isActive());
        assertFalse(TERMINATED.isActive());
    }

    @Test
    void payrollTermsReportEveryFieldAtFault() {
        assertEquals(0, new PayrollTerms("6222020200112233", 10, 250, yuan("0"), true).violations().size());
        var bad = new PayrollTerms("6222-0202", 0, 0, yuan("-1.00"), false).violations();
        assertEquals(Set.of("payrollAccount", "payDay", "expectedHeadcount", "feePerPayment"),
                bad.stream().map(v -> v.field()).collect(java.util.stream.Collectors.toSet()));
        assertEquals("is required (zero when waived)",
                new PayrollTerms("6222020200112233", 31, 1, null, false).violations().get(0).message());
    }

    @Test
    void payDayThirtyOneIsTheLastDayOfShortMonths() {
        PayrollTerms terms = new PayrollTerms("6222020200112233", 31, 10, yuan("2.00"), false);
        assertEquals(java.time.LocalDate.of(2026, 2, 28), terms.payDate(YearMonth.of(2026, 2)));
        assertEquals(java.time.LocalDate.of(2028, 2, 29), terms.payDate(YearMonth.of(2028, 2)));
        assertEquals(java.time.LocalDate.of(2026, 4, 30), terms.payDate(YearMonth.of(2026, 4)));
        assertEquals(java.time.LocalDate.of(2026, 5, 31), terms.payDate(YearMonth.of(2026, 5)));
    }

    @Test
    void collectionTermsHaveTheirOwnRules() {
        assertEquals(0, new CollectionTerms(CollectionCategory.TUITION, "31050161393600000123", 4_000, yuan("0.50"))
                .violations().size());
        var bad = new CollectionTerms(null, "123", -1, null).violations();
        assertEquals(4, bad.size(), bad.toString());
    }
}
