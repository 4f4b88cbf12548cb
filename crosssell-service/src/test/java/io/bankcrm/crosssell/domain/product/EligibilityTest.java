package io.bankcrm.crosssell.domain.product;

import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import io.bankcrm.crosssell.domain.prospect.TierScale;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.bankcrm.crosssell.domain.CrosssellMother.employee;
import static io.bankcrm.crosssell.domain.CrosssellMother.holding;
import static io.bankcrm.crosssell.domain.CrosssellMother.officer;
import static io.bankcrm.crosssell.domain.CrosssellMother.withoutConsent;
import static io.bankcrm.crosssell.domain.product.Refusal.Reason.ALREADY_HELD;
import static io.bankcrm.crosssell.domain.product.Refusal.Reason.CUSTOMER_CLOSED;
import static io.bankcrm.crosssell.domain.product.Refusal.Reason.CUSTOMER_KIND;
import static io.bankcrm.crosssell.domain.product.Refusal.Reason.NO_MARKETING_CONSENT;
import static io.bankcrm.crosssell.domain.product.Refusal.Reason.PRODUCT_RETIRED;
import static io.bankcrm.crosssell.domain.product.Refusal.Reason.SALARY_BAND;
import static io.bankcrm.crosssell.domain.product.Refusal.Reason.TIER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: who may be offered which product, and why not. */
class EligibilityTest {

    private static final Eligibility ELIGIBILITY = new Eligibility(TierScale.DEFAULT);
    private static final Map<ProductCode, Product> CATALOGUE = Product.standardCatalogue().stream()
            .collect(Collectors.toMap(Product::code, Function.identity()));

    private static Product product(ProductCode code) {
        return CATALOGUE.get(code);
    }

    private static Set<Refusal.Reason> reasons(EligibilityDecision d) {
        return d.refusals().stream().map(Refusal::reason).collect(Collectors.toSet());
    }

    @Test
    void anEmployeeWithConsentGetsAPayrollCardAndALoanButNotWealth() {
        EligibilityDecision card = ELIGIBILITY.decide(product(ProductCode.PAYROLL_CARD), employee());
        assertTrue(card.eligible());
        assertEquals(EnumSet.of(ConsentChannel.SMS, ConsentChannel.APP), card.contactChannels());
        assertTrue(ELIGIBILITY.decide(product(ProductCode.PERSONAL_LOAN), employee()).eligible());
        EligibilityDecision wealth = ELIGIBILITY.decide(product(ProductCode.WEALTH_MANAGEMENT), employee());
        assertEquals(Set.of(SALARY_BAND), reasons(wealth));
        assertEquals("needs a monthly salary of 20,000 to 50,000 or more; the customer's is 10,000 to 20,000",
                wealth.refusals().get(0).message());
        assertTrue(ELIGIBILITY.decide(product(ProductCode.WEALTH_MANAGEMENT), officer()).eligible());
    }

    @Test
    void noMarketingConsentNoLead() {
        EligibilityDecision d = ELIGIBILITY.decide(product(ProductCode.PAYROLL_CARD), withoutConsent());
        assertEquals(Set.of(NO_MARKETING_CONSENT), reasons(d));
        assertEquals(Set.of(), d.contactChannels());
        // consent only on a channel the product may not use is no consent for it
        Product appOnly = new Product(new ProductCode("APP_LOAN"), "App loan", ProductCategory.LOAN,
                EligibilityRule.retail().withConsentChannels(Set.of(ConsentChannel.APP)), ProductFit.ANYONE, true);
        assertEquals(Set.of(NO_MARKETING_CONSENT),
                reasons(ELIGIBILITY.decide(appOnly, officer())));
        assertEquals(Set.of(ConsentChannel.APP), ELIGIBILITY.decide(appOnly, employee()).contactChannels());
    }

    @Test
    void aServiceContactNeedsNoMarketingConsent() {
        EligibilityDecision d = ELIGIBILITY.decide(product(ProductCode.RETENTION),
                holding(withoutConsent(), ProductCode.PAYROLL_CARD));
        assertTrue(d.eligible());
        assertEquals(EnumSet.allOf(ConsentChannel.class), d.contactChannels());
    }

    @Test
    void aHolderIsNotOfferedTheSameProduct() {
        assertEquals(Set.of(ALREADY_HELD), reasons(ELIGIBILITY.decide(product(ProductCode.PAYROLL_CARD),
                holding(employee(), ProductCode.PAYROLL_CARD))));
        assertTrue(ELIGIBILITY.decide(product(ProductCode.PERSONAL_LOAN),
                holding(employee(), ProductCode.PAYROLL_CARD)).eligible());
    }

    @Test
    void minimumTierOnTheCustomersLadder() {
        Product premium = new Product(new ProductCode("PRIVATE_BANKING"), "Private banking", ProductCategory.WEALTH,
                EligibilityRule.retail().withMinimumTier("GOLD"), ProductFit.ANYONE, true);
        assertTrue(ELIGIBILITY.decide(premium, officer()).eligible()); // GOLD
        assertTrue(ELIGIBILITY.decide(premium, officer().withTier("PLATINUM")).eligible());
        EligibilityDecision silver = ELIGIBILITY.decide(premium, employee());
        assertEquals(Set.of(TIER), reasons(silver));
        assertEquals("needs tier GOLD or above; the customer is SILVER", silver.refusals().get(0).message());
        assertEquals("needs tier GOLD or above; the customer is not tiered yet",
                ELIGIBILITY.decide(premium, employee().withTier(null)).refusals().get(0).message());
        // a tier of the other ladder is not a retail tier: untiered here
        assertFalse(ELIGIBILITY.decide(premium, employee().withTier("STRATEGIC")).eligible());
    }

    @Test
    void everyReasonIsReportedNotOnlyTheFirst() {
        Product retired = new Product(new ProductCode("OLD_FUND"), "Old fund", ProductCategory.WEALTH,
                EligibilityRule.retail().withMinimumTier("PLATINUM").withMinimumSalaryBand(SalaryBand.ABOVE_50K),
                ProductFit.ANYONE, false);
        Prospect p = new Prospect(UUID.randomUUID(), CustomerKind.INDIVIDUAL, "MASS", SalaryBand.BELOW_5K, null,
                Set.of(), Set.of(new ProductCode("OLD_FUND")), true);
        assertEquals(Set.of(PRODUCT_RETIRED, CUSTOMER_CLOSED, TIER, SALARY_BAND, NO_MARKETING_CONSENT, ALREADY_HELD),
                reasons(ELIGIBILITY.decide(retired, p)));
    }

    @Test
    void aCorporateIsNotOfferedARetailProduct() {
        Prospect corporate = new Prospect(UUID.randomUUID(), CustomerKind.CORPORATE, "KEY", null, null,
                EnumSet.allOf(ConsentChannel.class), Set.of(), false);
        assertEquals(Set.of(CUSTOMER_KIND), reasons(ELIGIBILITY.decide(product(ProductCode.PAYROLL_CARD), corporate)));
    }

    @Test
    void anUnknownSalaryBandDoesNotMeetAMinimum() {
        Prospect unknown = new Prospect(UUID.randomUUID(), CustomerKind.INDIVIDUAL, "GOLD", null, null,
                EnumSet.of(ConsentChannel.SMS), Set.of(), false);
        EligibilityDecision d = ELIGIBILITY.decide(product(ProductCode.PERSONAL_LOAN), unknown);
        assertEquals(Set.of(SALARY_BAND), reasons(d));
        assertTrue(d.refusals().get(0).message().contains("no roster states"), d.refusals().get(0).message());
        assertTrue(ELIGIBILITY.decide(product(ProductCode.PAYROLL_CARD), unknown).eligible());
    }

    @Test
    void aRuleThatCannotBeMetIsRefusedWhenWritten() {
        assertEquals(List.of(), Product.standardCatalogue().stream()
                .flatMap(p -> p.violations(TierScale.DEFAULT).stream()).toList());
        EligibilityRule bothKinds = new EligibilityRule(EnumSet.allOf(CustomerKind.class), "GOLD", null, Set.of(), true);
        assertEquals("eligibility.minimumTier", bothKinds.violations(TierScale.DEFAULT).get(0).field());
        EligibilityRule noSuchTier = EligibilityRule.retail().withMinimumTier("DIAMOND");
        assertTrue(noSuchTier.violations(TierScale.DEFAULT).get(0).message().contains("[PLATINUM, GOLD, SILVER, MASS]"));
        EligibilityRule corporateBand = new EligibilityRule(Set.of(CustomerKind.CORPORATE), null, SalaryBand.ABOVE_50K,
                Set.of(), true);
        assertEquals("eligibility.minimumSalaryBand", corporateBand.violations(TierScale.DEFAULT).get(0).field());
        assertEquals("eligibility.kinds",
                new EligibilityRule(Set.of(), null, null, Set.of(), true).violations(TierScale.DEFAULT).get(0).field());
        assertEquals("name", new Product(ProductCode.CREDIT_CARD, "卡".repeat(101), ProductCategory.CREDIT_CARD,
                EligibilityRule.retail(), ProductFit.ANYONE, true).violations(TierScale.DEFAULT).get(0).field());
        assertTrue(new Product(ProductCode.CREDIT_CARD, "卡".repeat(100), ProductCategory.CREDIT_CARD,
                EligibilityRule.retail(), ProductFit.ANYONE, true).violations(TierScale.DEFAULT).isEmpty());
    }

    @Test
    void productCodesHaveOneShape() {
        assertTrue(ProductCode.isValid("CAR_LOAN_2"));
        assertFalse(ProductCode.isValid("car_loan"));
        assertFalse(ProductCode.isValid("2CARDS"));
        assertFalse(ProductCode.isValid("X"));
        assertFalse(ProductCode.isValid("A".repeat(41)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new ProductCode("a b"));
    }
}
