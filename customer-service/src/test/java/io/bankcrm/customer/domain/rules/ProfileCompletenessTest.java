package io.bankcrm.customer.domain.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Domain rules layer: profile completeness scoring and field issues, plain unit test without a container. */
class ProfileCompletenessTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    private static ProfileFacts.Builder fullIndividual() {
        return ProfileFacts.individual()
                .fullName("张三")
                .idType(ProfileFacts.RESIDENT_ID)
                .idNumber("11010519491231002X")
                .dateOfBirth(LocalDate.of(1949, 12, 31))
                .mobile("+86 138 1234 5678")
                .email("zhang.san@example.com")
                .address("北京市朝阳区建国路1号")
                .occupation("Engineer")
                .employer("Example Technology Co., Ltd.")
                .homeBranch("BJ-001")
                .relationshipManager("rm-0042");
    }

    private static ProfileFacts.Builder fullCorporate() {
        return ProfileFacts.corporate()
                .registeredName("Example Trading Co., Ltd.")
                .creditCode("91350100M000100Y43")
                .legalRepresentative("李四")
                .industry("Wholesale")
                .registeredCapital(new BigDecimal("5000000.00"))
                .address("福州市鼓楼区五四路1号")
                .homeBranch("FZ-001")
                .relationshipManager("rm-0007");
    }

    @Test
    void fullIndividualScores100WithoutIssues() {
        Completeness result = ProfileCompleteness.assess(fullIndividual().build(), TODAY);
        assertEquals(100, result.score());
        assertEquals(List.of(), result.issues());
    }

    @Test
    void emptyIndividualScoresZeroAndListsEveryFieldAsMissingInTableOrder() {
        Completeness result = ProfileCompleteness.assess(ProfileFacts.individual().build(), TODAY);
        assertEquals(0, result.score());
        assertEquals(List.of("fullName", "idType", "idNumber", "dateOfBirth", "mobile", "email", "address",
                "occupation", "employer", "homeBranch", "relationshipManager"), fields(result));
        assertTrue(result.issues().stream().allMatch(i -> FieldIssue.MISSING.equals(i.problem())));
        assertEquals(new FieldIssue("mobile", FieldIssue.MISSING, "mobile number is missing"), result.issues().get(4));
    }

    @Test
    void blankTextCountsAsMissing() {
        Completeness result = ProfileCompleteness.assess(fullIndividual().occupation("  ").build(), TODAY);
        assertEquals(95, result.score());
        assertEquals(List.of(new FieldIssue("occupation", FieldIssue.MISSING, "occupation is missing")),
                result.issues());
    }

    @Test
    void invalidMobileIsReportedAndNotCounted() {
        Completeness result = ProfileCompleteness.assess(fullIndividual().mobile("12812345678").build(), TODAY);
        assertEquals(85, result.score());
        assertEquals(List.of(new FieldIssue("mobile", FieldIssue.INVALID,
                "the second digit of a mobile number must be between 3 and 9")), result.issues());
    }

    @Test
    void invalidEmailIsReportedAndNotCounted() {
        Completeness result = ProfileCompleteness.assess(fullIndividual().email("zhang.san@").build(), TODAY);
        assertEquals(90, result.score());
        assertEquals(List.of(new FieldIssue("email", FieldIssue.INVALID,
                "the part after @ must be a domain such as example.com")), result.issues());
    }

    @Test
    void residentIdWithWrongCheckCharacterIsInvalid() {
        Completeness result = ProfileCompleteness.assess(fullIndividual().idNumber("110105194912310021").build(), TODAY);
        assertEquals(80, result.score());
        assertEquals(List.of(new FieldIssue("idNumber", FieldIssue.INVALID, "check character should be X, not 1")),
                result.issues());
    }

    @Test
    void otherIdTypesOnlyNeedANumber() {
        ProfileFacts facts = fullIndividual().idType("PASSPORT").idNumber("E12345678").build();
        assertEquals(100, ProfileCompleteness.assess(facts, TODAY).score());
    }

    @Test
    void idNumberWithoutTypeIsNotCounted() {
        Completeness result = ProfileCompleteness.assess(fullIndividual().idType(null).build(), TODAY);
        assertEquals(80, result.score());
        assertEquals(List.of(new FieldIssue("idType", FieldIssue.MISSING, "id type is missing")), result.issues());
    }

    @Test
    void dateOfBirthMustMatchResidentId() {
        Completeness result = ProfileCompleteness.assess(
                fullIndividual().dateOfBirth(LocalDate.of(1949, 12, 30)).build(), TODAY);
        assertEquals(90, result.score());
        assertEquals(List.of(new FieldIssue("dateOfBirth", FieldIssue.INVALID,
                "date of birth 1949-12-30 does not match 1949-12-31 in the resident id number")), result.issues());
    }

    @Test
    void dateOfBirthInFutureIsInvalid() {
        ProfileFacts facts = fullIndividual().idType("PASSPORT").idNumber("E12345678")
                .dateOfBirth(TODAY.plusDays(1)).build();
        Completeness result = ProfileCompleteness.assess(facts, TODAY);
        assertEquals(90, result.score());
        assertEquals(List.of(new FieldIssue("dateOfBirth", FieldIssue.INVALID,
                "date of birth 2025-06-16 is in the future")), result.issues());
    }

    @Test
    void fullCorporateScores100WithoutIssues() {
        Completeness result = ProfileCompleteness.assess(fullCorporate().build(), TODAY);
        assertEquals(100, result.score());
        assertEquals(List.of(), result.issues());
    }

    @Test
    void corporateIgnoresIndividualFields() {
        ProfileFacts facts = fullCorporate().mobile("not a number").email("nobody").build();
        assertEquals(100, ProfileCompleteness.assess(facts, TODAY).score());
    }

    @Test
    void emptyCorporateScoresZeroAndListsEveryFieldAsMissingInTableOrder() {
        Completeness result = ProfileCompleteness.assess(ProfileFacts.corporate().build(), TODAY);
        assertEquals(0, result.score());
        assertEquals(List.of("registeredName", "creditCode", "legalRepresentative", "industry", "registeredCapital",
                "address", "homeBranch", "relationshipManager"), fields(result));
        assertTrue(result.issues().stream().allMatch(i -> FieldIssue.MISSING.equals(i.problem())));
    }

    @Test
    void corporateWithForbiddenLetterInCreditCodeIsInvalid() {
        Completeness result = ProfileCompleteness.assess(
                fullCorporate().creditCode("91350100O000100Y43").build(), TODAY);
        assertEquals(75, result.score());
        assertEquals(List.of(new FieldIssue("creditCode", FieldIssue.INVALID,
                "character 'O' at position 9 is not allowed")), result.issues());
    }

    @Test
    void corporateWithoutPositiveCapitalIsInvalid() {
        Completeness result = ProfileCompleteness.assess(
                fullCorporate().registeredCapital(BigDecimal.ZERO).build(), TODAY);
        assertEquals(90, result.score());
        assertEquals(List.of(new FieldIssue("registeredCapital", FieldIssue.INVALID,
                "registered capital must be greater than zero")), result.issues());
    }

    @Test
    void missingKindScoresZero() {
        ProfileFacts facts = new ProfileFacts(null, "张三", null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        Completeness result = ProfileCompleteness.assess(facts, TODAY);
        assertEquals(0, result.score());
        assertEquals(List.of(new FieldIssue("kind", FieldIssue.MISSING, "customer kind is missing")), result.issues());
    }

    @Test
    void unknownKindScoresZero() {
        ProfileFacts facts = new ProfileFacts("TRUST", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        Completeness result = ProfileCompleteness.assess(facts, TODAY);
        assertEquals(0, result.score());
        assertEquals(List.of(new FieldIssue("kind", FieldIssue.INVALID,
                "customer kind must be INDIVIDUAL or CORPORATE, got TRUST")), result.issues());
    }

    @Test
    void issuesCannotBeModified() {
        List<FieldIssue> issues = ProfileCompleteness.assess(ProfileFacts.individual().build(), TODAY).issues();
        assertThrows(UnsupportedOperationException.class, () -> issues.clear());
    }

    private static List<String> fields(Completeness result) {
        return result.issues().stream().map(FieldIssue::field).toList();
    }
}
