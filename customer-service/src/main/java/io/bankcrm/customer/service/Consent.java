package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.ConsentChannel;
import io.bankcrm.customer.domain.ConsentPurpose;

import java.time.Instant;

/** Consent for one purpose and channel; never-asked pairs show granted=false with no source. */
public record Consent(ConsentPurpose purpose, ConsentChannel channel, boolean granted, String source,
                          Instant changedAt, String changedBy) {
}
