package io.bankcrm.merchant.domain.onboarding;

import io.bankcrm.merchant.domain.Stamp;
import io.bankcrm.merchant.domain.merchant.MccGroup;
import io.bankcrm.platform.domain.IllegalTransition;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.bankcrm.merchant.domain.Fixtures.MERCHANT;
import static io.bankcrm.merchant.domain.Fixtures.by;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: the onboarding steps in order, who and when, requirements and SLAs. */
class OnboardingTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final RiskAssessment APPROVED = new RiskAssessment(RiskAssessment.Decision.APPROVED, 22,
            List.of("no chargebacks at the previous acquirer"));

    static Onboarding applied(MccGroup group, LocalDate licenceExpiry) {
        return Onboarding.apply(MERCHANT, group, licenceExpiry, by("ops-li", "2026-06-01T02:00:00Z"), SHANGHAI);
    }

    static Onboarding withDocuments() {
        Onboarding o = applied(MccGroup.GENERAL, LocalDate.of(2030, 1, 1));
        for (DocumentType d : o.requiredDocuments()) {
            o.receiveDocument(d, by("ops-li", "2026-06-02T02:00:00Z"));
        }
        return o;
    }

    static Onboarding active() {
        Onboarding o = withDocuments();
        o.verifyDocuments(by("ops-li", "2026-06-03T02:00:00Z"), LocalDate.of(2026, 6, 3));
        o.assessRisk(APPROVED, by("risk-wang", "2026-06-04T02:00:00Z"));
        o.signAgreement(UUID.randomUUID(), by("ops-li", "2026-06-05T02:00:00Z"));
        o.installTerminals(List.of("T0000001", "T0000002"), by("field-zhao", "2026-06-06T02:00:00Z"));
        o.completeTraining(by("field-zhao", "2026-06-07T02:00:00Z"));
        o.activate(by("ops-li", "2026-06-08T02:00:00Z"));
        return o;
    }

    @Test
    void goesFromApplicationToActiveRecordingWhoAndWhen() {
        Onboarding o = active();
        assertEquals(OnboardingStatus.ACTIVE, o.status());
        List<OnboardingStep> steps = o.steps();
        assertEquals(List.of(OnboardingStatus.APPLIED, OnboardingStatus.DOCUMENTS_VERIFIED, OnboardingStatus.RISK_ASSESSED,
                OnboardingStatus.AGREEMENT_SIGNED, OnboardingStatus.TERMINAL_INSTALLED, OnboardingStatus.TRAINED,
                OnboardingStatus.ACTIVE), steps.stream().map(OnboardingStep::to).toList());
        assertEquals(new Stamp("risk-wang", Instant.parse("2026-06-04T02:00:00Z")), steps.get(2).stamp());
        assertEquals("APPROVED (score 22)", steps.get(2).note());
        assertEquals(OnboardingStatus.TERMINAL_INSTALLED, steps.get(5).from());
        assertEquals(List.of("T0000001", "T0000002"), o.terminalIds());
        assertEquals(Instant.parse("2026-06-08T02:00:00Z"), o.enteredCurrentStatusAt());
    }

    @Test
    void aStepOutOfOrderIsAConflictAndChangesNothing() {
        Onboarding o = withDocuments();
        StateConflict conflict = assertThrows(StateConflict.class,
                () -> o.signAgreement(UUID.randomUUID(), by("ops-li", "2026-06-03T02:00:00Z")));
        assertEquals(IllegalTransition.CODE, conflict.code());
        assertEquals(List.of("DOCUMENTS_VERIFIED", "SUSPENDED", "TERMINATED"), List.copyOf(((IllegalTransition) conflict).allowed()));
        assertEquals(OnboardingStatus.APPLIED, o.status());
        assertEquals(1, o.steps().size());
        Onboarding a = active();
        assertThrows(StateConflict.class, () -> a.activate(by("ops-li", "2026-06-09T02:00:00Z")));
        assertThrows(StateConflict.class, () -> a.completeTraining(by("ops-li", "2026-06-09T02:00:00Z")));
    }

    @Test
    void anExpiredLicenceBlocksVerification() {
        Onboarding o = applied(MccGroup.GENERAL, LocalDate.of(2026, 6, 2));
        for (DocumentType d : o.requiredDocuments()) {
            o.receiveDocument(d, by("ops-li", "2026-06-01T03:00:00Z"));
        }
        StateConflict conflict = assertThrows(StateConflict.class,
                () -> o.verifyDocuments(by("ops-li", "2026-06-03T02:00:00Z"), LocalDate.of(2026, 6, 3)));
        assertEquals("licence-expired", conflict.code());
        assertEquals(OnboardingStatus.APPLIED, o.status());
        o.verifyDocuments(by("ops-li", "2026-06-02T02:00:00Z"), LocalDate.of(2026, 6, 2));
        assertEquals(OnboardingStatus.DOCUMENTS_VERIFIED, o.status());
    }

    @Test
    void verificationWaitsForEveryRequiredDocument() {
        Onboarding o = applied(MccGroup.DINING_ENTERTAINMENT, null);
        for (DocumentType d : List.of(DocumentType.BUSINESS_LICENCE, DocumentType.LEGAL_REPRESENTATIVE_ID,
                DocumentType.SETTLEMENT_ACCOUNT_PROOF, DocumentType.PREMISES_PHOTOS)) {
            o.receiveDocument(d, by("ops-li", "2026-06-01T03:00:00Z"));
        }
        StateConflict conflict = assertThrows(StateConflict.class,
                () -> o.verifyDocuments(by("ops-li", "2026-06-02T02:00:00Z"), LocalDate.of(2026, 6, 2)));
        assertEquals("documents-missing", conflict.code());
        assertTrue(conflict.getMessage().contains("FOOD_BUSINESS_LICENCE"));
        Onboarding general = applied(MccGroup.GENERAL, null);
        assertThrows(InvalidInput.class, () -> general.receiveDocument(DocumentType.FOOD_BUSINESS_LICENCE,
                by("ops-li", "2026-06-01T03:00:00Z")));
    }

    @Test
    void aDeclinedMerchantCanOnlyBeTerminated() {
        Onboarding o = withDocuments();
        o.verifyDocuments(by("ops-li", "2026-06-03T02:00:00Z"), LocalDate.of(2026, 6, 3));
        o.assessRisk(new RiskAssessment(RiskAssessment.Decision.DECLINED, 91, List.of("listed in the fraud register")),
                by("risk-wang", "2026-06-04T02:00:00Z"));
        assertTrue(o.declined());
        assertThrows(StateConflict.class, () -> o.signAgreement(UUID.randomUUID(), by("ops-li", "2026-06-05T02:00:00Z")));
        assertThrows(StateConflict.class, () -> o.suspend("review", by("ops-li", "2026-06-05T02:00:00Z")));
        o.terminate("declined by risk", by("ops-li", "2026-06-05T02:00:00Z"));
        assertEquals(OnboardingStatus.TERMINATED, o.status());
    }

    @Test
    void aSuspensionReturnsToWhereItWasAndTerminationIsFinal() {
        Onboarding o = withDocuments();
        o.verifyDocuments(by("ops-li", "2026-06-03T02:00:00Z"), LocalDate.of(2026, 6, 3));
        o.suspend("licence under review", by("ops-li", "2026-06-04T02:00:00Z"));
        assertEquals(OnboardingStatus.SUSPENDED, o.status());
        assertEquals(OnboardingStatus.DOCUMENTS_VERIFIED, o.suspendedFrom().orElseThrow());
        assertThrows(StateConflict.class, () -> o.assessRisk(APPROVED, by("risk-wang", "2026-06-05T02:00:00Z")));
        o.reinstate(by("ops-li", "2026-06-05T02:00:00Z"));
        assertEquals(OnboardingStatus.DOCUMENTS_VERIFIED, o.status());
        o.assessRisk(APPROVED, by("risk-wang", "2026-06-06T02:00:00Z"));

        Onboarding a = active();
        a.suspend("suspected fraud", by("ops-li", "2026-06-09T02:00:00Z"));
        a.terminate("fraud confirmed", by("ops-li", "2026-06-10T02:00:00Z"));
        assertEquals(OnboardingStatus.TERMINATED, a.status());
        assertThrows(StateConflict.class, () -> a.reinstate(by("ops-li", "2026-06-11T02:00:00Z")));
        assertThrows(StateConflict.class, () -> a.terminate("again", by("ops-li", "2026-06-11T02:00:00Z")));
        assertThrows(InvalidInput.class, () -> active().suspend(" ", by("ops-li", "2026-06-09T02:00:00Z")));
    }

    @Test
    void everyLiveStatusMaySuspendOrTerminate() {
        for (OnboardingStatus s : OnboardingStatus.values()) {
            if (s.isLive()) {
                assertTrue(s.canMoveTo(OnboardingStatus.SUSPENDED) && s.canMoveTo(OnboardingStatus.TERMINATED), s.name());
            }
        }
        assertEquals(java.util.Set.of(OnboardingStatus.TERMINATED), OnboardingStatus.SUSPENDED.moves());
        assertTrue(OnboardingStatus.TERMINATED.moves().isEmpty());
    }

    @Test
    void terminalIdsAreEightCharactersAndDistinct() {
        Onboarding o = withDocuments();
        o.verifyDocuments(by("ops-li", "2026-06-03T02:00:00Z"), LocalDate.of(2026, 6, 3));
        o.assessRisk(APPROVED, by("risk-wang", "2026-06-04T02:00:00Z"));
        o.signAgreement(UUID.randomUUID(), by("ops-li", "2026-06-05T02:00:00Z"));
        Stamp s = by("field-zhao", "2026-06-06T02:00:00Z");
        assertThrows(InvalidInput.class, () -> o.installTerminals(List.of(), s));
        assertThrows(InvalidInput.class, () -> o.installTerminals(List.of("T00001"), s));
        assertThrows(InvalidInput.class, () -> o.installTerminals(List.of("T0000001", "T0000001"), s));
        assertEquals(OnboardingStatus.AGREEMENT_SIGNED, o.status());
    }

    @Test
    void aStepCannotPredateThePreviousOne() {
        Onboarding o = withDocuments();
        assertThrows(InvalidInput.class,
                () -> o.verifyDocuments(by("ops-li", "2026-05-31T02:00:00Z"), LocalDate.of(2026, 6, 3)));
    }

    @Test
    void listsWhatIsStillRequiredAndWhatIsPastDue() {
        Onboarding o = applied(MccGroup.DINING_ENTERTAINMENT, null);
        o.receiveDocument(DocumentType.BUSINESS_LICENCE, by("ops-li", "2026-06-02T02:00:00Z"));
        OnboardingSla sla = OnboardingSla.DEFAULT;
        LocalDate dueBy = LocalDate.of(2026, 6, 15);
        List<Requirement> onTime = o.requirements(sla, LocalDate.of(2026, 6, 15));
        assertEquals(5, onTime.size());
        assertEquals(new Requirement(DocumentType.BUSINESS_LICENCE, Requirement.State.RECEIVED, dueBy,
                Instant.parse("2026-06-02T02:00:00Z")), onTime.get(0));
        assertTrue(onTime.subList(1, 5).stream().allMatch(r -> r.state() == Requirement.State.DUE && r.dueBy().equals(dueBy)));
        List<Requirement> late = o.requirements(sla, LocalDate.of(2026, 6, 16));
        assertEquals(4, late.stream().filter(r -> r.state() == Requirement.State.PAST_DUE).count());
        assertEquals(List.of(), active().requirements(sla, LocalDate.of(2026, 6, 16)));
    }

    @Test
    void aStepIsOverdueWhenItsStatusOutlastsTheSla() {
        Onboarding o = withDocuments();
        OnboardingSla sla = new OnboardingSla(Map.of(OnboardingStatus.APPLIED, Duration.ofDays(3)), 14);
        assertTrue(sla.overdue(o, Instant.parse("2026-06-04T02:00:00Z")).isEmpty(), "exactly at the SLA is on time");
        Overdue overdue = sla.overdue(o, Instant.parse("2026-06-05T02:00:00Z")).orElseThrow();
        assertEquals(new Overdue(MERCHANT, OnboardingStatus.APPLIED, OnboardingStatus.DOCUMENTS_VERIFIED,
                Instant.parse("2026-06-01T02:00:00Z"), Instant.parse("2026-06-04T02:00:00Z"), Duration.ofDays(1)), overdue);
        o.verifyDocuments(by("ops-li", "2026-06-05T03:00:00Z"), LocalDate.of(2026, 6, 5));
        assertTrue(sla.overdue(o, Instant.parse("2026-07-05T02:00:00Z")).isEmpty(), "no SLA for DOCUMENTS_VERIFIED here");
        assertTrue(OnboardingSla.DEFAULT.overdue(active(), Instant.parse("2027-01-01T00:00:00Z")).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new OnboardingSla(Map.of(OnboardingStatus.ACTIVE, Duration.ofDays(1)), 14));
    }

    @Test
    void aRiskAssessmentHasAScoreAndReasons() {
        assertThrows(InvalidInput.class, () -> new RiskAssessment(RiskAssessment.Decision.APPROVED, 101, List.of("x")));
        assertThrows(InvalidInput.class, () -> new RiskAssessment(RiskAssessment.Decision.DECLINED, 50, List.of()));
    }
}
