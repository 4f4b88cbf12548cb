package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.product.EligibilityRule;
import io.bankcrm.crosssell.domain.product.Product;
import io.bankcrm.crosssell.domain.product.ProductCategory;
import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.crosssell.domain.product.ProductFit;
import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;

/**
 * A catalogue entry as clients write and read it. {@code code} is required when creating and must equal the path's
 * code when replacing.
 */
@Schema(name = "Product")
public record ProductDocument(
        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") @Size(max = 40) String code,
        @NotBlank @Size(max = Product.MAX_NAME_LENGTH) String name,
        @NotNull ProductCategory category,
        @NotNull @Valid Rule eligibility,
        @Valid Fit fit,
        @NotNull Boolean active) {

    /** Who may be offered the product; see the domain's EligibilityRule. */
    @Schema(name = "EligibilityRule")
    public record Rule(@NotNull @Size(min = 1, max = 2) Set<CustomerKind> kinds,
                       @Size(max = 40) String minimumTier,
                       SalaryBand minimumSalaryBand,
                       @Size(max = 4) Set<ConsentChannel> consentChannels,
                       @NotNull Boolean excludeHolders) {
    }

    /** Whom the product suits best, for the priority score. */
    @Schema(name = "ProductFit")
    public record Fit(@Size(max = 5) Set<SalaryBand> targetBands, Boolean forOfficers) {
    }

    public Product toProduct() {
        EligibilityRule rule = new EligibilityRule(eligibility.kinds(), eligibility.minimumTier(),
                eligibility.minimumSalaryBand(), eligibility.consentChannels(), eligibility.excludeHolders());
        ProductFit productFit = fit == null ? ProductFit.ANYONE
                : new ProductFit(fit.targetBands(), Boolean.TRUE.equals(fit.forOfficers()));
        return new Product(new ProductCode(code), name, category, rule, productFit, active);
    }

    public static ProductDocument of(Product p) {
        EligibilityRule r = p.eligibility();
        return new ProductDocument(p.code().value(), p.name(), p.category(),
                new Rule(r.kinds(), r.minimumTier(), r.minimumSalaryBand(), r.consentChannels(), r.excludeHolders()),
                new Fit(p.fit().targetBands(), p.fit().forOfficers()), p.active());
    }
}
