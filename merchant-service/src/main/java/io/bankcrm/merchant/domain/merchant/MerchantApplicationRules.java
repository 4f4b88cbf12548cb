package io.bankcrm.merchant.domain.merchant;

import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.identifiers.UnifiedSocialCreditCode;
import io.bankcrm.identifiers.ValidationResult;
import io.bankcrm.platform.domain.Violation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The checks a merchant application must pass before onboarding starts. Every field is checked, so the applicant
 * learns all that is wrong at once; an empty list means the application is complete and consistent.
 */
public final class MerchantApplicationRules {

    public static final int MAX_NAME = 100;
    public static final int MAX_PERSON_NAME = 50;
    public static final int MAX_ADDRESS_PART = 50;
    public static final int MAX_STREET = 200;

    private static final Pattern POSTCODE = Pattern.compile("\\d{6}");
    private static final Pattern CNAPS = Pattern.compile("\\d{12}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("\\d{8,32}");
    private static final Pattern LEGACY_REGISTRATION_NUMBER = Pattern.compile("\\d{15}");

    private final MccCatalogue mccs;

    public MerchantApplicationRules(MccCatalogue mccs) {
        this.mccs = Objects.requireNonNull(mccs, "mccs");
    }

    /** What is wrong with {@code application} on {@code today} (the bank's date), or an empty list. */
    public List<Violation> check(MerchantApplication application, LocalDate today) {
        List<Violation> issues = new ArrayList<>();
        text(issues, "registeredName", application.registeredName(), MAX_NAME);
        // the suite's one rule for each identifier (module identifiers): GB 32100-2015 and GB 11643-1999
        Optional<String> code = identifier(issues, "creditCode", application.creditCode(),
                UnifiedSocialCreditCode::validate, UnifiedSocialCreditCode::normalise);
        licence(issues, application, code, today);
        LegalRepresentative rep = application.legalRepresentative();
        if (rep == null) {
            issues.add(new Violation("legalRepresentative", "the legal representative is missing"));
        } else {
            text(issues, "legalRepresentative.name", rep.name(), MAX_PERSON_NAME);
            identifier(issues, "legalRepresentative.residentIdNumber", rep.residentIdNumber(),
                    v -> ResidentIdNumber.validate(v, today), ResidentIdNumber::normalise);
        }
        mccs.problem(application.mcc()).ifPresent(p -> issues.add(new Violation("mcc", p)));
        address(issues, "registeredAddress", application.registeredAddress());
        address(issues, "businessAddress", application.businessAddress());
        account(issues, application);
        return issues;
    }

    private static void licence(List<Violation> issues, MerchantApplication application, Optional<String> code,
                                LocalDate today) {
        String number = application.licenceNumber();
        if (number == null || number.isBlank()) {
            issues.add(new Violation("licenceNumber", "the business licence number is missing"));
        } else {
            String trimmed = number.trim();
            if (trimmed.length() == 18) {
                // a three-in-one licence shows the credit code itself: a different one names another entity
                if (code.isPresent() && !code.get().equalsIgnoreCase(trimmed)) {
                    issues.add(new Violation("licenceNumber",
                            "an 18-character licence number is the unified social credit code and must equal creditCode"));
                }
            } else if (!LEGACY_REGISTRATION_NUMBER.matcher(trimmed).matches()) {
                issues.add(new Violation("licenceNumber",
                        "a business licence number is the 18-character credit code or a 15-digit registration number"));
            }
        }
        LocalDate expiry = application.licenceExpiry();
        if (expiry != null && expiry.isBefore(today)) {
            issues.add(new Violation("licenceExpiry", "the business licence expired on " + expiry));
        }
    }

    private static void account(List<Violation> issues, MerchantApplication application) {
        SettlementAccount account = application.settlementAccount();
        if (account == null) {
            issues.add(new Violation("settlementAccount", "the settlement account is missing"));
            return;
        }
        if (text(issues, "settlementAccount.accountName", account.accountName(), MAX_NAME)) {
            String name = account.accountName().trim();
            boolean merchantName = application.registeredName() != null
                    && name.equals(application.registeredName().trim());
            boolean ownerName = application.legalRepresentative() != null
                    && application.legalRepresentative().name() != null
                    && name.equals(application.legalRepresentative().name().trim());
            if (!merchantName && !ownerName) {
                issues.add(new Violation("settlementAccount.accountName",
                        "the account must be in the merchant's registered name or its legal representative's"));
            }
        }
        pattern(issues, "settlementAccount.bankCode", account.bankCode(), CNAPS, "a CNAPS bank code is 12 digits");
        pattern(issues, "settlementAccount.accountNumber", account.accountNumber(), ACCOUNT_NUMBER,
                "an account number is 8 to 32 digits");
    }

    private static void address(List<Violation> issues, String field, Address address) {
        if (address == null) {
            issues.add(new Violation(field, "the address is missing"));
            return;
        }
        text(issues, field + ".province", address.province(), MAX_ADDRESS_PART);
        text(issues, field + ".city", address.city(), MAX_ADDRESS_PART);
        if (address.district() != null) {
            text(issues, field + ".district", address.district(), MAX_ADDRESS_PART);
        }
        text(issues, field + ".street", address.street(), MAX_STREET);
        pattern(issues, field + ".postcode", address.postcode(), POSTCODE, "a postcode is six digits");
    }

    /** The normalised identifier when valid; otherwise adds the rule's reason and gives nothing. */
    private static Optional<String> identifier(List<Violation> issues, String field, String value,
                                               Function<String, ValidationResult> rule,
                                               Function<String, String> normalise) {
        if (value == null || value.isBlank()) {
            issues.add(new Violation(field, "the value is missing"));
            return Optional.empty();
        }
        ValidationResult result = rule.apply(value);
        if (!result.valid()) {
            issues.add(new Violation(field, result.reason()));
            return Optional.empty();
        }
        return Optional.of(normalise.apply(value));
    }

    /** Required, at most {@code max} characters (code points), no control characters; true when it passed. */
    private static boolean text(List<Violation> issues, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            issues.add(new Violation(field, "the value is missing"));
            return false;
        }
        String trimmed = value.trim();
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            issues.add(new Violation(field, "at most " + max + " characters"));
            return false;
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            issues.add(new Violation(field, "control characters are not allowed"));
            return false;
        }
        return true;
    }

    private static void pattern(List<Violation> issues, String field, String value, Pattern pattern, String rule) {
        if (value == null || value.isBlank()) {
            issues.add(new Violation(field, "the value is missing"));
        } else if (!pattern.matcher(value.trim()).matches()) {
            issues.add(new Violation(field, rule));
        }
    }
}
