package io.bankcrm.merchant.service;

import io.bankcrm.merchant.domain.referral.ReferralProgramme;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.money.Money;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Referral programmes in PostgreSQL: a merchant's code (unique across merchants: 409 naming the programme that has
 * it), terms checked by the domain's {@link ReferralProgramme} (shares adding up to 100, windows), changed by a new
 * version with If-Match; a referral freezes the version and shares in force when it converts.
 */
@ApplicationScoped
@Transactional
public class ReferralProgrammes {

    private final EntityManager em;
    private final MerchantStore merchants;
    private final Caller caller;
    private final BankClock clock;

    public ReferralProgrammes(EntityManager em, MerchantStore merchants, Caller caller, BankClock clock) {
        this.em = em;
        this.merchants = merchants;
        this.caller = caller;
        this.clock = clock;
    }

    public StoredReferralProgramme create(ReferralProgrammeForm form) {
        merchants.get(form.merchantId());
        UUID id = UUID.randomUUID();
        ReferralProgramme programme = programme(id, form.merchantId(), form.code(), form.terms());
        Instant now = clock.now();
        int inserted = em.createNativeQuery("""
                        insert into referral_programme (id, merchant_id, code, reward_per_card, currency, bank_share,
                            merchant_share, conversion_days, clawback_days, valid_from, valid_to, created_at, created_by,
                            updated_at, updated_by)
                        values (?1, ?2, ?3, ?4, 'CNY', ?5, ?6, ?7, ?8, ?9, cast(?10 as date), ?11, ?12, ?11, ?12)
                        on conflict (code) do nothing""")
                .setParameter(1, id).setParameter(2, form.merchantId()).setParameter(3, programme.code())
                .setParameter(4, programme.rewardPerCard().amount()).setParameter(5, programme.bankShare())
                .setParameter(6, programme.merchantShare()).setParameter(7, programme.conversionDays())
                .setParameter(8, programme.clawbackDays()).setParameter(9, programme.validFrom())
                .setParameter(10, programme.validTo()).setParameter(11, now).setParameter(12, caller.name())
                .executeUpdate();
        if (inserted == 0) {
            UUID existing = byCode(programme.code()).orElseThrow().programme().id();
            throw ProblemException.conflict("referral code " + programme.code() + " belongs to programme " + existing,
                    Map.of("existingProgrammeId", existing));
        }
        return get(id);
    }

    /** Replaces the terms (a new version); the code and the merchant stay. */
    public StoredReferralProgramme change(UUID id, ReferralTerms terms, String ifMatch) {
        StoredReferralProgramme stored = find(id, true).orElseThrow(() -> ProblemException.notFound("referral programme", id));
        Versions.requireMatch(ifMatch, stored.version());
        ReferralProgramme p = programme(id, stored.programme().merchantId(), stored.programme().code(), terms);
        em.createNativeQuery("""
                        update referral_programme set reward_per_card = ?2, bank_share = ?3, merchant_share = ?4,
                            conversion_days = ?5, clawback_days = ?6, valid_from = ?7, valid_to = cast(?8 as date),
                            updated_at = ?9, updated_by = ?10, version = version + 1
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, p.rewardPerCard().amount()).setParameter(3, p.bankShare())
                .setParameter(4, p.merchantShare()).setParameter(5, p.conversionDays())
                .setParameter(6, p.clawbackDays()).setParameter(7, p.validFrom()).setParameter(8, p.validTo())
                .setParameter(9, clock.now()).setParameter(10, caller.name()).executeUpdate();
        return get(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredReferralProgramme get(UUID id) {
        return find(id, false).orElseThrow(() -> ProblemException.notFound("referral programme", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredReferralProgramme> byCode(String code) {
        return SqlRow.first(em.createNativeQuery("select * from referral_programme where code = ?1", Tuple.class)
                .setParameter(1, code)).map(ReferralProgrammes::of);
    }

    /** The programme, locked when {@code lock} (a conversion reads the terms in force under the lock). */
    Optional<StoredReferralProgramme> find(UUID id, boolean lock) {
        return SqlRow.first(em.createNativeQuery("select * from referral_programme where id = ?1"
                        + (lock ? " for share" : ""), Tuple.class).setParameter(1, id)).map(ReferralProgrammes::of);
    }

    private static StoredReferralProgramme of(SqlRow r) {
        ReferralProgramme p = new ReferralProgramme(r.uuid("id"), r.uuid("merchant_id"), r.text("code"),
                Money.of(r.decimal("reward_per_card").toPlainString(), r.text("currency")), r.intValue("bank_share"),
                r.intValue("merchant_share"), r.intValue("conversion_days"), r.intValue("clawback_days"),
                r.localDate("valid_from"), r.isNull("valid_to") ? null : r.localDate("valid_to"));
        return new StoredReferralProgramme(p, r.instant("created_at"), r.text("created_by"), r.instant("updated_at"),
                r.text("updated_by"), r.longValue("version"));
    }

    private static ReferralProgramme programme(UUID id, UUID merchantId, String code, ReferralTerms t) {
        return new ReferralProgramme(id, merchantId, code, Money.of(t.rewardPerCard().toPlainString(), "CNY"),
                t.bankShare(), t.merchantShare(), t.conversionDays(), t.clawbackDays(), t.validFrom(), t.validTo());
    }
}
