package io.bankcrm.merchant.domain.referral;

import io.bankcrm.platform.domain.StateConflict;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One cardholder signed up through a merchant's referral code.
 *
 * <pre>
 * SIGNED_UP → ACTIVATED → CONVERTED → CLAWED_BACK (card closed within the clawback window)
 * SIGNED_UP, ACTIVATED → LAPSED (window passed, or card closed before converting)
 * </pre>
 *
 * The card system's events may come more than once, or late: a repeated activation or first purchase, or any
 * event after the referral lapsed, changes nothing. A first purchase before activation is refused.
 *
 * @param prospectId         the PROSPECT customer registered in customer-service for the applicant
 * @param conversionDeadline sign-up plus the programme's window, fixed at sign-up
 * @param commission         frozen at conversion; null before
 * @param clawbackDeadline   conversion plus the programme's clawback window, fixed at conversion; null before
 */
public record Referral(UUID id, UUID programmeId, UUID merchantId, UUID prospectId, Instant signedUpAt,
                       Instant conversionDeadline, Status status, Instant activatedAt, Instant convertedAt,
                       Commission commission, Instant clawbackDeadline, Instant endedAt) {

    public static final String ILLEGAL_STEP = "illegal-referral-step";

    public enum Status { SIGNED_UP, ACTIVATED, CONVERTED, CLAWED_BACK, LAPSED }

    public Referral {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(programmeId, "programmeId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(signedUpAt, "signedUpAt");
        Objects.requireNonNull(conversionDeadline, "conversionDeadline");
        Objects.requireNonNull(status, "status");
    }

    /** The caller checks that the programme takes sign-ups on the day ({@link ReferralProgramme#requireOpen}). */
    public static Referral signUp(UUID id, ReferralProgramme programme, UUID prospectId, Instant at) {
        return new Referral(id, programme.id(), programme.merchantId(), prospectId, at,
                at.plus(Duration.ofDays(programme.conversionDays())), Status.SIGNED_UP, null, null, null, null, null);
    }

    public Referral cardActivated(Instant at) {
        if (status != Status.SIGNED_UP) {
            return this;
        }
        if (at.isAfter(conversionDeadline)) {
            return lapse(at);
        }
        return new Referral(id, programmeId, merchantId, prospectId, signedUpAt, conversionDeadline, Status.ACTIVATED,
                at, null, null, null, null);
    }

    /**
     * The card's first purchase: within the window the referral converts and earns {@code programme}'s commission
     * with the shares in force now; after it, the referral lapses.
     */
    public Referral firstPurchase(Instant at, ReferralProgramme programme) {
        if (!programme.id().equals(programmeId)) {
            throw new IllegalArgumentException("referral " + id + " belongs to programme " + programmeId);
        }
        if (status == Status.CONVERTED || status == Status.CLAWED_BACK || status == Status.LAPSED) {
            return this;
        }
        requireStatus(Status.ACTIVATED, "convert");
        if (at.isAfter(conversionDeadline)) {
            return lapse(at);
        }
        return new Referral(id, programmeId, merchantId, prospectId, signedUpAt, conversionDeadline, Status.CONVERTED,
                activatedAt, at, programme.commission(), at.plus(Duration.ofDays(programme.clawbackDays())), null);
    }

    /** The card was closed: within the clawback window the commission is taken back; before conversion, it lapses. */
    public Referral cardClosed(Instant at) {
        return switch (status) {
            case SIGNED_UP, ACTIVATED -> lapse(at);
            case CONVERTED -> at.isAfter(clawbackDeadline) ? this
                    : new Referral(id, programmeId, merchantId, prospectId, signedUpAt, conversionDeadline,
                    Status.CLAWED_BACK, activatedAt, convertedAt, commission, clawbackDeadline, at);
            case CLAWED_BACK, LAPSED -> this;
        };
    }

    /** Lapses a referral whose window has passed without conversion (the daily sweep); others are unchanged. */
    public Referral lapseIfDue(Instant now) {
        if ((status == Status.SIGNED_UP || status == Status.ACTIVATED) && now.isAfter(conversionDeadline)) {
            return lapse(now);
        }
        return this;
    }

    private Referral lapse(Instant at) {
        return new Referral(id, programmeId, merchantId, prospectId, signedUpAt, conversionDeadline, Status.LAPSED,
                activatedAt, null, null, null, at);
    }

    private void requireStatus(Status required, String action) {
        if (status != required) {
            throw new StateConflict(ILLEGAL_STEP, "cannot " + action + " a referral that is " + status);
        }
    }
}
