package io.bankcrm.merchant.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A cardholder signed up with a merchant's referral code (from the card application channel). The applicant's
 * personal data is passed on to customer-service, which registers the PROSPECT; merchant-service keeps none of it.
 */
@Schema(name = "ReferralSignUp", example = """
        {"code": "MINJIANG70", "applicant": {"fullName": "陈静", "idNumber": "350102198001010011",
         "mobile": "13905912345"}}""")
public record ReferralSignUp(
        @Schema(description = "The merchant's referral code") @NotNull @Size(min = 6, max = 16)
        @Pattern(regexp = "[A-Z0-9]{6,16}", message = "6 to 16 capital letters or digits") String code,
        @NotNull @Valid Applicant applicant) {

    /** Who applied for the card: passed to customer-service, never stored, logged or published here. */
    @Schema(name = "ReferralApplicant")
    public record Applicant(
            @Schema(description = "The applicant's name as on the resident ID") @NotBlank @Size(max = 100) String fullName,
            @Schema(description = "Resident ID number (GB 11643, 18 characters)")
            @NotNull @Size(min = 18, max = 18) @Pattern(regexp = "[0-9]{17}[0-9Xx]", message = "18 characters: 17 digits and a check digit or X")
            String idNumber,
            @Schema(description = "Mainland mobile number") @Size(max = 11) @Pattern(regexp = "1[3-9][0-9]{9}",
                    message = "11 digits starting 13 to 19") String mobile) {

        @Override
        public String toString() {
            return "Applicant[personal data withheld]";
        }
    }
}
