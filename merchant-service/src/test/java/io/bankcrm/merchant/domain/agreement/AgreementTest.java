package io.bankcrm.merchant.domain.agreement;

import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.bankcrm.merchant.domain.Fixtures.MERCHANT;
import static io.bankcrm.merchant.domain.Fixtures.by;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Domain, no container: in-kind obligations of an agreement and their fulfilment. */
class AgreementTest {

    static final UUID BRANCHES = UUID.randomUUID();

    static Agreement agreement() {
        return new Agreement(UUID.randomUUID(), MERCHANT, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1),
                LocalDate.of(2027, 5, 31), List.of(InKindObligation.promise(BRANCHES, Obligor.BANK,
                "the bank promotes the merchant in 20 branches during the offer", 20, "branches",
                LocalDate.of(2026, 8, 31))));
    }

    @Test
    void anObligationIsFulfilledStepByStepOrBecomesOverdue() {
        Agreement a = agreement();
        InKindObligation o = a.obligations().get(0);
        assertEquals(InKindObligation.State.OPEN, o.state(LocalDate.of(2026, 6, 10)));
        a = a.fulfil(BRANCHES, new Fulfilment(8, LocalDate.of(2026, 6, 15), "posters in 8 Gulou branches",
                by("branch-ops", "2026-06-15T08:00:00Z")));
        o = a.obligations().get(0);
        assertEquals(8, o.fulfilled());
        assertEquals(12, o.outstanding());
        assertEquals(InKindObligation.State.IN_PROGRESS, o.state(LocalDate.of(2026, 8, 31)));
        assertEquals(InKindObligation.State.OVERDUE, o.state(LocalDate.of(2026, 9, 1)));
        assertEquals(List.of(o), a.overdue(LocalDate.of(2026, 9, 1)));
        a = a.fulfil(BRANCHES, new Fulfilment(14, LocalDate.of(2026, 7, 1), null, by("branch-ops", "2026-07-01T08:00:00Z")));
        o = a.obligations().get(0);
        assertEquals(22, o.fulfilled(), "more than promised is recorded as done");
        assertEquals(InKindObligation.State.FULFILLED, o.state(LocalDate.of(2026, 9, 1)));
        assertEquals(List.of(), a.overdue(LocalDate.of(2026, 9, 1)));
    }

    @Test
    void refusesUnknownObligationsEarlyFulfilmentsAndEmptyOnes() {
        Agreement a = agreement();
        assertThrows(InvalidInput.class, () -> a.fulfil(UUID.randomUUID(),
                new Fulfilment(1, LocalDate.of(2026, 6, 2), null, by("x", "2026-06-02T00:00:00Z"))));
        assertThrows(StateConflict.class, () -> a.fulfil(BRANCHES,
                new Fulfilment(1, LocalDate.of(2026, 5, 2), null, by("x", "2026-06-02T00:00:00Z"))));
        assertThrows(InvalidInput.class, () -> new Fulfilment(0, LocalDate.of(2026, 6, 2), null,
                by("x", "2026-06-02T00:00:00Z")));
        assertEquals(0, a.obligations().get(0).fulfilled(), "the agreement itself is unchanged");
    }
}
