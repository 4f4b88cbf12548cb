package io.bankcrm.merchant.service;

import io.bankcrm.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * A referral sign-up in three steps, none holding a database transaction over HTTP: {@link Referrals#prepare} (the
 * programme, the referral's id), customer-service registers the applicant as a PROSPECT ({@link ProspectRegistry},
 * Idempotency-Key derived from the referral id, so a retry lands on the same customer), {@link Referrals#signUp}
 * stores the referral with the customer's id only.
 */
@ApplicationScoped
public class ReferralSignUps {

    private final Referrals referrals;
    private final ProspectRegistry registry;

    public ReferralSignUps(Referrals referrals, ProspectRegistry registry) {
        this.referrals = referrals;
        this.registry = registry;
    }

    /** The referral and whether this call stored it (false: a replay of the same Idempotency-Key). */
    public record SignedUp(Referrals.StoredReferral referral, boolean created) {
    }

    public SignedUp signUp(ReferralSignUp signUp, String idempotencyKey) {
        Referrals.Prepared prepared = referrals.prepare(signUp, idempotencyKey);
        if (prepared.replay().isPresent()) {
            return new SignedUp(prepared.replay().get(), false);
        }
        java.util.UUID prospect;
        try {
            prospect = registry.registerProspect(prepared.referralId(), signUp.applicant());
        } catch (ProspectRegistry.Unavailable | CircuitBreakerOpenException e) {
            throw new ProblemException("customer-service-unavailable", "Service Unavailable", 503,
                    "customer-service cannot register the applicant now; nothing was stored, retry later", null,
                    java.util.Map.of());
        }
        return new SignedUp(referrals.signUp(prepared, prospect), true);
    }
}
