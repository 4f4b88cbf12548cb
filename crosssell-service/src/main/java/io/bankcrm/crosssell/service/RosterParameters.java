package io.bankcrm.crosssell.service;

import java.util.UUID;

/** A roster job's parameters: the agreement; the rest is in the {@code roster} row of the same id. */
public record RosterParameters(UUID agreementId) {
}
