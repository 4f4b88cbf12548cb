package io.bankcrm.crosssell.domain.scoreboard;

import io.bankcrm.crosssell.domain.product.ProductCategory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: penetration of a corporate client's staff, and the assessment periods. */
class PenetrationAndPeriodTest {

    private static final UUID E1 = new UUID(5, 1);
    private static final UUID E2 = new UUID(5, 2);
    private static final UUID E3 = new UUID(5, 3);
    private static final UUID E4 = new UUID(5, 4);
    private static final UUID FORMER = new UUID(5, 9);

    @Test
    void eachEmployeeCountsOncePerCategory() {
        Map<UUID, Set<ProductCategory>> holdings = Map.of(
                E1, EnumSet.of(ProductCategory.PAYROLL_CARD, ProductCategory.LOAN),
                E2, EnumSet.of(ProductCategory.PAYROLL_CARD),
                E3, EnumSet.of(ProductCategory.WEALTH, ProductCategory.LOAN),
                FORMER, EnumSet.of(ProductCategory.PAYROLL_CARD, ProductCategory.WEALTH));
        List<PenetrationFigure> figures = Penetration.of(Set.of(E1, E2, E3, E4), holdings,
                Map.of(ProductCategory.PAYROLL_CARD, new BigDecimal("0.80"), ProductCategory.CREDIT_CARD,
                        new BigDecimal("0.25")));
        assertEquals(List.of(ProductCategory.PAYROLL_CARD, ProductCategory.CREDIT_CARD, ProductCategory.LOAN,
                ProductCategory.WEALTH), figures.stream().map(PenetrationFigure::category).toList());
        PenetrationFigure card = figures.get(0);
        assertEquals(2, card.holders());
        assertEquals(4, card.employees());
        assertEquals(new BigDecimal("0.5000"), card.share());
        assertEquals(new BigDecimal("0.6250"), card.attainment(), "0.50 of a 0.80 target");
        assertEquals(new BigDecimal("0.0000"), figures.get(1).share());
        assertEquals(new BigDecimal("0.5000"), figures.get(2).share());
        PenetrationFigure wealth = figures.get(3);
        assertEquals(1, wealth.holders(), "a former employee's holdings do not count");
        assertNull(wealth.attainment());
    }

    @Test
    void anEmployerWithNoStaffOnRecordHasNoShare() {
        List<PenetrationFigure> figures = Penetration.of(Set.of(), Map.of(), Map.of());
        assertTrue(figures.stream().allMatch(f -> f.share() == null && f.employees() == 0));
        assertThrows(IllegalArgumentException.class, () -> Penetration.of(Set.of(E1), Map.of(),
                Map.of(ProductCategory.LOAN, new BigDecimal("1.5"))));
    }

    @Test
    void periodsAreMonthsQuartersHalvesAndYears() {
        assertEquals(new AssessmentPeriod("2026-02", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)),
                AssessmentPeriod.parse("2026-02"));
        assertEquals(new AssessmentPeriod("2026-Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)),
                AssessmentPeriod.parse("2026-Q4"));
        assertEquals(new AssessmentPeriod("2026-H1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)),
                AssessmentPeriod.parse("2026-H1"));
        assertEquals(new AssessmentPeriod("2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
                AssessmentPeriod.parse(" 2026 "));
        for (String bad : new String[]{"2026-13", "2026-00", "2026-Q5", "0000-01", "26-11", "2026-11-01", "", "3000"}) {
            assertThrows(IllegalArgumentException.class, () -> AssessmentPeriod.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> AssessmentPeriod.parse(null));
        AssessmentPeriod q = AssessmentPeriod.parse("2026-Q4");
        assertTrue(q.contains(LocalDate.of(2026, 12, 31)) && !q.contains(LocalDate.of(2027, 1, 1)));
    }
}
