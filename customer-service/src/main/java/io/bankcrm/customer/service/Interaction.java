package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.InteractionChannel;
import io.bankcrm.customer.domain.InteractionOutcome;
import io.bankcrm.customer.domain.InteractionPurpose;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One contact with a customer, as the contact history shows it. Recorded once, never edited. */
@Entity
@Table(name = "interaction")
public class Interaction extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    public InteractionChannel channel;

    @Enumerated(EnumType.STRING)
    public InteractionPurpose purpose;

    @Enumerated(EnumType.STRING)
    public InteractionOutcome outcome;

    public String staff;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String note;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
