package io.bankcrm.segmentation.service;

import io.bankcrm.segmentation.domain.Segment;
import io.bankcrm.segmentation.domain.ServiceModel;

import java.time.Instant;
import java.util.List;

/**
 * A tier of the catalogue and what it entitles a customer to: how they are served, which fees are waived, and
 * their priority in queues and call centres (1 first).
 *
 * @param rank 1 for the top tier of the segment
 */
public record Tier(String code, Segment segment, int rank, String name, ServiceModel serviceModel,
                   List<String> feeWaivers, int priority, String description, Instant updatedAt, String updatedBy,
                   long version) {
}
