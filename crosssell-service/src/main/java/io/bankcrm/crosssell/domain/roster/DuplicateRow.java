package io.bankcrm.crosssell.domain.roster;

import java.util.UUID;

/** A row naming the same person as an earlier row of the same roster; the earlier row counts, this one is an error. */
public record DuplicateRow(long rowNumber, long firstRowNumber, UUID customerId) {
}
