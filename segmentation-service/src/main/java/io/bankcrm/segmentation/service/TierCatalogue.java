package io.bankcrm.segmentation.service;

import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.web.Versions;
import io.bankcrm.segmentation.domain.Segment;
import io.bankcrm.segmentation.domain.ServiceModel;
import io.bankcrm.segmentation.domain.TierLadder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
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
        return SqlRow.list(em.createNativeQuery("select " + COLUMNS
                        + " from tier where (?1 = '' or segment = ?1) order by segment desc, rank", Tuple.class)
                .setParameter(1, segment == null ? "" : segment.name())).stream().map(TierCatalogue::tier).toList();
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
        return SqlRow.first(em.createNativeQuery("select " + COLUMNS + " from tier where code = ?1", Tuple.class)
                .setParameter(1, code)).map(TierCatalogue::tier);
    }

    /** A {@code tier} row. */
    private static Tier tier(SqlRow r) {
        return new Tier(r.text("code"), r.enumValue("segment", Segment.class), r.intValue("rank"), r.text("name"),
                r.enumValue("service_model", ServiceModel.class), r.texts("fee_waivers"), r.intValue("priority"),
                r.text("description"), r.instant("updated_at"), r.text("updated_by"), r.longValue("version"));
    }
}
