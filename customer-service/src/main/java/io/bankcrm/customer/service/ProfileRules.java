package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.CustomerKind;
import io.bankcrm.customer.domain.IdType;
import io.bankcrm.customer.domain.rules.EmailAddress;
import io.bankcrm.customer.domain.rules.MobileNumber;
import io.bankcrm.customer.domain.rules.ProfileFacts;
import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.identifiers.UnifiedSocialCreditCode;
import io.bankcrm.identifiers.ValidationResult;
import io.bankcrm.platform.problem.FieldViolation;
import io.bankcrm.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * The write-side rules of a profile: which fields each kind needs and allows, and the check-digit and format
 * rules of identifiers. Returns the profile normalised (upper-case ID and credit code, bare 11-digit mobile,
 * lower-case e-mail domain); refuses it with every field at fault named.
 */
public final class ProfileRules {

    private ProfileRules() {
    }

    public static CustomerProfile validated(CustomerProfile p, LocalDate today) {
        List<FieldViolation> errors = new ArrayList<>();
        if (p.kind() == CustomerKind.INDIVIDUAL) {
            individual(p, today, errors);
        } else if (p.kind() == CustomerKind.CORPORATE) {
            corporate(p, errors);
        }
        if (p.registeredCapitalCurrency() != null) {
            try {
                Currency.getInstance(p.registeredCapitalCurrency());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldViolation("registeredCapitalCurrency", "is not an ISO 4217 currency"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return normalised(p);
    }

    private static void individual(CustomerProfile p, LocalDate today, List<FieldViolation> errors) {
        if (blank(p.fullName())) {
            errors.add(new FieldViolation("fullName", "is required for an individual"));
        }
        if (blank(p.idNumber()) && blank(p.mobile())) {
            errors.add(new FieldViolation("idNumber",
                    "an individual needs an ID number or a mobile number, to be told apart from namesakes"));
        }
        IdType idType = effectiveIdType(p);
        if (p.idType() != null && blank(p.idNumber())) {
            errors.add(new FieldViolation("idNumber", "is required when idType is given"));
        }
        if (!blank(p.idNumber()) && idType == IdType.RESIDENT_ID) {
            ValidationResult id = ResidentIdNumber.validate(p.idNumber(), today);
            if (!id.valid()) {
                errors.add(new FieldViolation("idNumber", id.reason()));
            } else if (p.dateOfBirth() != null
                    && !p.dateOfBirth().equals(ResidentIdNumber.birthDate(ResidentIdNumber.normalise(p.idNumber())))) {
                errors.add(new FieldViolation("dateOfBirth", "does not match the date of birth in idNumber ("
                        + ResidentIdNumber.birthDate(ResidentIdNumber.normalise(p.idNumber())) + ")"));
            }
        }
        if (p.dateOfBirth() != null && p.dateOfBirth().isAfter(today)) {
            errors.add(new FieldViolation("dateOfBirth", "is in the future"));
        }
        check(errors, "mobile", p.mobile(), MobileNumber.validate(p.mobile()));
        check(errors, "email", p.email(), EmailAddress.validate(p.email()));
        refuse(errors, "registeredName", p.registeredName(), "an individual");
        refuse(errors, "creditCode", p.creditCode(), "an individual");
        refuse(errors, "legalRepresentative", p.legalRepresentative(), "an individual");
        refuse(errors, "industry", p.industry(), "an individual");
        refuse(errors, "registeredCapital", p.registeredCapital(), "an individual");
        refuse(errors, "registeredCapitalCurrency", p.registeredCapitalCurrency(), "an individual");
    }

    private static void corporate(CustomerProfile p, List<FieldViolation> errors) {
        if (blank(p.registeredName())) {
            errors.add(new FieldViolation("registeredName", "is required for a corporate"));
        }
        if (blank(p.creditCode())) {
            errors.add(new FieldViolation("creditCode", "is required for a corporate"));
        } else {
            check(errors, "creditCode", p.creditCode(), UnifiedSocialCreditCode.validate(p.creditCode()));
        }
        refuse(errors, "fullName", p.fullName(), "a corporate");
        refuse(errors, "idType", p.idType(), "a corporate");
        refuse(errors, "idNumber", p.idNumber(), "a corporate");
        refuse(errors, "dateOfBirth", p.dateOfBirth(), "a corporate");
        refuse(errors, "mobile", p.mobile(), "a corporate (record the contact person as an individual)");
        refuse(errors, "email", p.email(), "a corporate (record the contact person as an individual)");
        refuse(errors, "occupation", p.occupation(), "a corporate");
        refuse(errors, "employer", p.employer(), "a corporate");
    }

    private static CustomerProfile normalised(CustomerProfile p) {
        boolean individual = p.kind() == CustomerKind.INDIVIDUAL;
        IdType idType = individual ? effectiveIdType(p) : null;
        String idNumber = blank(p.idNumber()) ? null : p.idNumber().trim().toUpperCase(Locale.ROOT);
        if (idNumber != null && idType == IdType.RESIDENT_ID) {
            idNumber = ResidentIdNumber.normalise(idNumber);
        }
        LocalDate dob = p.dateOfBirth();
        if (dob == null && idNumber != null && idType == IdType.RESIDENT_ID) {
            dob = ResidentIdNumber.birthDate(idNumber);
        }
        return new CustomerProfile(p.kind(), p.status(), trim(p.fullName()), idNumber == null ? null : idType,
                idNumber, dob,
                blank(p.mobile()) ? null : MobileNumber.normalise(p.mobile()),
                blank(p.email()) ? null : EmailAddress.normalise(p.email()),
                trim(p.address()), trim(p.occupation()), trim(p.employer()), trim(p.registeredName()),
                blank(p.creditCode()) ? null : UnifiedSocialCreditCode.normalise(p.creditCode()),
                trim(p.legalRepresentative()), trim(p.industry()), p.registeredCapital(),
                p.registeredCapital() == null ? null
                        : p.registeredCapitalCurrency() == null ? "CNY" : p.registeredCapitalCurrency(),
                trim(p.homeBranch()), trim(p.relationshipManager()), trim(p.sourceChannel()));
    }

    /** The facts completeness is judged on, from a normalised profile. */
    public static ProfileFacts facts(CustomerProfile p) {
        return new ProfileFacts(p.kind().name(), p.fullName(), p.idType() == null ? null : p.idType().name(),
                p.idNumber(), p.dateOfBirth(), p.mobile(), p.email(), p.address(), p.occupation(), p.employer(),
                p.registeredName(), p.creditCode(), p.legalRepresentative(), p.industry(), p.registeredCapital(),
                p.homeBranch(), p.relationshipManager());
    }

    private static IdType effectiveIdType(CustomerProfile p) {
        return p.idType() != null ? p.idType() : blank(p.idNumber()) ? null : IdType.RESIDENT_ID;
    }

    private static void check(List<FieldViolation> errors, String field, String value, ValidationResult result) {
        if (!blank(value) && !result.valid()) {
            errors.add(new FieldViolation(field, result.reason()));
        }
    }

    private static void refuse(List<FieldViolation> errors, String field, Object value, String kind) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            errors.add(new FieldViolation(field, "is not a field of " + kind));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String value) {
        return blank(value) ? null : value.trim();
    }
}
