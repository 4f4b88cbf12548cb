package io.bankcrm.crosssell.service;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A member away from {@code from} to {@code to}, both included, in the bank's calendar. */
@Schema(name = "AbsenceRequest")
public record AbsenceRequest(@NotNull LocalDate from, @NotNull LocalDate to) {
}
