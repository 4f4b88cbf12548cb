package io.bankcrm.merchant.domain.onboarding;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a merchant may wait in each onboarding status before the next step is overdue, and how long it has to
 * hand in its documents. Configured per deployment (phase B: {@code merchant.onboarding.sla.*}).
 *
 * @param maxWait   per status on the way to ACTIVE; a status without an entry has no SLA
 * @param documentDays days after the application by which the documents are due
 */
public record OnboardingSla(Map<OnboardingStatus, Duration> maxWait, int documentDays) {

    /** The bank's defaults: five days to verify documents, then a few days per step. */
    public static final OnboardingSla DEFAULT = new OnboardingSla(Map.of(
            OnboardingStatus.APPLIED, Duration.ofDays(5),
            OnboardingStatus.DOCUMENTS_VERIFIED, Duration.ofDays(3),
            OnboardingStatus.RISK_ASSESSED, Duration.ofDays(10),
            OnboardingStatus.AGREEMENT_SIGNED, Duration.ofDays(7),
            OnboardingStatus.TERMINAL_INSTALLED, Duration.ofDays(5),
            OnboardingStatus.TRAINED, Duration.ofDays(2)), 14);

    public OnboardingSla {
        Objects.requireNonNull(maxWait, "maxWait");
        EnumMap<OnboardingStatus, Duration> copy = new EnumMap<>(OnboardingStatus.class);
        maxWait.forEach((status, wait) -> {
            if (status.next().isEmpty()) {
                throw new IllegalArgumentException("no step follows " + status + ", so it has no SLA");
            }
            if (wait.isNegative() || wait.isZero()) {
                throw new IllegalArgumentException("the SLA of " + status + " must be positive");
            }
            copy.put(status, wait);
        });
        maxWait = Collections.unmodifiableMap(copy);
        if (documentDays < 1) {
            throw new IllegalArgumentException("documents are due at least one day after the application");
        }
    }

    /**
     * The step an onboarding is late with at {@code now}, if any: a live merchant still on its way whose time in
     * the current status exceeds that status's SLA. A declined merchant waits for nothing.
     */
    public Optional<Overdue> overdue(Onboarding onboarding, Instant now) {
        OnboardingStatus status = onboarding.status();
        Duration wait = maxWait.get(status);
        if (wait == null || onboarding.declined()) {
            return Optional.empty();
        }
        Instant since = onboarding.enteredCurrentStatusAt();
        Instant due = since.plus(wait);
        if (!now.isAfter(due)) {
            return Optional.empty();
        }
        return Optional.of(new Overdue(onboarding.merchantId(), status, status.next().orElseThrow(), since, due,
                Duration.between(due, now)));
    }
}
