package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.ConsentChannel;
import io.bankcrm.customer.domain.ConsentPurpose;
import io.bankcrm.events.customer.ConsentChanged;
import io.bankcrm.events.customer.CustomerEvents;
import io.bankcrm.platform.db.SqlValues;
import io.bankcrm.platform.outbox.Outbox;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Consent per purpose and channel. Nothing is consented by default: a pair never decided reads as withdrawn.
 * Every decision is kept in the history; a decision that changes the state is published.
 */
@ApplicationScoped
@Transactional
public class ConsentService {

    private final CustomerStore customers;
    private final Outbox outbox;
    private final EntityManager em;
    private final BankClock clock;

    public ConsentService(CustomerStore customers, Outbox outbox, EntityManager em, BankClock clock) {
        this.customers = customers;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Consent> current(UUID customerId) {
        customers.get(customerId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select purpose, channel, granted, source, changed_at, changed_by from consent
                        where customer_id = ?1""")
                .setParameter(1, customerId).getResultList();
        Map<ConsentPurpose, Map<ConsentChannel, Consent>> decided = new EnumMap<>(ConsentPurpose.class);
        for (Object[] r : rows) {
            Consent v = view(r);
            decided.computeIfAbsent(v.purpose(), p -> new EnumMap<>(ConsentChannel.class)).put(v.channel(), v);
        }
        List<Consent> all = new ArrayList<>();
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            for (ConsentChannel channel : ConsentChannel.values()) {
                Consent v = decided.getOrDefault(purpose, Map.of()).get(channel);
                all.add(v != null ? v : new Consent(purpose, channel, false, null, null, null));
            }
        }
        return all;
    }

    public Consent decide(UUID customerId, ConsentPurpose purpose, ConsentChannel channel,
                              ConsentDecision decision, String actor) {
        customers.forChange(customerId);
        Instant now = clock.now();
        Object previous = em.createNativeQuery("""
                        select granted from consent where customer_id = ?1 and purpose = ?2 and channel = ?3
                        for update""")
                .setParameter(1, customerId).setParameter(2, purpose.name()).setParameter(3, channel.name())
                .getResultStream().findFirst().orElse(null);
        boolean wasGranted = Boolean.TRUE.equals(previous);
        em.createNativeQuery("""
                        insert into consent (customer_id, purpose, channel, granted, source, changed_at, changed_by, version)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0)
                        on conflict (customer_id, purpose, channel) do update
                        set granted = excluded.granted, source = excluded.source, changed_at = excluded.changed_at,
                            changed_by = excluded.changed_by, version = consent.version + 1""")
                .setParameter(1, customerId).setParameter(2, purpose.name()).setParameter(3, channel.name())
                .setParameter(4, decision.granted()).setParameter(5, decision.source().trim())
                .setParameter(6, now).setParameter(7, actor).executeUpdate();
        em.createNativeQuery("""
                        insert into consent_history (customer_id, purpose, channel, granted, source, changed_at, changed_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, customerId).setParameter(2, purpose.name()).setParameter(3, channel.name())
                .setParameter(4, decision.granted()).setParameter(5, decision.source().trim())
                .setParameter(6, now).setParameter(7, actor).executeUpdate();
        if (wasGranted != decision.granted()) {
            outbox.publish(CustomerEvents.CONSENT_CHANGED, customerId, new ConsentChanged(customerId,
                    purpose.name(), channel.name(), decision.granted(), decision.source().trim(), now));
        }
        return new Consent(purpose, channel, decision.granted(), decision.source().trim(), now, actor);
    }

    /** Every decision, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Consent> history(UUID customerId, Integer limit, String cursor) {
        customers.get(customerId);
        PageRequest page = PageRequest.of(limit, cursor);
        long before = page.first() ? Long.MAX_VALUE : page.afterLong(0);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select purpose, channel, granted, source, changed_at, changed_by, id from consent_history
                        where customer_id = ?1 and id < ?2 order by id desc limit ?3""")
                .setParameter(1, customerId).setParameter(2, before).setParameter(3, page.limit() + 1)
                .getResultList();
        return Page.fromOverfetch(rows, page.limit(), ConsentService::view,
                r -> PageRequest.cursorAfter(r[6].toString()));
    }

    private static Consent view(Object[] r) {
        return new Consent(ConsentPurpose.valueOf((String) r[0]), ConsentChannel.valueOf((String) r[1]),
                (Boolean) r[2], (String) r[3], SqlValues.instant(r[4]), (String) r[5]);
    }
}
