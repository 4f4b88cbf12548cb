package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.CustomerKind;
import io.bankcrm.customer.domain.rules.Completeness;
import io.bankcrm.customer.domain.rules.NameKeys;
import io.bankcrm.customer.domain.rules.ProfileCompleteness;
import io.bankcrm.platform.pii.Masking;
import io.bankcrm.platform.pii.PiiProtector;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.security.Ownership;
import io.bankcrm.platform.time.BankClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The customer record as the use cases share it: reading one, writing a validated profile into it (identifiers
 * encrypted, blind-indexed and masked; completeness scored), reading the profile back in clear, and the
 * duplicate rule (same credit code, same ID number, or same name and mobile without an ID number).
 */
@ApplicationScoped
public class CustomerStore {

    private final PiiProtector pii;
    private final BankClock clock;
    private final Ownership ownership;

    public CustomerStore(PiiProtector pii, BankClock clock, Ownership ownership) {
        this.pii = pii;
        this.clock = clock;
        this.ownership = ownership;
    }

    /** The customer, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Customer get(UUID id) {
        Customer c = Customer.findById(id);
        if (c == null) {
            throw ProblemException.notFound("customer", id);
        }
        return c;
    }

    /**
     * The customer the current caller is about to change: 404 when there is none, 403 when it is not theirs to
     * change ({@link Ownership}: their branch, or managed by them). Every changing use case starts here.
     */
    public Customer forChange(UUID id) {
        Customer c = get(id);
        ownership.requireChange("customer " + id, c.homeBranch, c.relationshipManager);
        return c;
    }

    /** The profile with identifiers in clear, as a merge patch applies to it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerProfile profileOf(Customer c) {
        return new CustomerProfile(c.kind, null,
                c.kind == CustomerKind.INDIVIDUAL ? c.displayName : null, c.idType,
                pii.decrypt(c.idNumberEncrypted), c.dateOfBirth, pii.decrypt(c.mobileEncrypted),
                pii.decrypt(c.emailEncrypted), c.address, c.occupation, c.employer,
                c.kind == CustomerKind.CORPORATE ? c.displayName : null, c.creditCode, c.legalRepresentative,
                c.industry, c.registeredCapital, c.registeredCapitalCurrency, c.homeBranch, c.relationshipManager,
                c.sourceChannel);
    }

    /** Writes a profile that has passed {@link ProfileRules#validated} into the record. */
    void write(Customer c, CustomerProfile p) {
        c.displayName = c.kind == CustomerKind.INDIVIDUAL ? p.fullName() : p.registeredName();
        c.nameKey = NameKeys.of(c.displayName);
        c.idType = p.idType();
        c.idNumberEncrypted = pii.encrypt(p.idNumber());
        c.idNumberHash = pii.blindIndex(p.idNumber());
        c.idNumberMasked = Masking.idNumber(p.idNumber());
        c.dateOfBirth = p.dateOfBirth();
        c.mobileEncrypted = pii.encrypt(p.mobile());
        c.mobileHash = pii.blindIndex(p.mobile());
        c.mobileMasked = Masking.phone(p.mobile());
        c.emailEncrypted = pii.encrypt(p.email());
        c.emailHash = pii.blindIndex(p.email() == null ? null : p.email().toLowerCase(Locale.ROOT));
        c.emailMasked = Masking.email(p.email());
        c.address = p.address();
        c.occupation = p.occupation();
        c.employer = p.employer();
        c.creditCode = p.creditCode();
        c.legalRepresentative = p.legalRepresentative();
        c.industry = p.industry();
        c.registeredCapital = p.registeredCapital();
        c.registeredCapitalCurrency = p.registeredCapitalCurrency();
        c.homeBranch = p.homeBranch();
        c.relationshipManager = p.relationshipManager();
        c.sourceChannel = p.sourceChannel();
        Completeness completeness = ProfileCompleteness.assess(ProfileRules.facts(p), clock.today());
        c.completenessScore = completeness.score();
        c.completenessIssues = completeness.issues();
    }

    /** Another customer with the same identity as profile {@code p} (not {@code self}), if there is one. */
    Optional<Customer> duplicateOf(CustomerProfile p, UUID self) {
        Optional<Customer> found;
        if (p.kind() == CustomerKind.CORPORATE) {
            found = Customer.find("creditCode", p.creditCode()).firstResultOptional();
        } else if (p.idNumber() != null) {
            found = Customer.find("idType = ?1 and idNumberHash = ?2", p.idType(), pii.blindIndex(p.idNumber()))
                    .firstResultOptional();
        } else if (p.mobile() != null) {
            found = Customer.find("kind = ?1 and idNumberHash is null and nameKey = ?2 and mobileHash = ?3",
                    CustomerKind.INDIVIDUAL, NameKeys.of(p.fullName()), pii.blindIndex(p.mobile()))
                    .firstResultOptional();
        } else {
            found = Optional.empty();
        }
        return found.filter(c -> !c.id.equals(self));
    }

    /** Refuses (409, naming the existing customer) a profile whose identity another customer has. */
    void refuseDuplicate(CustomerProfile p, UUID self) {
        duplicateOf(p, self).ifPresent(existing -> {
            String what = existing.kind == CustomerKind.CORPORATE ? "credit code"
                    : existing.idNumberHash != null ? "ID number" : "name and mobile";
            throw ProblemException.conflict("customer " + existing.id + " already has this " + what,
                    Map.of("existingCustomerId", existing.id));
        });
    }
}
