package io.bankcrm.merchant.service;

import io.bankcrm.events.merchant.MerchantEvents;
import io.bankcrm.events.merchant.ReferralConverted;
import io.bankcrm.merchant.config.MerchantConfig;
import io.bankcrm.merchant.domain.onboarding.OnboardingStatus;
import io.bankcrm.merchant.domain.referral.Commission;
import io.bankcrm.merchant.domain.referral.Referral;
import io.bankcrm.merchant.domain.referral.ReferralProgramme;
import io.bankcrm.merchant.domain.settlement.SettlementDay;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.StateConflict;
import io.bankcrm.platform.money.Money;
import io.bankcrm.platform.outbox.Outbox;
import io.bankcrm.platform.pii.PiiProtector;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.time.BankClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Referrals in PostgreSQL: a sign-up through a programme's code, stored with the PROSPECT customer-service
 * registered for the applicant ({@link ReferralSignUps} makes that call between two transactions of this class,
 * none held over HTTP), and the card system's events applied by the domain's {@link Referral}: a conversion freezes
 * the programme's version and split and publishes {@code crm.merchant.referral-converted}; the commission and a
 * clawback each go on the settlement day they happen in.
 */
@ApplicationScoped
@Transactional
public class Referrals {

    public static final String KEY_REUSED = "idempotency-key-reused";

    private final EntityManager em;
    private final ReferralProgrammes programmes;
    private final MerchantStore merchants;
    private final Outbox outbox;
    private final PiiProtector pii;
    private final BankClock clock;
    private final Caller caller;
    private final MerchantConfig config;

    public Referrals(EntityManager em, ReferralProgrammes programmes, MerchantStore merchants, Outbox outbox,
                     PiiProtector pii, BankClock clock, Caller caller, MerchantConfig config) {
        this.em = em;
        this.programmes = programmes;
        this.merchants = merchants;
        this.outbox = outbox;
        this.pii = pii;
        this.clock = clock;
        this.caller = caller;
        this.config = config;
    }

    /** A referral as stored, with the programme version it froze (when converted). */
    public record StoredReferral(Referral referral, String code, Long programmeVersion, String signedUpBy,
                                 long version) {
    }

    /** What a sign-up needs before customer-service is called: the open programme, or the replay of a repeat. */
    public record Prepared(ReferralProgramme programme, UUID referralId, String scope, String requestHmac,
                           Optional<StoredReferral> replay) {
    }

    /**
     * Checks the sign-up (the code names a programme open today whose merchant is ACTIVE) and fixes the referral's id:
     * with an Idempotency-Key it is derived from the caller and the key, so a retry after a lost answer lands on the
     * same referral and the same customer; a repeat of a stored sign-up is its replay (422 with another body).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Prepared prepare(ReferralSignUp signUp, String idempotencyKey) {
        String scope = idempotencyKey == null ? null : caller.name() + " " + idempotencyKey;
        String hmac = pii.blindIndex(signUp.code() + "\n" + signUp.applicant().fullName().strip() + "\n"
                + signUp.applicant().idNumber().toUpperCase() + "\n" + signUp.applicant().mobile());
        UUID id = scope == null ? UUID.randomUUID() : UUID.nameUUIDFromBytes(("referral " + scope)
                .getBytes(StandardCharsets.UTF_8));
        Optional<StoredReferral> replay = Optional.empty();
        if (scope != null) {
            Optional<SqlRow> stored = SqlRow.first(em.createNativeQuery(
                    "select request_hmac from referral where idempotency_scope = ?1", Tuple.class).setParameter(1, scope));
            if (stored.isPresent()) {
                if (!hmac.equals(stored.get().text("request_hmac"))) {
                    throw ProblemException.unprocessable(KEY_REUSED, "Idempotency-Key " + idempotencyKey
                            + " was already used with a different sign-up");
                }
                replay = Optional.of(get(id));
            }
        }
        ReferralProgramme programme = programmes.byCode(signUp.code()).map(StoredReferralProgramme::programme)
                .orElseThrow(() -> new InvalidInput("code", "no referral programme has the code " + signUp.code()));
        if (replay.isEmpty()) {
            programme.requireOpen(clock.today());
            OnboardingStatus status = merchants.get(programme.merchantId()).onboarding().status();
            if (status != OnboardingStatus.ACTIVE) {
                throw new StateConflict("merchant-not-active", "merchant " + programme.merchantId() + " is " + status
                        + ", not ACTIVE: its referral code takes no sign-ups");
            }
        }
        return new Prepared(programme, id, scope, hmac, replay);
    }

    /** Stores the sign-up with its PROSPECT; a concurrent twin (same id) is the replay. */
    public StoredReferral signUp(Prepared prepared, UUID prospectId) {
        Referral referral = Referral.signUp(prepared.referralId(), prepared.programme(), prospectId, clock.now());
        em.createNativeQuery("""
                        insert into referral (id, programme_id, merchant_id, prospect_id, idempotency_scope,
                            request_hmac, signed_up_at, signed_up_by, conversion_deadline, status, currency)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                        on conflict (id) do nothing""")
                .setParameter(1, referral.id()).setParameter(2, referral.programmeId())
                .setParameter(3, referral.merchantId()).setParameter(4, referral.prospectId())
                .setParameter(5, prepared.scope()).setParameter(6, prepared.requestHmac())
                .setParameter(7, referral.signedUpAt()).setParameter(8, caller.name())
                .setParameter(9, referral.conversionDeadline()).setParameter(10, referral.status().name())
                .setParameter(11, prepared.programme().rewardPerCard().currency().getCurrencyCode())
                .executeUpdate();
        return get(referral.id());
    }

    /**
     * Applies a card event: activation, first purchase (within the window: converted, the commission frozen with the
     * programme's version and published), closure (within the clawback window of a conversion: clawed back).
     */
    public StoredReferral cardEvent(UUID id, CardEvent event) {
        Instant now = clock.now();
        if (event.at().isAfter(now)) {
            throw new InvalidInput("at", "a card event is reported once it happened, not ahead (now is " + now + ")");
        }
        StoredReferral stored = find(id, true).orElseThrow(() -> ProblemException.notFound("referral", id));
        Referral before = stored.referral();
        Long programmeVersion = stored.programmeVersion();
        Referral after = switch (event.type()) {
            case ACTIVATED -> before.cardActivated(event.at());
            case FIRST_PURCHASE -> {
                StoredReferralProgramme programme = programmes.find(before.programmeId(), true).orElseThrow();
                Referral converted = before.firstPurchase(event.at(), programme.programme());
                if (converted.status() == Referral.Status.CONVERTED && before.status() != Referral.Status.CONVERTED) {
                    programmeVersion = programme.version();
                }
                yield converted;
            }
            case CLOSED -> before.cardClosed(event.at());
        };
        if (after.equals(before)) {
            return stored; // repeated or late: nothing changes
        }
        SettlementDay days = new SettlementDay(clock.zone(), LocalTime.parse(config.settlement().cutoff()));
        boolean converted = after.status() == Referral.Status.CONVERTED;
        boolean clawedBack = after.status() == Referral.Status.CLAWED_BACK;
        Commission c = after.commission();
        em.createNativeQuery("""
                        update referral set status = ?2, activated_at = ?3, converted_at = ?4, programme_version = ?5,
                            commission = ?6, bank_part = ?7, merchant_part = ?8, bank_share = ?9, merchant_share = ?10,
                            clawback_deadline = ?11, ended_at = ?12,
                            commission_settlement_day = coalesce(commission_settlement_day, cast(?13 as date)),
                            clawback_settlement_day = coalesce(clawback_settlement_day, cast(?14 as date)),
                            version = version + 1
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, after.status().name())
                .setParameter(3, after.activatedAt()).setParameter(4, after.convertedAt())
                .setParameter(5, programmeVersion)
                .setParameter(6, c == null ? null : c.total().amount())
                .setParameter(7, c == null ? null : c.bank().amount())
                .setParameter(8, c == null ? null : c.merchant().amount())
                .setParameter(9, c == null ? null : c.bankShare())
                .setParameter(10, c == null ? null : c.merchantShare())
                .setParameter(11, after.clawbackDeadline()).setParameter(12, after.endedAt())
                .setParameter(13, converted ? days.of(now) : null)
                .setParameter(14, clawedBack ? days.of(now) : null)
                .executeUpdate();
        if (converted) {
            outbox.publish(MerchantEvents.REFERRAL_CONVERTED, id, new ReferralConverted(id, after.programmeId(),
                    programmeVersion.intValue(), after.merchantId(), after.prospectId(), c.total().amount(),
                    c.bank().amount(), c.merchant().amount(), c.total().currency().getCurrencyCode(),
                    after.convertedAt()));
        }
        return get(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredReferral get(UUID id) {
        return find(id, false).orElseThrow(() -> ProblemException.notFound("referral", id));
    }

    /** The referrals whose commission (or clawback) is on {@code merchant}'s statement of {@code day}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Referral> onStatement(UUID merchant, LocalDate day, boolean clawbacks) {
        return SqlRow.list(em.createNativeQuery("""
                        select r.*, p.code from referral r join referral_programme p on p.id = r.programme_id
                        where r.merchant_id = ?1 and r.%s = ?2""".formatted(clawbacks ? "clawback_settlement_day"
                        : "commission_settlement_day"), Tuple.class)
                .setParameter(1, merchant).setParameter(2, day)).stream().map(r -> of(r).referral()).toList();
    }

    private Optional<StoredReferral> find(UUID id, boolean lock) {
        return SqlRow.first(em.createNativeQuery("""
                        select r.*, p.code from referral r join referral_programme p on p.id = r.programme_id
                        where r.id = ?1""" + (lock ? " for update of r" : ""), Tuple.class)
                .setParameter(1, id)).map(Referrals::of);
    }

    private static StoredReferral of(SqlRow r) {
        String currency = r.text("currency");
        Commission commission = r.isNull("commission") ? null : new Commission(money(r, "commission", currency),
                money(r, "bank_part", currency), money(r, "merchant_part", currency), r.intValue("bank_share"),
                r.intValue("merchant_share"));
        Referral referral = new Referral(r.uuid("id"), r.uuid("programme_id"), r.uuid("merchant_id"),
                r.uuid("prospect_id"), r.instant("signed_up_at"), r.instant("conversion_deadline"),
                Referral.Status.valueOf(r.text("status")), instant(r, "activated_at"), instant(r, "converted_at"),
                commission, instant(r, "clawback_deadline"), instant(r, "ended_at"));
        return new StoredReferral(referral, r.text("code"), r.nullableLong("programme_version"),
                r.text("signed_up_by"), r.longValue("version"));
    }

    private static Money money(SqlRow r, String column, String currency) {
        return Money.of(r.decimal(column).toPlainString(), currency);
    }

    private static Instant instant(SqlRow r, String column) {
        return r.isNull(column) ? null : r.instant(column);
    }
}
