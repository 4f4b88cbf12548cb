package io.bankcrm.customer.domain.rules;

import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.identifiers.UnifiedSocialCreditCode;
import io.bankcrm.identifiers.ValidationResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Scores how complete a customer profile is, 0-100, and lists what is missing or wrong.
 *
 * <p>A field earns its weight only when it is present (non-null, non-blank) and valid; a field that
 * fails either test yields a {@link FieldIssue} instead. Weights per customer kind, which also give
 * the order of the reported issues:
 *
 * <table>
 *   <caption>Individual</caption>
 *   <tr><th>field</th><th>weight</th><th>counts when</th></tr>
 *   <tr><td>fullName</td><td>15</td><td>present</td></tr>
 *   <tr><td>idType + idNumber</td><td>20</td><td>both present; a {@code RESIDENT_ID} number must pass
 *       {@link ResidentIdNumber#validate}</td></tr>
 *   <tr><td>dateOfBirth</td><td>10</td><td>present, not in the future, and equal to the date in a valid
 *       resident id number</td></tr>
 *   <tr><td>mobile</td><td>15</td><td>passes {@link MobileNumber#validate}</td></tr>
 *   <tr><td>email</td><td>10</td><td>passes {@link EmailAddress#validate}</td></tr>
 *   <tr><td>address</td><td>10</td><td>present</td></tr>
 *   <tr><td>occupation</td><td>5</td><td>present</td></tr>
 *   <tr><td>employer</td><td>5</td><td>present</td></tr>
 *   <tr><td>homeBranch</td><td>5</td><td>present</td></tr>
 *   <tr><td>relationshipManager</td><td>5</td><td>present</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Corporate</caption>
 *   <tr><th>field</th><th>weight</th><th>counts when</th></tr>
 *   <tr><td>registeredName</td><td>20</td><td>present</td></tr>
 *   <tr><td>creditCode</td><td>25</td><td>passes {@link UnifiedSocialCreditCode#validate}</td></tr>
 *   <tr><td>legalRepresentative</td><td>15</td><td>present</td></tr>
 *   <tr><td>industry</td><td>10</td><td>present</td></tr>
 *   <tr><td>registeredCapital</td><td>10</td><td>present and greater than zero</td></tr>
 *   <tr><td>address</td><td>10</td><td>present</td></tr>
 *   <tr><td>homeBranch</td><td>5</td><td>present</td></tr>
 *   <tr><td>relationshipManager</td><td>5</td><td>present</td></tr>
 * </table>
 *
 * <p>Identity fields weigh most because KYC cannot proceed without them. A missing or unknown
 * {@code kind} scores 0 with a single issue on {@code kind}, since no table applies.
 */
public final class ProfileCompleteness {

    private static final List<Criterion> INDIVIDUAL_CRITERIA = List.of(
            present("fullName", 15, "full name", ProfileFacts::fullName),
            new Criterion(20, ProfileCompleteness::identityDocument),
            new Criterion(10, ProfileCompleteness::dateOfBirth),
            validated("mobile", 15, "mobile number", ProfileFacts::mobile, MobileNumber::validate),
            validated("email", 10, "e-mail address", ProfileFacts::email, EmailAddress::validate),
            present("address", 10, "address", ProfileFacts::address),
            present("occupation", 5, "occupation", ProfileFacts::occupation),
            present("employer", 5, "employer", ProfileFacts::employer),
            present("homeBranch", 5, "home branch", ProfileFacts::homeBranch),
            present("relationshipManager", 5, "relationship manager", ProfileFacts::relationshipManager));

    private static final List<Criterion> CORPORATE_CRITERIA = List.of(
            present("registeredName", 20, "registered name", ProfileFacts::registeredName),
            validated("creditCode", 25, "unified social credit code", ProfileFacts::creditCode,
                    UnifiedSocialCreditCode::validate),
            present("legalRepresentative", 15, "legal representative", ProfileFacts::legalRepresentative),
            present("industry", 10, "industry", ProfileFacts::industry),
            new Criterion(10, ProfileCompleteness::registeredCapital),
            present("address", 10, "registered address", ProfileFacts::address),
            present("homeBranch", 5, "home branch", ProfileFacts::homeBranch),
            present("relationshipManager", 5, "relationship manager", ProfileFacts::relationshipManager));

    private ProfileCompleteness() {
    }

    /**
     * Scores {@code facts} against the weight table for its kind.
     *
     * @param today reference date for date-of-birth checks; passed in so callers control the clock
     */
    public static Completeness assess(ProfileFacts facts, LocalDate today) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(today, "today");
        String kind = facts.kind();
        if (isBlank(kind)) {
            return new Completeness(0, List.of(FieldIssue.missing("kind", "customer kind is missing")));
        }
        if (ProfileFacts.INDIVIDUAL.equals(kind)) {
            return score(facts, today, INDIVIDUAL_CRITERIA);
        }
        if (ProfileFacts.CORPORATE.equals(kind)) {
            return score(facts, today, CORPORATE_CRITERIA);
        }
        return new Completeness(0, List.of(FieldIssue.invalid("kind",
                "customer kind must be INDIVIDUAL or CORPORATE, got " + kind)));
    }

    private static Completeness score(ProfileFacts facts, LocalDate today, List<Criterion> criteria) {
        int score = 0;
        List<FieldIssue> issues = new ArrayList<>();
        for (Criterion criterion : criteria) {
            List<FieldIssue> found = criterion.check().apply(facts, today);
            if (found.isEmpty()) {
                score += criterion.weight();
            }
            issues.addAll(found);
        }
        return new Completeness(score, issues);
    }

    private static List<FieldIssue> identityDocument(ProfileFacts facts, LocalDate today) {
        // Both parts are reported so an empty profile shows everything the customer still has to supply.
        List<FieldIssue> issues = new ArrayList<>(2);
        if (isBlank(facts.idType())) {
            issues.add(FieldIssue.missing("idType", "id type is missing"));
        }
        if (isBlank(facts.idNumber())) {
            issues.add(FieldIssue.missing("idNumber", "id number is missing"));
        }
        if (issues.isEmpty() && isResidentId(facts)) {
            ValidationResult result = ResidentIdNumber.validate(facts.idNumber(), today);
            if (!result.valid()) {
                issues.add(FieldIssue.invalid("idNumber", result.reason()));
            }
        }
        return issues;
    }

    private static List<FieldIssue> dateOfBirth(ProfileFacts facts, LocalDate today) {
        LocalDate dob = facts.dateOfBirth();
        if (dob == null) {
            return List.of(FieldIssue.missing("dateOfBirth", "date of birth is missing"));
        }
        if (dob.isAfter(today)) {
            return List.of(FieldIssue.invalid("dateOfBirth", "date of birth " + dob + " is in the future"));
        }
        // The resident id number encodes the birth date, so a mismatch means one of the two was mistyped.
        if (isResidentId(facts) && !isBlank(facts.idNumber())
                && ResidentIdNumber.validate(facts.idNumber(), today).valid()) {
            LocalDate onId = ResidentIdNumber.birthDate(facts.idNumber());
            if (!onId.equals(dob)) {
                return List.of(FieldIssue.invalid("dateOfBirth",
                        "date of birth " + dob + " does not match " + onId + " in the resident id number"));
            }
        }
        return List.of();
    }

    private static List<FieldIssue> registeredCapital(ProfileFacts facts, LocalDate today) {
        if (facts.registeredCapital() == null) {
            return List.of(FieldIssue.missing("registeredCapital", "registered capital is missing"));
        }
        if (facts.registeredCapital().signum() <= 0) {
            return List.of(FieldIssue.invalid("registeredCapital", "registered capital must be greater than zero"));
        }
        return List.of();
    }

    private static Criterion present(String field, int weight, String label, Function<ProfileFacts, String> value) {
        return new Criterion(weight, (facts, today) -> isBlank(value.apply(facts))
                ? List.of(FieldIssue.missing(field, label + " is missing"))
                : List.of());
    }

    private static Criterion validated(String field, int weight, String label, Function<ProfileFacts, String> value,
                                       Function<String, ValidationResult> validator) {
        return new Criterion(weight, (facts, today) -> {
            String text = value.apply(facts);
            if (isBlank(text)) {
                return List.of(FieldIssue.missing(field, label + " is missing"));
            }
            ValidationResult result = validator.apply(text);
            return result.valid() ? List.of() : List.of(FieldIssue.invalid(field, result.reason()));
        });
    }

    private static boolean isResidentId(ProfileFacts facts) {
        return ProfileFacts.RESIDENT_ID.equals(facts.idType());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** A weighted rule; it is satisfied when its check reports no issues. */
    private record Criterion(int weight, Check check) {
    }

    @FunctionalInterface
    private interface Check {
        List<FieldIssue> apply(ProfileFacts facts, LocalDate today);
    }
}
