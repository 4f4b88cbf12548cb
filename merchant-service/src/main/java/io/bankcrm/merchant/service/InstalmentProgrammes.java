package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.instalment.FeeBearer;
import io.bankcrm.merchant.domain.instalment.InstalmentProgramme;
import io.bankcrm.merchant.domain.instalment.Tenor;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.Violation;
import io.bankcrm.platform.money.Money;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Merchants' instalment programmes in PostgreSQL: at most one per merchant (409 naming it otherwise), changed by
 * a new version with If-Match; each plan freezes the rate, the fee bearer and the version it was made with.
 */
@ApplicationScoped
@Transactional
public class InstalmentProgrammes {

    private final EntityManager em;
    private final MerchantStore merchants;
    private final Caller caller;
    private final BankClock clock;

    public InstalmentProgrammes(EntityManager em, MerchantStore merchants, Caller caller, BankClock clock) {
        this.em = em;
        this.merchants = merchants;
        this.caller = caller;
        this.clock = clock;
    }

    public StoredProgramme create(InstalmentProgrammeForm form) {
        merchants.get(form.merchantId());
        UUID id = UUID.randomUUID();
        InstalmentProgramme programme = programme(id, form.merchantId(), form.terms());
        Map<Tenor, BigDecimal> rates = programme.monthlyFeeRates();
        int inserted = em.createNativeQuery("""
                        insert into instalment_programme (id, merchant_id, fee_bearer, min_principal, currency, rate_3,
                            rate_6, rate_12, rate_24, created_at, created_by, updated_at, updated_by)
                        values (?1, ?2, ?3, ?4, 'CNY', cast(?5 as numeric), cast(?6 as numeric), cast(?7 as numeric),
                            cast(?8 as numeric), ?9, ?10, ?9, ?10)
                        on conflict (merchant_id) do nothing""")
                .setParameter(1, id).setParameter(2, form.merchantId()).setParameter(3, programme.feeBearer().name())
                .setParameter(4, programme.minPrincipal().amount())
                .setParameter(5, rates.get(Tenor.THREE)).setParameter(6, rates.get(Tenor.SIX))
                .setParameter(7, rates.get(Tenor.TWELVE)).setParameter(8, rates.get(Tenor.TWENTY_FOUR))
                .setParameter(9, clock.now()).setParameter(10, caller.name()).executeUpdate();
        if (inserted == 0) {
            UUID existing = forMerchant(form.merchantId()).orElseThrow().programme().id();
            throw ProblemException.conflict("merchant " + form.merchantId() + " already has instalment programme "
                    + existing + "; change it with PUT", Map.of("existingProgrammeId", existing));
        }
        return get(id);
    }

    public StoredProgramme get(UUID id) {
        return SqlRow.first(em.createNativeQuery("select * from instalment_programme where id = ?1", Tuple.class)
                .setParameter(1, id)).map(InstalmentProgrammes::stored)
                .orElseThrow(() -> ProblemException.notFound("instalment programme", id));
    }

    /** The merchant's programme, if it has one. */
    public Optional<StoredProgramme> forMerchant(UUID merchantId) {
        return SqlRow.first(em.createNativeQuery("select * from instalment_programme where merchant_id = ?1",
                Tuple.class).setParameter(1, merchantId)).map(InstalmentProgrammes::stored);
    }

    /** New terms, a new version (If-Match with the current one); plans already made keep theirs. */
    public StoredProgramme change(UUID id, InstalmentTerms terms, String ifMatch) {
        StoredProgramme stored = SqlRow.first(em.createNativeQuery(
                        "select * from instalment_programme where id = ?1 for update", Tuple.class).setParameter(1, id))
                .map(InstalmentProgrammes::stored)
                .orElseThrow(() -> ProblemException.notFound("instalment programme", id));
        Versions.requireMatch(ifMatch, stored.version());
        InstalmentProgramme programme = programme(id, stored.programme().merchantId(), terms);
        Map<Tenor, BigDecimal> rates = programme.monthlyFeeRates();
        em.createNativeQuery("""
                        update instalment_programme set fee_bearer = ?2, min_principal = ?3, rate_3 = cast(?4 as numeric),
                            rate_6 = cast(?5 as numeric), rate_12 = cast(?6 as numeric), rate_24 = cast(?7 as numeric),
                            updated_at = ?8, updated_by = ?9, version = version + 1
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, programme.feeBearer().name())
                .setParameter(3, programme.minPrincipal().amount())
                .setParameter(4, rates.get(Tenor.THREE)).setParameter(5, rates.get(Tenor.SIX))
                .setParameter(6, rates.get(Tenor.TWELVE)).setParameter(7, rates.get(Tenor.TWENTY_FOUR))
                .setParameter(8, clock.now()).setParameter(9, caller.name()).executeUpdate();
        return get(id);
    }

    private static InstalmentProgramme programme(UUID id, UUID merchantId, InstalmentTerms terms) {
        Map<Tenor, BigDecimal> rates = new EnumMap<>(Tenor.class);
        List<Violation> issues = new ArrayList<>();
        for (int i = 0; i < terms.rates().size(); i++) {
            InstalmentTerms.TenorRate rate = terms.rates().get(i);
            Optional<Tenor> tenor = Tenor.ofMonths(rate.tenorMonths());
            if (tenor.isEmpty()) {
                issues.add(new Violation("rates[" + i + "].tenorMonths", "3, 6, 12 or 24 months"));
            } else if (rates.put(tenor.get(), rate.monthlyFeeRate()) != null) {
                issues.add(new Violation("rates[" + i + "].tenorMonths", "each tenor once"));
            }
        }
        if (terms.minPrincipal().stripTrailingZeros().scale() > 2) {
            issues.add(new Violation("minPrincipal", "an amount to the fen"));
        }
        InvalidInput.throwIfAny(issues);
        return new InstalmentProgramme(id, merchantId, rates, terms.feeBearer(),
                new Money(terms.minPrincipal().setScale(2), Offers.CNY));
    }

    private static StoredProgramme stored(SqlRow row) {
        Map<Tenor, BigDecimal> rates = new EnumMap<>(Tenor.class);
        for (Tenor tenor : Tenor.values()) {
            BigDecimal rate = row.decimal("rate_" + tenor.months());
            if (rate != null) {
                rates.put(tenor, rate);
            }
        }
        InstalmentProgramme programme = new InstalmentProgramme(row.uuid("id"), row.uuid("merchant_id"), rates,
                row.enumValue("fee_bearer", FeeBearer.class), new Money(row.decimal("min_principal"), Offers.CNY));
        return new StoredProgramme(programme, row.instant("created_at"), row.text("created_by"),
                row.instant("updated_at"), row.text("updated_by"), row.longValue("version"));
    }
}
