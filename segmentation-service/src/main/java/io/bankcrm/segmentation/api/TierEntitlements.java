package io.bankcrm.segmentation.api;

import io.bankcrm.segmentation.domain.ServiceModel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What crm-admin may change about a tier: its name and what it entitles customers to. The tier's code, segment
 * and rank are fixed, since policies and customers refer to them.
 *
 * @param feeWaivers codes of the fees waived, e.g. ACCOUNT_MAINTENANCE, CARD_ANNUAL_FEE
 * @param priority 1 (served first) to 9
 */
public record TierEntitlements(
        @NotBlank @Size(max = 100) String name,
        @NotNull ServiceModel serviceModel,
        @NotNull @Size(max = 30) @Schema(type = SchemaType.ARRAY, implementation = FeeWaiverCode.class, maxItems = 30)
        List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,49}",
                message = "must be an upper-case code such as CARD_ANNUAL_FEE") String> feeWaivers,
        @NotNull @Min(1) @Max(9) Integer priority,
        @Size(max = 1000) String description) {
}

/** The OpenAPI shape of one fee waiver code (the record checks it with the same pattern). */
@Schema(name = "FeeWaiverCode", type = SchemaType.STRING, maxLength = 50, pattern = "^[A-Z][A-Z0-9_]{1,49}$",
        examples = "CARD_ANNUAL_FEE")
final class FeeWaiverCode {
    private FeeWaiverCode() {
    }
}
