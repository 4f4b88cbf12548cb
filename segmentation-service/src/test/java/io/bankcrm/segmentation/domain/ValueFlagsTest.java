package io.bankcrm.segmentation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Domain, no container: the BELOW_COST and GROWTH flags. */
class ValueFlagsTest {

    @Test
    void flagsTheCasesOfTheTable() {
        for (RuleCases.FlagCase c : RuleCases.FLAG_CASES) {
            assertEquals(c.expected(), new ValueFlags(c.growthMonths()).flags(new BigDecimal(c.contribution()),
                    c.monthly().stream().map(BigDecimal::new).toList()), c.name());
        }
    }

    @Test
    void growthReadsOneColumnPerMonthBack() {
        String sql = new ValueFlags(2).sql();
        assertEquals(true, sql.contains("g1 < g0 and g2 < g1"), sql);
        assertEquals(false, sql.contains("g3"), sql);
    }
}
