package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.IdType;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * What is known of a person or organisation: any of ID number, credit code, mobile, or name with date of
 * birth. Sent in a body, not a URL, so identifiers stay out of access logs.
 */
public record MatchRequest(
        IdType idType,
        @Size(max = 40) String idNumber,
        @Size(max = 18) String creditCode,
        @Size(max = 20) String mobile,
        @Size(max = 200) String name,
        LocalDate dateOfBirth) {
}
