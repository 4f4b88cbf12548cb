package io.bankcrm.merchant.domain.merchant;

import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.identifiers.UnifiedSocialCreditCode;
import io.bankcrm.platform.domain.Violation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: what a merchant application must contain, every fault reported at once. */
class MerchantApplicationRulesTest {

    /** Identifiers made valid by the suite's own rules (module identifiers), not by a copy of them. */
    static final String CODE = "91350100M000100Y4" + UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4");
    static final String RESIDENT_ID = "35010219800101123" + ResidentIdNumber.checkCharacter("35010219800101123");
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    final MerchantApplicationRules rules = new MerchantApplicationRules(MccCatalogue.standard());

    static MerchantApplication valid() {
        Address address = new Address("福建省", "福州市", "鼓楼区", "五四路 158 号", "350001");
        return new MerchantApplication("福州闽江餐饮有限公司", CODE.toLowerCase(), CODE, LocalDate.of(2030, 12, 31),
                new LegalRepresentative("林晓峰", RESIDENT_ID), "5812", address, address,
                new SettlementAccount("福州闽江餐饮有限公司", "313391080007", "6500010120000012345"));
    }

    @Test
    void aCompleteApplicationPasses() {
        assertEquals(List.of(), rules.check(valid(), TODAY));
    }

    @Test
    void aLicenceWithoutTermAndALegacyRegistrationNumberPass() {
        MerchantApplication a = valid();
        MerchantApplication longTerm = new MerchantApplication(a.registeredName(), a.creditCode(), "350100100012345",
                null, a.legalRepresentative(), a.mcc(), a.registeredAddress(), a.businessAddress(), a.settlementAccount());
        assertEquals(List.of(), rules.check(longTerm, TODAY));
    }

    @Test
    void reportsEveryFaultWithItsField() {
        MerchantApplication bad = new MerchantApplication(" ", wrongCheck(CODE), "12345", LocalDate.of(2026, 5, 31),
                new LegalRepresentative("", wrongCheck(RESIDENT_ID)), "7995",
                new Address("福建省", "", null, "五四路", "35000"), null,
                new SettlementAccount("别人", "3133910800", "12ab"));
        List<String> fields = rules.check(bad, TODAY).stream().map(Violation::field).toList();
        assertEquals(List.of("registeredName", "creditCode", "licenceNumber", "licenceExpiry",
                "legalRepresentative.name", "legalRepresentative.residentIdNumber", "mcc",
                "registeredAddress.city", "registeredAddress.postcode", "businessAddress",
                "settlementAccount.accountName", "settlementAccount.bankCode", "settlementAccount.accountNumber"), fields);
    }

    @Test
    void theSuitesIdentifierRulesGiveTheReason() {
        MerchantApplication a = valid();
        MerchantApplication wrongCode = new MerchantApplication(a.registeredName(), wrongCheck(CODE),
                a.licenceNumber(), a.licenceExpiry(), new LegalRepresentative("林晓峰", "350102198002301234"),
                a.mcc(), a.registeredAddress(), a.businessAddress(), a.settlementAccount());
        List<Violation> issues = rules.check(wrongCode, TODAY);
        assertEquals(new Violation("creditCode", "check character should be " + CODE.charAt(17) + ", not "
                + wrongCheck(CODE).charAt(17)), issues.get(0));
        assertEquals("legalRepresentative.residentIdNumber", issues.get(1).field());
        assertTrue(issues.get(1).message().contains("not a calendar date"), issues.get(1).message());
        assertEquals(List.of("licenceNumber"), fields(new MerchantApplication(a.registeredName(), a.creditCode(),
                wrongCheck(CODE), a.licenceExpiry(), a.legalRepresentative(), a.mcc(), a.registeredAddress(),
                a.businessAddress(), a.settlementAccount())), "the licence is compared once the code is valid");
    }

    /** The identifier with another check character, so it fails only the check. */
    static String wrongCheck(String valid) {
        char other = valid.charAt(17) == '0' ? '1' : '0';
        return valid.substring(0, 17) + other;
    }

    @Test
    void anEighteenCharacterLicenceNumberIsTheCreditCode() {
        MerchantApplication a = valid();
        MerchantApplication other = new MerchantApplication(a.registeredName(), a.creditCode(), wrongCheck(CODE),
                a.licenceExpiry(), a.legalRepresentative(), a.mcc(), a.registeredAddress(), a.businessAddress(),
                a.settlementAccount());
        assertEquals(List.of("licenceNumber"), rules.check(other, TODAY).stream().map(Violation::field).toList());
    }

    @Test
    void aLicenceExpiringTodayIsStillValidButNotOneThatExpiredYesterday() {
        MerchantApplication a = valid();
        assertEquals(List.of(), rules.check(withExpiry(a, TODAY), TODAY));
        assertEquals(List.of(new Violation("licenceExpiry", "the business licence expired on 2026-05-31")),
                rules.check(withExpiry(a, TODAY.minusDays(1)), TODAY));
    }

    @Test
    void anIndividualBusinessMaySettleToItsOwnersAccount() {
        MerchantApplication a = valid();
        MerchantApplication owner = new MerchantApplication(a.registeredName(), a.creditCode(), a.licenceNumber(),
                a.licenceExpiry(), a.legalRepresentative(), a.mcc(), a.registeredAddress(), a.businessAddress(),
                new SettlementAccount("林晓峰", "313391080007", "6500010120000012345"));
        assertEquals(List.of(), rules.check(owner, TODAY));
    }

    @Test
    void namesAreCountedInCharactersAndControlCharactersRefused() {
        MerchantApplication a = valid();
        String hundredHan = "餐".repeat(100);
        assertEquals(List.of("settlementAccount.accountName"), fields(withName(a, hundredHan)),
                "100 Chinese characters is a valid name (the account name no longer matches)");
        assertTrue(fields(withName(a, hundredHan + "厅")).contains("registeredName"));
        assertTrue(fields(withName(a, "餐饮\u0000公司")).contains("registeredName"));
    }

    private List<String> fields(MerchantApplication a) {
        return rules.check(a, TODAY).stream().map(Violation::field).toList();
    }

    private static MerchantApplication withExpiry(MerchantApplication a, LocalDate expiry) {
        return new MerchantApplication(a.registeredName(), a.creditCode(), a.licenceNumber(), expiry,
                a.legalRepresentative(), a.mcc(), a.registeredAddress(), a.businessAddress(), a.settlementAccount());
    }

    private static MerchantApplication withName(MerchantApplication a, String name) {
        return new MerchantApplication(name, a.creditCode(), a.licenceNumber(), a.licenceExpiry(),
                a.legalRepresentative(), a.mcc(), a.registeredAddress(), a.businessAddress(), a.settlementAccount());
    }
}
