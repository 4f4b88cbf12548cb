package io.bankcrm.crosssell.domain.lead;

import io.bankcrm.platform.domain.TransitionTable;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Life cycle of a lead.
 *
 * <pre>
 * NEW ──► CONTACTED ──► QUALIFIED ──► CONVERTED
 *  │          │  └──────────┴───────► LOST
 *  └──────────┴─────────────┴───────► EXPIRED        (the service: agreement ended, consent withdrawn, leaver)
 *  any open status ◄──► ON_HOLD ──► EXPIRED          (the agreement suspended, then reactivated or terminated)
 * </pre>
 *
 * A lead is lost after someone has talked to the customer; one that was never contacted can only expire. A held
 * lead returns to the status it was held in, never another. CONVERTED, LOST and EXPIRED are final.
 */
public enum LeadStatus {
    NEW, CONTACTED, QUALIFIED, CONVERTED, LOST, EXPIRED, ON_HOLD;

    static final TransitionTable<LeadStatus> TABLE = TransitionTable.of(LeadStatus.class)
            .allow(NEW, CONTACTED, EXPIRED, ON_HOLD)
            .allow(CONTACTED, QUALIFIED, LOST, EXPIRED, ON_HOLD)
            .allow(QUALIFIED, CONVERTED, LOST, EXPIRED, ON_HOLD)
            .allow(ON_HOLD, NEW, CONTACTED, QUALIFIED, EXPIRED)
            .allow(CONVERTED)
            .allow(LOST)
            .allow(EXPIRED)
            .build();

    /** The statuses in which a lead is open: at most one open lead per customer and product. */
    public static final Set<LeadStatus> OPEN = Collections.unmodifiableSet(EnumSet.of(NEW, CONTACTED, QUALIFIED, ON_HOLD));

    public Set<LeadStatus> allowedTransitions() {
        return TABLE.from(this);
    }

    public boolean canTransitionTo(LeadStatus target) {
        return TABLE.allows(this, target);
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** Open and not held: someone is meant to be working it. */
    public boolean isWorkable() {
        return this == NEW || this == CONTACTED || this == QUALIFIED;
    }
}
