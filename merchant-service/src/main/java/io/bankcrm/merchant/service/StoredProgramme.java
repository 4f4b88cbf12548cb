package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.instalment.InstalmentProgramme;

import java.time.Instant;

/** An instalment programme as stored: the domain programme, who created and last changed it, its version. */
public record StoredProgramme(InstalmentProgramme programme, Instant createdAt, String createdBy, Instant updatedAt,
                              String updatedBy, long version) {
}
