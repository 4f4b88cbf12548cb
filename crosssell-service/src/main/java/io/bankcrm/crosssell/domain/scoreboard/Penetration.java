package io.bankcrm.crosssell.domain.scoreboard;

import io.bankcrm.crosssell.domain.product.ProductCategory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Penetration of a corporate client: the share of its current employees (open EMPLOYEE_OF links) who hold a
 * payroll card, a loan, wealth products, and any other category a target names. An employee counts once per
 * category, however many such products they hold; holdings of people who are not employees do not count.
 */
public final class Penetration {

    /** The categories always reported. */
    public static final Set<ProductCategory> STANDARD =
            EnumSet.of(ProductCategory.PAYROLL_CARD, ProductCategory.LOAN, ProductCategory.WEALTH);

    private static final int SCALE = 4;

    private Penetration() {
    }

    /**
     * @param employees the employer's current employees
     * @param holdings  the categories each customer holds
     * @param targets   target share per category, 0 to 1
     */
    public static List<PenetrationFigure> of(Set<UUID> employees, Map<UUID, Set<ProductCategory>> holdings,
                                             Map<ProductCategory, BigDecimal> targets) {
        EnumSet<ProductCategory> categories = EnumSet.copyOf(STANDARD);
        for (Map.Entry<ProductCategory, BigDecimal> t : targets.entrySet()) {
            if (t.getValue().signum() <= 0 || t.getValue().compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("a penetration target is a share above 0 and at most 1, not "
                        + t.getValue() + " for " + t.getKey());
            }
            categories.add(t.getKey());
        }
        List<PenetrationFigure> figures = new ArrayList<>();
        for (ProductCategory category : categories) {
            int holders = 0;
            for (UUID employee : employees) {
                if (holdings.getOrDefault(employee, Set.of()).contains(category)) {
                    holders++;
                }
            }
            BigDecimal share = employees.isEmpty() ? null
                    : BigDecimal.valueOf(holders).divide(BigDecimal.valueOf(employees.size()), SCALE, RoundingMode.HALF_EVEN);
            BigDecimal target = targets.get(category);
            BigDecimal attainment = target == null || share == null ? null
                    : BigDecimal.valueOf(holders).divide(target.multiply(BigDecimal.valueOf(employees.size())),
                    SCALE, RoundingMode.HALF_EVEN);
            figures.add(new PenetrationFigure(category, holders, employees.size(), share, target, attainment));
        }
        return figures;
    }
}
