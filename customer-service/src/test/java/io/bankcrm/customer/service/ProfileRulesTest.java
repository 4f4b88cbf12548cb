package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.CustomerKind;
import io.bankcrm.customer.domain.IdType;
import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.identifiers.UnifiedSocialCreditCode;
import io.bankcrm.platform.problem.FieldViolation;
import io.bankcrm.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The write-side rules of a profile: what each kind needs and allows, and normalisation (container-free). */
class ProfileRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final String FIRST17 = "11010819850312041";
    private static final String ID = FIRST17 + ResidentIdNumber.checkCharacter(FIRST17);
    private static final String CREDIT_FIRST17 = "91110108MA01ABC2X";
    private static final String CREDIT = CREDIT_FIRST17 + UnifiedSocialCreditCode.checkCharacter(CREDIT_FIRST17);

    private static CustomerProfile individual(String fullName, String idNumber, LocalDate dateOfBirth, String mobile,
                                              String email) {
        return new CustomerProfile(CustomerKind.INDIVIDUAL, null, fullName, null, idNumber, dateOfBirth, mobile,
                email, " 北京市海淀区 ", null, null, null, null, null, null, null, null, " BJ-HD-01 ", null, null);
    }

    private static CustomerProfile corporate(String creditCode, BigDecimal capital, String currency) {
        return new CustomerProfile(CustomerKind.CORPORATE, null, null, null, null, null, null, null, null, null,
                null, "华夏精密制造有限公司", creditCode, "周建国", null, capital, currency, null, null, null);
    }

    private static List<String> refused(CustomerProfile p) {
        ProblemException e = assertThrows(ProblemException.class, () -> ProfileRules.validated(p, TODAY));
        assertEquals(400, e.status());
        return e.toProblem().getErrors().stream().map(FieldViolation::field).toList();
    }

    @Test
    void anIndividualIsNormalisedAndTakesItsBirthDateFromTheIdNumber() {
        CustomerProfile p = ProfileRules.validated(individual(" 王芳 ", ID.toLowerCase(), null, "+86 139-1000-0001",
                "Wang.Fang@Example.COM"), TODAY);
        assertEquals("王芳", p.fullName());
        assertEquals(IdType.RESIDENT_ID, p.idType());
        assertEquals(ID, p.idNumber());
        assertEquals(LocalDate.of(1985, 3, 12), p.dateOfBirth());
        assertEquals("13910000001", p.mobile());
        assertEquals("Wang.Fang@example.com", p.email());
        assertEquals("北京市海淀区", p.address());
        assertEquals("BJ-HD-01", p.homeBranch());
    }

    @Test
    void anIndividualNeedsANameAndAnIdNumberOrAMobile() {
        assertEquals(List.of("fullName", "idNumber"), refused(individual(" ", null, null, null, null)));
        CustomerProfile byMobile = ProfileRules.validated(individual("王芳", null, null, "13910000001", null), TODAY);
        assertNull(byMobile.idType(), "no ID number, no ID type");
    }

    @Test
    void identifiersAreCheckedAndTheBirthDateMustAgreeWithTheIdNumber() {
        char wrong = ID.charAt(17) == '1' ? '2' : '1';
        assertEquals(List.of("idNumber"), refused(individual("王芳", FIRST17 + wrong, null, null, null)));
        assertEquals(List.of("dateOfBirth"), refused(individual("王芳", ID, LocalDate.of(1985, 3, 13), null, null)));
        assertEquals(List.of("mobile", "email"),
                refused(individual("王芳", ID, null, "12345", "not-an-address")));
        assertEquals(List.of("dateOfBirth"), refused(individual("王芳", null, TODAY.plusDays(1), "13910000001", null)));
    }

    @Test
    void aCorporateNeedsACheckedCreditCodeAndGetsCnyByDefault() {
        CustomerProfile p = ProfileRules.validated(corporate(CREDIT.toLowerCase(), new BigDecimal("50000000.00"),
                null), TODAY);
        assertEquals(CREDIT, p.creditCode());
        assertEquals("CNY", p.registeredCapitalCurrency());
        assertEquals(List.of("creditCode"), refused(corporate(null, null, null)));
        char wrong = CREDIT.charAt(17) == '0' ? '1' : '0';
        assertEquals(List.of("creditCode"), refused(corporate(CREDIT_FIRST17 + wrong, null, null)));
        assertEquals(List.of("registeredCapitalCurrency"), refused(corporate(CREDIT, BigDecimal.TEN, "XXY")));
    }

    @Test
    void fieldsOfTheOtherKindAreRefusedByName() {
        CustomerProfile mixed = new CustomerProfile(CustomerKind.INDIVIDUAL, null, "王芳", null, ID, null, null, null,
                null, null, null, "华夏", CREDIT, null, null, BigDecimal.ONE, null, null, null, null);
        assertEquals(List.of("registeredName", "creditCode", "registeredCapital"), refused(mixed));
        CustomerProfile corporateWithPerson = new CustomerProfile(CustomerKind.CORPORATE, null, "王芳", null, ID,
                null, "13910000001", null, null, null, null, "华夏", CREDIT, null, null, null, null, null, null, null);
        assertEquals(List.of("fullName", "idNumber", "mobile"), refused(corporateWithPerson));
    }
}
