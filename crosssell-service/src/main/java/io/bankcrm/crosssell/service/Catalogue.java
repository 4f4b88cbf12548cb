package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.product.EligibilityRule;
import io.bankcrm.crosssell.domain.product.Product;
import io.bankcrm.crosssell.domain.product.ProductCategory;
import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.crosssell.domain.product.ProductFit;
import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.web.Versions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The products catalogue. The bank's standard products are there from the first start; crm-admin adds products
 * and edits their rules (If-Match on the version).
 */
@ApplicationScoped
@Transactional
public class Catalogue {

    private static final String ACTOR = io.bankcrm.crosssell.domain.Actors.SYSTEM;

    private final EntityManager em;
    private final Rules rules;

    public Catalogue(EntityManager em, Rules rules) {
        this.em = em;
        this.rules = rules;
    }

    void seed(@Observes StartupEvent start) {
        // replicas starting together insert the same rows: "on conflict do nothing" keeps the first
        QuarkusTransaction.requiringNew().run(() -> Product.standardCatalogue().forEach(p -> insert(p, ACTOR)));
    }

    public StoredProduct create(Product product, String user) {
        InvalidInput.throwIfAny(product.violations(rules.tiers()));
        if (!insert(product, user)) {
            throw ProblemException.conflict("product " + product.code() + " exists already",
                    Map.of("existingProductCode", product.code().value()));
        }
        return get(product.code().value());
    }

    public StoredProduct replace(String code, String ifMatch, Product product, String user) {
        StoredProduct current = get(code);
        Versions.requireMatch(ifMatch, current.version());
        if (!product.code().value().equals(code)) {
            throw ProblemException.invalidField("code", "must be " + code + ", the product being replaced");
        }
        InvalidInput.throwIfAny(product.violations(rules.tiers()));
        EligibilityRule r = product.eligibility();
        int updated = em.createNativeQuery("""
                        update product set name = ?2, category = ?3, kinds = cast(?4 as text[]), minimum_tier = ?5,
                            minimum_salary_band = ?6, consent_channels = cast(?7 as text[]), exclude_holders = ?8,
                            target_bands = cast(?9 as text[]), for_officers = ?10, active = ?11, version = version + 1,
                            updated_at = now(), updated_by = ?12
                        where code = ?1 and version = ?13""")
                .setParameter(1, code).setParameter(2, product.name()).setParameter(3, product.category().name())
                .setParameter(4, array(r.kinds())).setParameter(5, r.minimumTier())
                .setParameter(6, r.minimumSalaryBand() == null ? null : r.minimumSalaryBand().name())
                .setParameter(7, array(r.consentChannels())).setParameter(8, r.excludeHolders())
                .setParameter(9, array(product.fit().targetBands())).setParameter(10, product.fit().forOfficers())
                .setParameter(11, product.active()).setParameter(12, user).setParameter(13, current.version())
                .executeUpdate();
        if (updated == 0) {
            throw ProblemException.preconditionFailed("product " + code + " was changed meanwhile; read it again");
        }
        return get(code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredProduct get(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("product", code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredProduct> find(String code) {
        if (!ProductCode.isValid(code)) {
            return Optional.empty();
        }
        return SqlRow.first(em.createNativeQuery(SELECT + " where code = ?1", Tuple.class).setParameter(1, code))
                .map(Catalogue::stored);
    }

    /** Every product, by code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<ProductCode, Product> all() {
        Map<ProductCode, Product> all = new LinkedHashMap<>();
        for (SqlRow row : SqlRow.list(em.createNativeQuery(SELECT + " order by code", Tuple.class))) {
            Product p = stored(row).product();
            all.put(p.code(), p);
        }
        return all;
    }

    private static final String SELECT = """
            select code, name, category, array_to_string(kinds, ',') as kinds, minimum_tier, minimum_salary_band,
                array_to_string(consent_channels, ',') as consent_channels, exclude_holders,
                array_to_string(target_bands, ',') as target_bands, for_officers, active, version from product""";

    private boolean insert(Product p, String user) {
        EligibilityRule r = p.eligibility();
        return em.createNativeQuery("""
                        insert into product (code, name, category, kinds, minimum_tier, minimum_salary_band, consent_channels,
                            exclude_holders, target_bands, for_officers, active, version, updated_at, updated_by)
                        values (?1, ?2, ?3, cast(?4 as text[]), ?5, ?6, cast(?7 as text[]), ?8, cast(?9 as text[]), ?10, ?11,
                            1, now(), ?12)
                        on conflict (code) do nothing""")
                .setParameter(1, p.code().value()).setParameter(2, p.name()).setParameter(3, p.category().name())
                .setParameter(4, array(r.kinds())).setParameter(5, r.minimumTier())
                .setParameter(6, r.minimumSalaryBand() == null ? null : r.minimumSalaryBand().name())
                .setParameter(7, array(r.consentChannels())).setParameter(8, r.excludeHolders())
                .setParameter(9, array(p.fit().targetBands())).setParameter(10, p.fit().forOfficers())
                .setParameter(11, p.active()).setParameter(12, user)
                .executeUpdate() == 1;
    }

    private static StoredProduct stored(SqlRow row) {
        EligibilityRule rule = new EligibilityRule(
                enums(row.text("kinds"), CustomerKind.class), row.text("minimum_tier"),
                row.isNull("minimum_salary_band") ? null : row.enumValue("minimum_salary_band", SalaryBand.class),
                enums(row.text("consent_channels"), ConsentChannel.class), row.bool("exclude_holders"));
        ProductFit fit = new ProductFit(enums(row.text("target_bands"), SalaryBand.class), row.bool("for_officers"));
        Product product = new Product(new ProductCode(row.text("code")), row.text("name"),
                row.enumValue("category", ProductCategory.class), rule, fit, row.bool("active"));
        return new StoredProduct(product, row.longValue("version"));
    }

    private static <E extends Enum<E>> Set<E> enums(String joined, Class<E> type) {
        if (joined == null || joined.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(joined.split(",")).map(v -> Enum.valueOf(type, v)).collect(Collectors.toSet());
    }

    private static String array(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }

}
