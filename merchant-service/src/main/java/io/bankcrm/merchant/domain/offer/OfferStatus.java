package io.bankcrm.merchant.domain.offer;

import io.bankcrm.platform.domain.TransitionTable;

import java.util.Set;

/**
 * An offer's life.
 *
 * <pre>
 * DRAFT → SCHEDULED → LIVE ⇄ PAUSED
 *                      LIVE ⇄ EXHAUSTED (a budget ran out; a top-up brings it back)
 * SCHEDULED, LIVE, PAUSED, EXHAUSTED → EXPIRED (its last day passed, or ended early; final)
 * </pre>
 *
 * A SCHEDULED offer is LIVE from its first day, and any offer past its last day is EXPIRED, without anyone
 * having to move it: {@link Offer#statusOn} derives that from the dates.
 */
public enum OfferStatus {
    DRAFT,
    SCHEDULED,
    LIVE,
    PAUSED,
    EXHAUSTED,
    EXPIRED;

    public static final TransitionTable<OfferStatus> STEPS = TransitionTable.of(OfferStatus.class)
            .allow(DRAFT, SCHEDULED)
            .allow(SCHEDULED, LIVE, EXPIRED)
            .allow(LIVE, PAUSED, EXHAUSTED, EXPIRED)
            .allow(PAUSED, LIVE, EXPIRED)
            .allow(EXHAUSTED, LIVE, EXPIRED)
            .allow(EXPIRED)
            .build();

    public Set<OfferStatus> moves() {
        return STEPS.from(this);
    }

    public boolean canMoveTo(OfferStatus target) {
        return STEPS.allows(this, target);
    }
}
