package io.bankcrm.customer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The value tier segmentation-service assigns, kept on the customer record as a read model. It is not profile
 * data: it leaves the record's version (and every ETag a client holds) alone.
 */
@ApplicationScoped
@Transactional
public class ValueTiers {

    private final ObjectMapper mapper;

    public ValueTiers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Records the tier unless the record already holds a newer one, so changes may arrive in any order.
     *
     * @return false when no customer has this id (segmentation may know customers not registered here)
     */
    public boolean record(UUID customerId, String tier, List<String> flags, List<String> reasons, Instant changedAt) {
        int updated = Customer.getEntityManager().createNativeQuery("""
                        update customer set value_tier = ?2, value_tier_flags = ?3,
                               value_tier_reasons = cast(?4 as jsonb), value_tier_changed_at = ?5
                        where id = ?1 and (value_tier_changed_at is null or value_tier_changed_at < ?5)""")
                .setParameter(1, customerId)
                .setParameter(2, tier)
                .setParameter(3, flags == null || flags.isEmpty() ? null : String.join(",", flags))
                .setParameter(4, json(reasons == null ? List.of() : reasons))
                .setParameter(5, changedAt)
                .executeUpdate();
        return updated > 0 || Customer.findById(customerId) != null;
    }

    private String json(List<String> reasons) {
        try {
            return mapper.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
