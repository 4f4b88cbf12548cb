package io.bankcrm.crosssell.domain.lead;

import io.bankcrm.crosssell.domain.product.Product;
import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.crosssell.domain.product.Prospect;
import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import io.bankcrm.crosssell.domain.prospect.OfficerRole;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import io.bankcrm.crosssell.domain.prospect.TierScale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.bankcrm.crosssell.domain.CrosssellMother.employee;
import static io.bankcrm.crosssell.domain.CrosssellMother.officer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: the priority score, worked by hand, and its explanation. */
class PriorityScoringTest {

    private static final PriorityScoring SCORING = new PriorityScoring(TierScale.DEFAULT, ScoreWeights.DEFAULT);
    private static final Map<ProductCode, Product> CATALOGUE = Product.standardCatalogue().stream()
            .collect(Collectors.toMap(Product::code, Function.identity()));

    @Test
    void anEmployeesLoanLeadWorkedByHand() {
        // SILVER is 3 of 4: 30 x 1/3 = 10; band 3 of 5: 25 x 2/4 = 12.5 -> 13; the loan targets 10-20K: 25;
        // employer KEY is 2 of 4: 20 x 2/3 = 13.33 -> 13
        PriorityScore s = SCORING.score(CATALOGUE.get(ProductCode.PERSONAL_LOAN), employee(), true, "KEY");
        assertEquals(61, s.total());
        assertEquals(List.of(10, 13, 25, 13), s.components().stream().map(ScoreComponent::points).toList());
        assertEquals("tier SILVER (3 of 4): 10 of 30", s.component(ScoreFactor.TIER).explanation());
        assertEquals("salary 10,000 to 20,000 a month (band 3 of 5): 13 of 25",
                s.component(ScoreFactor.SALARY_BAND).explanation());
        assertEquals("PERSONAL_LOAN targets salaries of 10,000 to 20,000: 25 of 25",
                s.component(ScoreFactor.PRODUCT_FIT).explanation());
        assertEquals("employer tier KEY (2 of 4): 13 of 20", s.component(ScoreFactor.EMPLOYER_TIER).explanation());
        assertEquals("61 = tier 10 + salary band 13 + product fit 25 + employer tier 13", s.summary());
    }

    @Test
    void anOfficersWealthLeadOfAStrategicClientScoresHigh() {
        PriorityScore s = SCORING.score(CATALOGUE.get(ProductCode.WEALTH_MANAGEMENT), officer(), true, "STRATEGIC");
        assertEquals(20 + 25 + 25 + 20, s.total());
        assertEquals("WEALTH_MANAGEMENT is meant for officers; the customer is CFO: 25 of 25",
                s.component(ScoreFactor.PRODUCT_FIT).explanation());
    }

    @Test
    void missingFactsScoreNothingAndSaySo() {
        Prospect unknown = new Prospect(UUID.randomUUID(), CustomerKind.INDIVIDUAL, null, null, null,
                Set.of(ConsentChannel.SMS), Set.of(), false);
        PriorityScore s = SCORING.score(CATALOGUE.get(ProductCode.PERSONAL_LOAN), unknown, false, null);
        assertEquals(0, s.total());
        assertEquals("not tiered yet: 0 of 30", s.component(ScoreFactor.TIER).explanation());
        assertEquals("salary band unknown: 0 of 25", s.component(ScoreFactor.SALARY_BAND).explanation());
        assertEquals("no employer behind this lead: 0 of 20", s.component(ScoreFactor.EMPLOYER_TIER).explanation());
        assertEquals("the employer is not tiered yet: 0 of 20", SCORING.score(CATALOGUE.get(ProductCode.PAYROLL_CARD),
                unknown, true, null).component(ScoreFactor.EMPLOYER_TIER).explanation());
        // a payroll card suits everyone, whatever the band
        assertEquals(25, SCORING.score(CATALOGUE.get(ProductCode.PAYROLL_CARD), unknown, false, null)
                .component(ScoreFactor.PRODUCT_FIT).points());
    }

    @Test
    void aBandNextToTheTargetFitsHalf() {
        // wealth targets 20-50K and 50K+; the employee's 10-20K is next to 20-50K: 25 x 1/2 = 12.5 -> 13
        PriorityScore s = SCORING.score(CATALOGUE.get(ProductCode.WEALTH_MANAGEMENT), employee(), true, "KEY");
        assertEquals(13, s.component(ScoreFactor.PRODUCT_FIT).points());
        Prospect low = employee().withTier("MASS");
        Prospect lowest = new Prospect(low.customerId(), low.kind(), "MASS", SalaryBand.BELOW_5K, null,
                low.marketingChannels(), Set.of(), false);
        assertEquals(0, SCORING.score(CATALOGUE.get(ProductCode.WEALTH_MANAGEMENT), lowest, false, null).total());
    }

    @Test
    void weightsAddUpToAHundred() {
        assertThrows(IllegalArgumentException.class, () -> new ScoreWeights(30, 30, 30, 30));
        assertThrows(IllegalArgumentException.class, () -> new ScoreWeights(-10, 50, 40, 20));
        PriorityScoring tierOnly = new PriorityScoring(TierScale.DEFAULT, new ScoreWeights(100, 0, 0, 0));
        assertEquals(100, tierOnly.score(CATALOGUE.get(ProductCode.PAYROLL_CARD), employee().withTier("PLATINUM"),
                false, null).total());
    }

    @Property(tries = 500)
    void theScoreIsTheSumOfItsExplainedParts(@ForAll("prospects") Prospect p, @ForAll("products") Product product,
                                               @ForAll("corporateTiers") String employerTier) {
        PriorityScore s = SCORING.score(product, p, employerTier != null, employerTier);
        assertTrue(s.total() >= 0 && s.total() <= 100, s.summary());
        assertEquals(s.total(), s.components().stream().mapToInt(ScoreComponent::points).sum());
        assertEquals(List.of(ScoreFactor.values()), s.components().stream().map(ScoreComponent::factor).toList());
        assertEquals(s, SCORING.score(product, p, employerTier != null, employerTier), "deterministic");
    }

    @Property(tries = 300)
    void aHigherTierNeverLowersTheScore(@ForAll("prospects") Prospect p, @ForAll("products") Product product) {
        List<String> ladder = TierScale.DEFAULT.retail();
        int previous = -1;
        for (int i = ladder.size() - 1; i >= 0; i--) {
            int total = SCORING.score(product, p.withTier(ladder.get(i)), true, "CORE").total();
            assertTrue(total >= previous, ladder.get(i) + " scored " + total + " below " + previous);
            previous = total;
        }
    }

    @Provide
    Arbitrary<Prospect> prospects() {
        Arbitrary<String> tier = Arbitraries.of("PLATINUM", "GOLD", "SILVER", "MASS", "UNKNOWN").injectNull(0.2);
        Arbitrary<SalaryBand> band = Arbitraries.of(SalaryBand.class).injectNull(0.2);
        Arbitrary<OfficerRole> role = Arbitraries.of(OfficerRole.class).injectNull(0.7);
        return Combinators.combine(tier, band, role).as((t, b, r) -> new Prospect(UUID.fromString("00000000-0000-0000-0000-0000000000aa"),
                CustomerKind.INDIVIDUAL, t, b, r, Set.of(ConsentChannel.SMS), Set.of(), false));
    }

    @Provide
    Arbitrary<Product> products() {
        return Arbitraries.of(Product.standardCatalogue());
    }

    @Provide
    Arbitrary<String> corporateTiers() {
        return Arbitraries.of("STRATEGIC", "KEY", "CORE", "BASIC").injectNull(0.3);
    }
}
