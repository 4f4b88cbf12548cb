package io.bankcrm.segmentation.service;

import io.bankcrm.platform.db.SqlValues;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.web.Versions;
import io.bankcrm.segmentation.domain.Segment;
import io.bankcrm.segmentation.domain.ServiceModel;
import io.bankcrm.segmentation.domain.TierLadder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tiers and their entitlements; crm-admin edits the entitlements, the tiers themselves are fixed. */
@ApplicationScoped
@Transactional
public class TierCatalogue {

    private static final String COLUMNS = """
            code, segment, rank, name, service_model, fee_waivers, priority, description, updated_at, updated_by, version""";

    private final EntityManager em;

    public TierCatalogue(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Tier> list(Segment segment) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS
                        + " from tier where (?1 = '' or segment = ?1) order by segment desc, rank")
                .setParameter(1, segment == null ? "" : segment.name()).getResultList();
        return rows.stream().map(TierCatalogue::tier).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Tier get(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("tier", code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Segment> segmentOf(String code) {
        return find(code).map(Tier::segment);
    }

    /** The ladder of a policy's tiers, with their names for the reasons. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TierLadder ladder(List<String> codes) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String code : codes) {
            names.put(code, get(code).name());
        }
        return new TierLadder(codes, names);
    }

    public Tier updateEntitlements(String code, String ifMatch, String name, ServiceModel serviceModel,
                                   List<String> feeWaivers, int priority, String description, String user) {
        Tier current = get(code);
        Versions.requireMatch(ifMatch, current.version());
        int updated = em.createNativeQuery("""
                        update tier set name = ?1, service_model = ?2, fee_waivers = string_to_array(?3, ','),
                            priority = ?4, description = ?5, updated_at = now(), updated_by = ?6, version = version + 1
                        where code = ?7 and version = ?8""")
                .setParameter(1, name).setParameter(2, serviceModel.name())
                .setParameter(3, String.join(",", feeWaivers)).setParameter(4, priority)
                .setParameter(5, description).setParameter(6, user).setParameter(7, code)
                .setParameter(8, current.version())
                .executeUpdate();
        if (updated == 0) {
            throw ProblemException.preconditionFailed("tier " + code + " was changed meanwhile; read it again");
        }
        return get(code);
    }

    private Optional<Tier> find(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from tier where code = ?1")
                .setParameter(1, code).getResultList();
        return rows.stream().findFirst().map(TierCatalogue::tier);
    }

    private static Tier tier(Object[] r) {
        return new Tier((String) r[0], Segment.valueOf((String) r[1]), SqlValues.intValue(r[2]), (String) r[3],
                ServiceModel.valueOf((String) r[4]), SqlValues.texts(r[5]), SqlValues.intValue(r[6]), (String) r[7],
                SqlValues.instant(r[8]), (String) r[9], SqlValues.longValue(r[10]));
    }
}
