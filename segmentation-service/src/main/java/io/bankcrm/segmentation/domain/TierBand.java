package io.bankcrm.segmentation.domain;

import java.math.BigDecimal;

/**
 * One tier of a policy and its bar. What {@code bound} means depends on the method (see
 * {@link TieringMethod#boundName()}); the last band of a policy takes everyone left and has no bound.
 */
public record TierBand(String tier, BigDecimal bound) {
}
