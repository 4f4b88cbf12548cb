package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.roster.LeaverWithholding;

/**
 * What a roster changed: rows resolved and refused, joiners, members whose facts changed, unchanged members,
 * leavers (ended, or withheld and why), and the calls to customer-service made.
 */
public record RosterSummary(int rows, int rowsRefused, Integer joiners, Integer changed, Integer unchanged,
                            Integer leavers, LeaverWithholding withholding, int callsDone, Integer calls) {
}
