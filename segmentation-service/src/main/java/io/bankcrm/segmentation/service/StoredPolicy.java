package io.bankcrm.segmentation.service;

import io.bankcrm.segmentation.domain.TieringPolicy;

import java.time.Instant;

/** One version of a tiering policy as stored, with who wrote it and when. */
public record StoredPolicy(TieringPolicy policy, Instant createdAt, String createdBy) {
}
