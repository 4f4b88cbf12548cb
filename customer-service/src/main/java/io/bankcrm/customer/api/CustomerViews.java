package io.bankcrm.customer.api;

import io.bankcrm.customer.service.Customer;
import io.bankcrm.customer.service.CustomerRelationship;
import io.bankcrm.customer.service.Interaction;
import io.bankcrm.customer.domain.CustomerKind;
import io.bankcrm.platform.pii.PiiProtector;
import io.bankcrm.platform.security.PiiAccess;
import jakarta.enterprise.context.RequestScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Entity-to-API mapping. Identifiers are decrypted only for a caller holding pii-reader; everyone else gets
 * the stored masked copies, so the plain value never leaves the database layer for them.
 */
@RequestScoped
public class CustomerViews {

    private final PiiAccess access;
    private final PiiProtector pii;

    public CustomerViews(PiiAccess access, PiiProtector pii) {
        this.access = access;
        this.pii = pii;
    }

    public CustomerView of(Customer c) {
        boolean clear = access.reveal("customer", c.id, identifiersOf(c));
        boolean individual = c.kind == CustomerKind.INDIVIDUAL;
        CustomerView.ValueTierView tier = c.valueTier == null ? null : new CustomerView.ValueTierView(c.valueTier,
                c.valueTierFlags == null ? List.of() : Arrays.asList(c.valueTierFlags.split(",")),
                c.valueTierReasons == null ? List.of() : c.valueTierReasons, c.valueTierChangedAt);
        return new CustomerView(c.id, c.kind, c.status, c.displayName,
                individual ? c.displayName : null, c.idType,
                clear ? pii.decrypt(c.idNumberEncrypted) : c.idNumberMasked,
                c.dateOfBirth,
                clear ? pii.decrypt(c.mobileEncrypted) : c.mobileMasked,
                clear ? pii.decrypt(c.emailEncrypted) : c.emailMasked,
                c.address, c.occupation, c.employer,
                individual ? null : c.displayName, c.creditCode, c.legalRepresentative, c.industry,
                c.registeredCapital, c.registeredCapitalCurrency, c.homeBranch, c.relationshipManager,
                c.sourceChannel, tier,
                new CustomerView.CompletenessView(c.completenessScore, c.completenessIssues),
                !clear, c.version, c.createdAt, c.createdBy, c.updatedAt, c.updatedBy);
    }

    /** The personal identifiers the record holds, as the view names them. */
    private static List<String> identifiersOf(Customer c) {
        List<String> fields = new ArrayList<>(3);
        if (c.idNumberEncrypted != null) {
            fields.add("idNumber");
        }
        if (c.mobileEncrypted != null) {
            fields.add("mobile");
        }
        if (c.emailEncrypted != null) {
            fields.add("email");
        }
        return fields;
    }

    public static RelationshipView of(CustomerRelationship r, UUID seenFrom) {
        return new RelationshipView(r.id, r.customerId.equals(seenFrom) ? "OUTGOING" : "INCOMING",
                r.customerId, r.relatedCustomerId, r.type, r.office, r.validFrom, r.validTo, !r.isEnded(),
                r.endReason, r.createdAt);
    }

    public static InteractionView of(Interaction i) {
        return new InteractionView(i.id, i.customerId, i.channel, i.purpose, i.outcome, i.staff, i.occurredAt,
                i.note, i.recordedAt);
    }
}
