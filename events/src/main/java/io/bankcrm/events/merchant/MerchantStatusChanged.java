package io.bankcrm.events.merchant;

import java.time.Instant;
import java.util.UUID;

/**
 * A merchant moved through onboarding or its life cycle (APPLIED, DOCUMENTS_VERIFIED, RISK_ASSESSED,
 * AGREEMENT_SIGNED, TERMINAL_INSTALLED, TRAINED, ACTIVE, SUSPENDED, TERMINATED).
 *
 * @param from   the previous status; null when the merchant was just registered
 * @param reason the step taken (e.g. VERIFY_DOCUMENTS, SUSPEND), never free text
 */
public record MerchantStatusChanged(
        UUID merchantId,
        String from,
        String to,
        String reason,
        Instant changedAt) {
}
