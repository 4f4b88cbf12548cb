package io.bankcrm.customer.api;

import java.util.List;

/** A customer who may be the one described, and which identifiers matched. */
public record MatchCandidate(CustomerView customer, List<String> matchedOn) {
}
