package io.bankcrm.customer.domain.rules;

import io.bankcrm.identifiers.ResidentIdNumber;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The customer data {@link ProfileCompleteness} judges, decoupled from any persistence or API model.
 * Every component is nullable; which ones matter depends on {@link #kind()}.
 *
 * @param kind                {@link #INDIVIDUAL} or {@link #CORPORATE}
 * @param fullName            individual: legal name
 * @param idType              individual: identity document type, e.g. {@link #RESIDENT_ID} or PASSPORT
 * @param idNumber            individual: identity document number
 * @param dateOfBirth         individual
 * @param mobile              individual: mainland China mobile number
 * @param email               individual
 * @param address             both: residential address (individual) or registered address (corporate)
 * @param occupation          individual
 * @param employer            individual
 * @param registeredName      corporate: name on the business licence
 * @param creditCode          corporate: unified social credit code
 * @param legalRepresentative corporate
 * @param industry            corporate
 * @param registeredCapital   corporate
 * @param homeBranch          both: branch that owns the relationship
 * @param relationshipManager both
 */
public record ProfileFacts(
        String kind,
        String fullName,
        String idType,
        String idNumber,
        LocalDate dateOfBirth,
        String mobile,
        String email,
        String address,
        String occupation,
        String employer,
        String registeredName,
        String creditCode,
        String legalRepresentative,
        String industry,
        BigDecimal registeredCapital,
        String homeBranch,
        String relationshipManager) {

    public static final String INDIVIDUAL = "INDIVIDUAL";
    public static final String CORPORATE = "CORPORATE";

    /** The {@link #idType()} whose numbers are checked with {@link ResidentIdNumber}. */
    public static final String RESIDENT_ID = "RESIDENT_ID";

    /** Starts an individual profile; unset fields stay {@code null}. */
    public static Builder individual() {
        return new Builder(INDIVIDUAL);
    }

    /** Starts a corporate profile; unset fields stay {@code null}. */
    public static Builder corporate() {
        return new Builder(CORPORATE);
    }

    /** Named setters, because seventeen positional nullable arguments are too easy to misorder. */
    public static final class Builder {
        private final String kind;
        private String fullName;
        private String idType;
        private String idNumber;
        private LocalDate dateOfBirth;
        private String mobile;
        private String email;
        private String address;
        private String occupation;
        private String employer;
        private String registeredName;
        private String creditCode;
        private String legalRepresentative;
        private String industry;
        private BigDecimal registeredCapital;
        private String homeBranch;
        private String relationshipManager;

        private Builder(String kind) {
            this.kind = kind;
        }

        public Builder fullName(String value) {
            fullName = value;
            return this;
        }

        public Builder idType(String value) {
            idType = value;
            return this;
        }

        public Builder idNumber(String value) {
            idNumber = value;
            return this;
        }

        public Builder dateOfBirth(LocalDate value) {
            dateOfBirth = value;
            return this;
        }

        public Builder mobile(String value) {
            mobile = value;
            return this;
        }

        public Builder email(String value) {
            email = value;
            return this;
        }

        public Builder address(String value) {
            address = value;
            return this;
        }

        public Builder occupation(String value) {
            occupation = value;
            return this;
        }

        public Builder employer(String value) {
            employer = value;
            return this;
        }

        public Builder registeredName(String value) {
            registeredName = value;
            return this;
        }

        public Builder creditCode(String value) {
            creditCode = value;
            return this;
        }

        public Builder legalRepresentative(String value) {
            legalRepresentative = value;
            return this;
        }

        public Builder industry(String value) {
            industry = value;
            return this;
        }

        public Builder registeredCapital(BigDecimal value) {
            registeredCapital = value;
            return this;
        }

        public Builder homeBranch(String value) {
            homeBranch = value;
            return this;
        }

        public Builder relationshipManager(String value) {
            relationshipManager = value;
            return this;
        }

        public ProfileFacts build() {
            return new ProfileFacts(kind, fullName, idType, idNumber, dateOfBirth, mobile, email, address,
                    occupation, employer, registeredName, creditCode, legalRepresentative, industry,
                    registeredCapital, homeBranch, relationshipManager);
        }
    }
}
