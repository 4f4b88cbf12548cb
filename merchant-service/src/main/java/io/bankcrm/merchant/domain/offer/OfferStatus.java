package io.bankcrm.merchant.domain.offer;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
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

    private static final Map<OfferStatus, Set<OfferStatus>> MOVES = new EnumMap<>(OfferStatus.class);

    static {
        MOVES.put(DRAFT, EnumSet.of(SCHEDULED));
        MOVES.put(SCHEDULED, EnumSet.of(LIVE, EXPIRED));
        MOVES.put(LIVE, EnumSet.of(PAUSED, EXHAUSTED, EXPIRED));
        MOVES.put(PAUSED, EnumSet.of(LIVE, EXPIRED));
        MOVES.put(EXHAUSTED, EnumSet.of(LIVE, EXPIRED));
        MOVES.put(EXPIRED, EnumSet.noneOf(OfferStatus.class));
        MOVES.replaceAll((k, v) -> Collections.unmodifiableSet(v));
    }

    public Set<OfferStatus> moves() {
        return MOVES.get(this);
    }

    public boolean canMoveTo(OfferStatus target) {
        return target != null && moves().contains(target);
    }
}
