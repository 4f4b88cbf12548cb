package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.RelationshipType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A dated link from one customer to another. Ending it sets {@code validTo}; the row stays as history. */
@Entity
@Table(name = "customer_relationship")
public class CustomerRelationship extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "related_customer_id")
    public UUID relatedCustomerId;

    @Enumerated(EnumType.STRING)
    public RelationshipType type;

    public String office;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;

    public boolean isEnded() {
        return endedAt != null;
    }

    /** Ends the link on {@code on}; refuses a second end or an end before it began. */
    public void end(LocalDate on, String reason, Instant now) {
        if (isEnded()) {
            throw new IllegalStateException("the relationship already ended on " + validTo);
        }
        if (on.isBefore(validFrom)) {
            throw new IllegalArgumentException("validTo " + on + " is before validFrom " + validFrom);
        }
        validTo = on;
        endReason = reason;
        endedAt = now;
    }
}
