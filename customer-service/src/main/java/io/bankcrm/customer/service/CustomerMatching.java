package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.IdType;
import io.bankcrm.customer.domain.rules.MobileNumber;
import io.bankcrm.customer.domain.rules.NameKeys;
import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.identifiers.UnifiedSocialCreditCode;
import io.bankcrm.identifiers.ValidationResult;
import io.bankcrm.platform.pii.PiiProtector;
import io.bankcrm.platform.problem.FieldViolation;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.time.BankClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Matching: "is this person or organisation already our customer?", candidates with the evidence for each. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustomerMatching {

    static final int MATCH_LIMIT = 20;

    private final PiiProtector pii;
    private final BankClock clock;

    public CustomerMatching(PiiProtector pii, BankClock clock) {
        this.pii = pii;
        this.clock = clock;
    }

    /** One candidate and what matched (idNumber, creditCode, mobile, nameAndDateOfBirth). */
    public record Candidate(Customer customer, List<String> matchedOn) {
    }

    /** Candidates, strongest evidence (most matching identifiers) first, at most {@value #MATCH_LIMIT}. */
    public List<Candidate> match(MatchRequest request) {
        Map<UUID, Candidate> found = new LinkedHashMap<>();
        boolean asked = false;
        List<FieldViolation> errors = new ArrayList<>();
        if (present(request.idNumber())) {
            asked = true;
            IdType type = request.idType() == null ? IdType.RESIDENT_ID : request.idType();
            String number = request.idNumber().trim().toUpperCase(Locale.ROOT);
            ValidationResult check = type == IdType.RESIDENT_ID ? ResidentIdNumber.validate(number, clock.today())
                    : ValidationResult.ok();
            if (!check.valid()) {
                errors.add(new FieldViolation("idNumber", check.reason()));
            } else {
                collect(found, "idNumber", Customer.find("idType = ?1 and idNumberHash = ?2", type,
                        pii.blindIndex(number)).list());
            }
        }
        if (present(request.creditCode())) {
            asked = true;
            collect(found, "creditCode", Customer.find("creditCode",
                    UnifiedSocialCreditCode.normalise(request.creditCode())).list());
        }
        if (present(request.mobile())) {
            asked = true;
            ValidationResult check = MobileNumber.validate(request.mobile());
            if (!check.valid()) {
                errors.add(new FieldViolation("mobile", check.reason()));
            } else {
                collect(found, "mobile", Customer.find("mobileHash",
                        pii.blindIndex(MobileNumber.normalise(request.mobile()))).range(0, MATCH_LIMIT - 1).list());
            }
        }
        if (present(request.name()) || request.dateOfBirth() != null) {
            asked = true;
            if (!present(request.name()) || request.dateOfBirth() == null) {
                errors.add(new FieldViolation(present(request.name()) ? "dateOfBirth" : "name",
                        "name and dateOfBirth are matched together"));
            } else {
                collect(found, "nameAndDateOfBirth", Customer.find("nameKey = ?1 and dateOfBirth = ?2",
                        NameKeys.of(request.name()), request.dateOfBirth()).range(0, MATCH_LIMIT - 1).list());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        if (!asked) {
            throw ProblemException.badRequest("give idNumber, creditCode, mobile, or name with dateOfBirth");
        }
        return found.values().stream()
                .sorted(Comparator.comparing((Candidate c) -> -c.matchedOn().size()))
                .limit(MATCH_LIMIT)
                .toList();
    }

    private static void collect(Map<UUID, Candidate> found, String on, List<Customer> customers) {
        for (Customer c : customers) {
            found.computeIfAbsent(c.id, id -> new Candidate(c, new ArrayList<>())).matchedOn().add(on);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
