package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.agreement.AgreementStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Move an agreement to {@code status}; suspending and terminating need a reason. */
@Schema(name = "AgreementStatusChange")
public record StatusRequest(@NotNull AgreementStatus status, @Size(max = 500) String reason) {
}
