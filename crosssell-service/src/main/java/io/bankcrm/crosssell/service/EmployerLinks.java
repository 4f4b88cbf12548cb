package io.bankcrm.crosssell.service;

import io.bankcrm.platform.db.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** EMPLOYEE_OF, OFFICER_OF and PAYER_OF links of individuals to corporates, as customer-service announces them. */
@ApplicationScoped
@Transactional
public class EmployerLinks {

    public static final List<String> TYPES = List.of("EMPLOYEE_OF", "OFFICER_OF", "PAYER_OF");

    private final EntityManager em;

    public EmployerLinks(EntityManager em) {
        this.em = em;
    }

    /** @return whether the link is new (a redelivered or replayed event finds it stored) */
    public boolean linked(UUID relationshipId, UUID customerId, UUID employerId, String type, String office,
                          LocalDate validFrom) {
        return em.createNativeQuery("""
                        insert into employer_link (relationship_id, customer_id, employer_id, type, office, linked_on)
                        values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""")
                .setParameter(1, relationshipId).setParameter(2, customerId).setParameter(3, employerId)
                .setParameter(4, type).setParameter(5, office).setParameter(6, validFrom).executeUpdate() == 1;
    }

    /** @return the link that ended, if crosssell knew it and it was not ended before */
    public Optional<Link> ended(UUID relationshipId, LocalDate validTo) {
        int updated = em.createNativeQuery("""
                        update employer_link set ended_on = ?2 where relationship_id = ?1 and ended_on is null""")
                .setParameter(1, relationshipId).setParameter(2, validTo).executeUpdate();
        return updated == 0 ? Optional.empty() : find(relationshipId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Link> find(UUID relationshipId) {
        return SqlRow.first(em.createNativeQuery(SELECT + " where relationship_id = ?1", Tuple.class)
                .setParameter(1, relationshipId)).map(EmployerLinks::link);
    }

    /** The customer's links that have not ended, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Link> currentOf(UUID customerId) {
        return SqlRow.list(em.createNativeQuery(SELECT + " where customer_id = ?1 and ended_on is null"
                        + " order by linked_on, relationship_id", Tuple.class).setParameter(1, customerId))
                .stream().map(EmployerLinks::link).toList();
    }

    private static final String SELECT =
            "select relationship_id, customer_id, employer_id, type, office, linked_on, ended_on from employer_link";

    private static Link link(SqlRow r) {
        return new Link(r.uuid("relationship_id"), r.uuid("customer_id"), r.uuid("employer_id"), r.text("type"),
                r.text("office"), r.localDate("linked_on"), r.isNull("ended_on") ? null : r.localDate("ended_on"));
    }

    /** One link of a person to a corporate. */
    public record Link(UUID relationshipId, UUID customerId, UUID employerId, String type, String office,
                       LocalDate linkedOn, LocalDate endedOn) {
    }
}
