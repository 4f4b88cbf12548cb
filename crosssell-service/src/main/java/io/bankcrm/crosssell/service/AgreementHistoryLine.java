package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.agreement.AgreementStatus;

import java.time.Instant;

/** One status step of an agreement: from (null for the creation), to, who, when and why. */
public record AgreementHistoryLine(AgreementStatus fromStatus, AgreementStatus toStatus, String actor, Instant at,
                                   String reason) {
}
