package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.agreement.AgreementKind;
import io.bankcrm.crosssell.domain.agreement.CollectionCategory;
import io.bankcrm.crosssell.domain.agreement.CollectionTerms;
import io.bankcrm.crosssell.domain.agreement.PayrollTerms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** What signing a payroll or a collection agreement states; each kind has its own request shape. */
public sealed interface AgreementRequest {

    UUID corporateId();

    String branch();

    UUID corporateTeamId();

    String relationshipManager();

    AgreementKind kind();

    /**
     * A payroll agreement (代发工资).
     *
     * @param branch the branch whose teams serve the employees; defaults to the corporate's home branch
     */
    @Schema(name = "PayrollAgreementRequest")
    record Payroll(@NotNull UUID corporateId,
                   @Size(min = 1, max = 40) String branch,
                   UUID corporateTeamId,
                   @NotBlank @Size(max = 100) String relationshipManager,
                   @NotBlank @Size(max = 32) String payrollAccount,
                   @NotNull @Min(1) @Max(31) Integer payDay,
                   @NotNull @Min(1) @Max(PayrollTerms.MAX_HEADCOUNT) Integer expectedHeadcount,
                   @NotNull @Valid Fee feePerPayment,
                   Boolean contactNeedsApproval) implements AgreementRequest {

        public PayrollTerms terms() {
            return new PayrollTerms(payrollAccount, payDay, expectedHeadcount, feePerPayment.toMoney("feePerPayment"),
                    Boolean.TRUE.equals(contactNeedsApproval));
        }

        @Override
        public AgreementKind kind() {
            return AgreementKind.PAYROLL;
        }
    }

    /** A collection/payment agency agreement (代收代付). */
    @Schema(name = "CollectionAgreementRequest")
    record Collection(@NotNull UUID corporateId,
                      @Size(min = 1, max = 40) String branch,
                      UUID corporateTeamId,
                      @NotBlank @Size(max = 100) String relationshipManager,
                      @NotNull CollectionCategory category,
                      @NotBlank @Size(max = 32) String settlementAccount,
                      @NotNull @Min(0) @Max(CollectionTerms.MAX_PAYERS_PER_MONTH) Integer payersPerMonth,
                      @NotNull @Valid Fee feePerItem) implements AgreementRequest {

        public CollectionTerms terms() {
            return new CollectionTerms(category, settlementAccount, payersPerMonth, feePerItem.toMoney("feePerItem"));
        }

        @Override
        public AgreementKind kind() {
            return AgreementKind.COLLECTION;
        }
    }
}
