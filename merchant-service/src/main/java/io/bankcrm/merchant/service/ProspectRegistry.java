package io.bankcrm.merchant.service;

import java.util.UUID;

/**
 * customer-service as the register of a referral's applicant: the PROSPECT customer registered (or found: the same
 * person registered before) for the applicant, idempotently per referral.
 */
public interface ProspectRegistry {

    /**
     * The customer id of the applicant's PROSPECT record. The same {@code referralId} always lands on the same
     * customer (its Idempotency-Key is derived from it).
     *
     * @throws io.bankcrm.platform.domain.InvalidInput customer-service refused the applicant's data (each field)
     * @throws Unavailable customer-service cannot answer now
     */
    UUID registerProspect(UUID referralId, ReferralSignUp.Applicant applicant);

    /** customer-service cannot answer now (down, overloaded, no token): retried, then the circuit opens. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
