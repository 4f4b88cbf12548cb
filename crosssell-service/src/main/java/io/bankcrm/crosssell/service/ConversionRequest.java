package io.bankcrm.crosssell.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * What a qualified lead converted into.
 *
 * @param product   the product opened; the lead's own when absent
 * @param reference the core-banking contract reference (never a card number)
 */
@Schema(name = "ConversionRequest")
public record ConversionRequest(@Size(max = 40) String product, @NotNull @Valid Fee value, @NotNull LocalDate openedOn,
                                @NotBlank @Size(max = 64) String reference) {
}
