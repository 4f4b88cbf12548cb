package io.bankcrm.customer.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle of a customer relationship.
 *
 * <pre>
 * PROSPECT ──► ACTIVE ◄──► DORMANT
 *    │           │            │
 *    └─────────► CLOSED ◄─────┘   (terminal)
 * </pre>
 *
 * A prospect is never made dormant: dormancy is about inactivity of an existing relationship.
 */
public enum CustomerStatus {
    PROSPECT,
    ACTIVE,
    DORMANT,
    CLOSED;

    // Built after the constants exist: an enum constructor cannot refer to constants declared later.
    private static final Map<CustomerStatus, Set<CustomerStatus>> TRANSITIONS = new EnumMap<>(CustomerStatus.class);

    static {
        TRANSITIONS.put(PROSPECT, Collections.unmodifiableSet(EnumSet.of(ACTIVE, CLOSED)));
        TRANSITIONS.put(ACTIVE, Collections.unmodifiableSet(EnumSet.of(DORMANT, CLOSED)));
        TRANSITIONS.put(DORMANT, Collections.unmodifiableSet(EnumSet.of(ACTIVE, CLOSED)));
        TRANSITIONS.put(CLOSED, Collections.unmodifiableSet(EnumSet.noneOf(CustomerStatus.class)));
    }

    /** Statuses reachable in one step, in declaration order; never contains this status. Unmodifiable. */
    public Set<CustomerStatus> allowedTransitions() {
        return TRANSITIONS.get(this);
    }

    /** Whether a customer in this status may move to {@code target}; staying in the same status is not a transition. */
    public boolean canTransitionTo(CustomerStatus target) {
        return target != null && allowedTransitions().contains(target);
    }
}
