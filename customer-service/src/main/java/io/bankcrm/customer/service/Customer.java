package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.CustomerKind;
import io.bankcrm.customer.domain.CustomerStatus;
import io.bankcrm.customer.domain.IdType;
import io.bankcrm.customer.domain.rules.FieldIssue;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The one record the bank keeps per customer. Personal identifiers are held only as ciphertext, a keyed hash
 * for exact search and a masked copy for display; the service layer does the cryptography.
 */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public CustomerKind kind;

    @Enumerated(EnumType.STRING)
    public CustomerStatus status;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "name_key")
    public String nameKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_type")
    public IdType idType;

    @Column(name = "id_number_enc")
    public String idNumberEncrypted;

    @Column(name = "id_number_hash")
    public String idNumberHash;

    @Column(name = "id_number_masked")
    public String idNumberMasked;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Column(name = "mobile_enc")
    public String mobileEncrypted;

    @Column(name = "mobile_hash")
    public String mobileHash;

    @Column(name = "mobile_masked")
    public String mobileMasked;

    @Column(name = "email_enc")
    public String emailEncrypted;

    @Column(name = "email_hash")
    public String emailHash;

    @Column(name = "email_masked")
    public String emailMasked;

    public String address;
    public String occupation;
    public String employer;

    @Column(name = "credit_code")
    public String creditCode;

    @Column(name = "legal_representative")
    public String legalRepresentative;

    public String industry;

    @Column(name = "registered_capital")
    public BigDecimal registeredCapital;

    @Column(name = "registered_capital_currency")
    public String registeredCapitalCurrency;

    @Column(name = "home_branch")
    public String homeBranch;

    @Column(name = "relationship_manager")
    public String relationshipManager;

    @Column(name = "source_channel")
    public String sourceChannel;

    @Column(name = "value_tier")
    public String valueTier;

    @Column(name = "value_tier_flags")
    public String valueTierFlags;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "value_tier_reasons")
    public List<String> valueTierReasons;

    @Column(name = "value_tier_changed_at")
    public Instant valueTierChangedAt;

    @Column(name = "completeness_score")
    public int completenessScore;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "completeness_issues")
    public List<FieldIssue> completenessIssues;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Who registered the customer: a user, a system, or the submitter of a bulk file. */
    @Column(name = "created_by")
    public String createdBy;

    /** Who last changed the profile or status (tier updates from segmentation are not profile changes). */
    @Column(name = "updated_by")
    public String updatedBy;

    /**
     * Moves the customer to {@code target} if the lifecycle allows it.
     *
     * @throws IllegalStateException naming the allowed targets otherwise
     */
    public CustomerStatus moveTo(CustomerStatus target) {
        if (!status.canTransitionTo(target)) {
            throw new IllegalStateException("a " + status + " customer cannot become " + target
                    + "; allowed: " + status.allowedTransitions());
        }
        CustomerStatus previous = status;
        status = target;
        return previous;
    }
}
