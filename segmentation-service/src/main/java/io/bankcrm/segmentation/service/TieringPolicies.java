package io.bankcrm.segmentation.service;

import io.bankcrm.platform.db.SqlRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.bankcrm.platform.web.Versions;
import io.bankcrm.segmentation.domain.Segment;
import io.bankcrm.segmentation.domain.TieringPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Versioned tiering policies. An edit never changes a version that runs may have used: it adds the next one,
 * and runs name the version they computed with.
 */
@ApplicationScoped
@Transactional
public class TieringPolicies {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final TierCatalogue tiers;

    public TieringPolicies(EntityManager em, ObjectMapper mapper, TierCatalogue tiers) {
        this.em = em;
        this.mapper = mapper;
        this.tiers = tiers;
    }

    /** Creates version 1 of a new policy from {@code draft} (whose id and version are ignored). */
    public StoredPolicy create(TieringPolicy draft, String user) {
        TieringPolicy policy = withIdentity(draft, UUID.randomUUID(), 1);
        check(policy);
        insert(policy, user);
        return get(policy.id(), policy.version());
    }

    /** Adds the next version of a policy, if {@code ifMatch} names the current one. */
    public StoredPolicy revise(UUID id, String ifMatch, TieringPolicy draft, String user) {
        TieringPolicy current = current(id).policy();
        Versions.requireMatch(ifMatch, current.version());
        if (draft.segment() != current.segment()) {
            throw ProblemException.invalidField("segment", "cannot change from " + current.segment()
                    + ": create a new policy for the other segment");
        }
        TieringPolicy next = withIdentity(draft, id, current.version() + 1);
        check(next);
        if (!insert(next, user)) {
            throw ProblemException.preconditionFailed("policy " + id + " was revised meanwhile; read it again");
        }
        return get(id, next.version());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredPolicy current(UUID id) {
        return find(id, null).orElseThrow(() -> ProblemException.notFound("tiering policy", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredPolicy get(UUID id, int version) {
        if (version < 1) { // versions start at 1; find(id, 0) would mean "the current one"
            throw ProblemException.notFound("tiering policy", id + " version " + version);
        }
        return find(id, version).orElseThrow(() -> ProblemException.notFound("tiering policy", id + " version " + version));
    }

    /** The latest version of each policy, by id; optionally of one segment. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StoredPolicy> list(Segment segment, PageRequest page) {
        UUID after = page.first() ? new UUID(0, 0) : page.afterUuid(0);
        List<StoredPolicy> rows = SqlRow.list(em.createNativeQuery("""
                        select distinct on (id) definition::text as definition, created_at, created_by from tiering_policy
                        where (?1 = '' or segment = ?1) and (?2 or id > ?3)
                        order by id, version desc limit ?4""", Tuple.class)
                .setParameter(1, segment == null ? "" : segment.name())
                .setParameter(2, page.first())
                .setParameter(3, after)
                .setParameter(4, page.limit() + 1)).stream().map(this::stored).toList();
        return Page.fromOverfetch(rows, page.limit(), stored -> stored,
                stored -> PageRequest.cursorAfter(stored.policy().id().toString()));
    }

    private void check(TieringPolicy policy) {
        Violations.refuse(policy.problems(tiers::segmentOf));
    }

    private boolean insert(TieringPolicy policy, String user) {
        return em.createNativeQuery("""
                        insert into tiering_policy (id, version, name, segment, method, definition, created_at, created_by)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), now(), ?7) on conflict do nothing""")
                .setParameter(1, policy.id()).setParameter(2, policy.version()).setParameter(3, policy.name())
                .setParameter(4, policy.segment().name()).setParameter(5, policy.method().name())
                .setParameter(6, json(policy)).setParameter(7, user)
                .executeUpdate() == 1;
    }

    private java.util.Optional<StoredPolicy> find(UUID id, Integer version) {
        return SqlRow.first(em.createNativeQuery("""
                        select definition::text as definition, created_at, created_by from tiering_policy
                        where id = ?1 and (?2 = 0 or version = ?2) order by version desc limit 1""", Tuple.class)
                .setParameter(1, id).setParameter(2, version == null ? 0 : version)).map(this::stored);
    }

    /** A {@code tiering_policy} row: the version's definition, who wrote it and when. */
    private StoredPolicy stored(SqlRow row) {
        try {
            return new StoredPolicy(mapper.readValue(row.text("definition"), TieringPolicy.class),
                    row.instant("created_at"), row.text("created_by"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy cannot be read", e);
        }
    }

    private String json(TieringPolicy policy) {
        try {
            return mapper.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TieringPolicy withIdentity(TieringPolicy p, UUID id, int version) {
        return new TieringPolicy(id, version, p.name(), p.segment(), p.method(), p.windowMonths(), p.bands(),
                p.score(), p.growthMonths(), p.downgradeAfterRuns(), p.minMonthsInTier());
    }
}
