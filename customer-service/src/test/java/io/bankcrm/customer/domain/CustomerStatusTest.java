package io.bankcrm.customer.domain;

import static io.bankcrm.customer.domain.CustomerStatus.ACTIVE;
import static io.bankcrm.customer.domain.CustomerStatus.CLOSED;
import static io.bankcrm.customer.domain.CustomerStatus.DORMANT;
import static io.bankcrm.customer.domain.CustomerStatus.PROSPECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Domain layer: customer status lifecycle transitions, plain unit test without a container. */
class CustomerStatusTest {

    @Test
    void prospectCanBecomeActiveOrClosed() {
        assertTrue(PROSPECT.canTransitionTo(ACTIVE));
        assertTrue(PROSPECT.canTransitionTo(CLOSED));
        assertFalse(PROSPECT.canTransitionTo(DORMANT));
        assertFalse(PROSPECT.canTransitionTo(PROSPECT));
    }

    @Test
    void activeCanBecomeDormantOrClosed() {
        assertTrue(ACTIVE.canTransitionTo(DORMANT));
        assertTrue(ACTIVE.canTransitionTo(CLOSED));
        assertFalse(ACTIVE.canTransitionTo(PROSPECT));
        assertFalse(ACTIVE.canTransitionTo(ACTIVE));
    }

    @Test
    void dormantCanBeReactivatedOrClosed() {
        assertTrue(DORMANT.canTransitionTo(ACTIVE));
        assertTrue(DORMANT.canTransitionTo(CLOSED));
        assertFalse(DORMANT.canTransitionTo(PROSPECT));
        assertFalse(DORMANT.canTransitionTo(DORMANT));
    }

    @Test
    void closedIsTerminal() {
        assertFalse(CLOSED.canTransitionTo(PROSPECT));
        assertFalse(CLOSED.canTransitionTo(ACTIVE));
        assertFalse(CLOSED.canTransitionTo(DORMANT));
        assertFalse(CLOSED.canTransitionTo(CLOSED));
        assertTrue(CLOSED.allowedTransitions().isEmpty());
    }

    @Test
    void nullTargetIsNotAllowed() {
        assertFalse(ACTIVE.canTransitionTo(null));
    }

    @Test
    void allowedTransitionsListsTargets() {
        assertEquals(EnumSet.of(ACTIVE, CLOSED), PROSPECT.allowedTransitions());
        assertEquals(EnumSet.of(DORMANT, CLOSED), ACTIVE.allowedTransitions());
        assertEquals(EnumSet.of(ACTIVE, CLOSED), DORMANT.allowedTransitions());
    }

    @Test
    void allowedTransitionsCannotBeModified() {
        Set<CustomerStatus> targets = PROSPECT.allowedTransitions();
        assertThrows(UnsupportedOperationException.class, () -> targets.add(DORMANT));
    }
}
