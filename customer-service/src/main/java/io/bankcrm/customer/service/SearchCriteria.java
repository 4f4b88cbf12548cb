package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.CustomerKind;
import io.bankcrm.customer.domain.CustomerStatus;
import io.bankcrm.customer.domain.IdType;
import jakarta.validation.constraints.Size;

/** Search filters; all given ones must hold. Phone and ID number match exactly, name by prefix. */
public record SearchCriteria(
        @Size(max = 200) String namePrefix,
        @Size(max = 20) String phone,
        IdType idType,
        @Size(max = 40) String idNumber,
        CustomerKind kind,
        CustomerStatus status,
        @Size(max = 40) String tier,
        @Size(max = 50) String branch,
        @Size(max = 100) String manager,
        Integer limit,
        String cursor) {
}
