package io.bankcrm.crosssell.domain.product;

import io.bankcrm.platform.domain.Violation;
import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import io.bankcrm.crosssell.domain.prospect.TierScale;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An entry of the products catalogue.
 *
 * @param active a retired product gets no new leads; its open leads run their course
 */
public record Product(ProductCode code, String name, ProductCategory category, EligibilityRule eligibility,
                      ProductFit fit, boolean active) {

    public static final int MAX_NAME_LENGTH = 100;

    public Product {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(eligibility, "eligibility");
        Objects.requireNonNull(fit, "fit");
    }

    /** The catalogue the bank starts with; users add products and edit the rules. */
    public static List<Product> standardCatalogue() {
        Set<SalaryBand> middle = EnumSet.of(SalaryBand.BAND_5K_10K, SalaryBand.BAND_10K_20K, SalaryBand.BAND_20K_50K);
        Set<SalaryBand> high = EnumSet.of(SalaryBand.BAND_20K_50K, SalaryBand.ABOVE_50K);
        return List.of(
                new Product(ProductCode.PAYROLL_CARD, "Payroll debit card", ProductCategory.PAYROLL_CARD,
                        EligibilityRule.retail(), ProductFit.ANYONE, true),
                new Product(ProductCode.PERSONAL_LOAN, "Personal consumer loan", ProductCategory.LOAN,
                        EligibilityRule.retail().withMinimumSalaryBand(SalaryBand.BAND_5K_10K),
                        new ProductFit(middle, false), true),
                new Product(ProductCode.WEALTH_MANAGEMENT, "Wealth management", ProductCategory.WEALTH,
                        EligibilityRule.retail().withMinimumSalaryBand(SalaryBand.BAND_20K_50K),
                        new ProductFit(high, true), true),
                new Product(ProductCode.CREDIT_CARD, "Credit card", ProductCategory.CREDIT_CARD,
                        EligibilityRule.retail().withMinimumSalaryBand(SalaryBand.BAND_5K_10K),
                        new ProductFit(middle, false), true),
                new Product(ProductCode.RETENTION, "Retention review of products held", ProductCategory.SERVICE,
                        new EligibilityRule(Set.of(CustomerKind.INDIVIDUAL), null, null, Set.<ConsentChannel>of(),
                                false),
                        ProductFit.ANYONE, true));
    }

    public List<Violation> violations(TierScale tiers) {
        List<Violation> found = new ArrayList<>();
        if (name == null || name.isBlank()) {
            found.add(new Violation("name", "is required"));
        } else if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            found.add(new Violation("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        found.addAll(eligibility.violations(tiers));
        return found;
    }
}
