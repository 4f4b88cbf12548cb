package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.CustomerKind;
import io.bankcrm.customer.domain.CustomerStatus;
import io.bankcrm.customer.domain.IdType;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @Schema(minimum = "1", maximum = "200", description = "Items per page: default 50; larger values are served as 200")
        @Min(1) Integer limit,
        @Schema(description = "nextCursor of the previous page") @Size(max = 2048) @Pattern(regexp = "[A-Za-z0-9_-]*") String cursor) {
}
