package io.bankcrm.events.segmentation;

import io.bankcrm.events.EventType;
import io.bankcrm.events.Topics;

/** The events segmentation-service publishes on {@value Topics#SEGMENTATION}: tier changes keyed by customer id. */
public final class SegmentationEvents {

    public static final String AGGREGATE = "customer-tier";

    public static final EventType<TierChanged> TIER_CHANGED =
            new EventType<>(Topics.SEGMENTATION, "crm.segmentation.tier-changed", AGGREGATE, TierChanged.class);

    public static final EventType<TieringRunCompleted> RUN_COMPLETED = new EventType<>(Topics.SEGMENTATION,
            "crm.segmentation.tiering-run-completed", "tiering-run", TieringRunCompleted.class);

    private SegmentationEvents() {
    }
}
