package io.bankcrm.merchant.domain.onboarding;

import io.bankcrm.merchant.domain.Stamp;
import io.bankcrm.merchant.domain.merchant.MccGroup;
import io.bankcrm.platform.domain.IllegalTransition;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.StateConflict;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A merchant's way from application to trading: the status, every step with who and when, the documents handed
 * in, the risk decision and the terminals. Each method is one step; a step the current status does not allow is a
 * {@link IllegalTransition} (409 naming the allowed steps) and changes nothing; an action the status does not
 * take (documents after verification) is a {@link StateConflict} {@value #ILLEGAL_STEP}.
 */
public final class Onboarding {

    public static final String ILLEGAL_STEP = "illegal-onboarding-step";

    /** A terminal id (终端号) is eight letters or digits. */
    private static final Pattern TERMINAL_ID = Pattern.compile("[0-9A-Z]{8}");
    private static final int MAX_TERMINALS = 500;

    private final UUID merchantId;
    private final MccGroup group;
    private final LocalDate licenceExpiry;
    private final LocalDate appliedOn;
    private OnboardingStatus status;
    private OnboardingStatus suspendedFrom;
    private RiskAssessment risk;
    private UUID agreementId;
    private final List<String> terminalIds = new ArrayList<>();
    private final Map<DocumentType, Stamp> documents = new EnumMap<>(DocumentType.class);
    private final List<OnboardingStep> steps = new ArrayList<>();

    private Onboarding(UUID merchantId, MccGroup group, LocalDate licenceExpiry, LocalDate appliedOn) {
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.group = Objects.requireNonNull(group, "group");
        this.licenceExpiry = licenceExpiry;
        this.appliedOn = Objects.requireNonNull(appliedOn, "appliedOn");
    }

    /**
     * Starts onboarding for an application that passed {@code MerchantApplicationRules}.
     *
     * @param licenceExpiry null for a licence without a term
     * @param zone          the bank's zone, which dates the application for the document deadline
     */
    public static Onboarding apply(UUID merchantId, MccGroup group, LocalDate licenceExpiry, Stamp stamp, ZoneId zone) {
        Onboarding onboarding = new Onboarding(merchantId, group, licenceExpiry,
                LocalDate.ofInstant(stamp.at(), zone));
        onboarding.status = OnboardingStatus.APPLIED;
        onboarding.steps.add(new OnboardingStep(null, OnboardingStatus.APPLIED, stamp, null));
        return onboarding;
    }

    /** Rebuilds an onboarding from its stored state (the persistence layer's way back in); checks nothing. */
    public static Onboarding restore(UUID merchantId, MccGroup group, LocalDate licenceExpiry, LocalDate appliedOn,
                                     OnboardingStatus status, OnboardingStatus suspendedFrom, RiskAssessment risk,
                                     UUID agreementId, List<String> terminalIds, Map<DocumentType, Stamp> documents,
                                     List<OnboardingStep> steps) {
        if (steps.isEmpty() || steps.get(steps.size() - 1).to() != status) {
            throw new IllegalArgumentException("the last step must lead to the current status " + status);
        }
        Onboarding onboarding = new Onboarding(merchantId, group, licenceExpiry, appliedOn);
        onboarding.status = status;
        onboarding.suspendedFrom = suspendedFrom;
        onboarding.risk = risk;
        onboarding.agreementId = agreementId;
        onboarding.terminalIds.addAll(terminalIds);
        onboarding.documents.putAll(documents);
        onboarding.steps.addAll(steps);
        return onboarding;
    }

    /** Records that a document was handed in; only while the application waits for verification. */
    public void receiveDocument(DocumentType document, Stamp stamp) {
        requireStatus(OnboardingStatus.APPLIED, "receive documents");
        if (!requiredDocuments().contains(document)) {
            throw new InvalidInput("document", document + " is not required of a " + group + " merchant");
        }
        documents.put(document, stamp);
    }

    /**
     * Merchant-ops confirms the documents. Refused while a required document is missing, and when the business
     * licence has expired by {@code today} (the bank's date).
     */
    public void verifyDocuments(Stamp stamp, LocalDate today) {
        requireMove(OnboardingStatus.DOCUMENTS_VERIFIED);
        if (licenceExpiry != null && licenceExpiry.isBefore(today)) {
            throw new StateConflict("licence-expired",
                    "the business licence expired on " + licenceExpiry + "; a renewed licence is needed");
        }
        Set<DocumentType> missing = new LinkedHashSet<>(requiredDocuments());
        missing.removeAll(documents.keySet());
        if (!missing.isEmpty()) {
            throw new StateConflict("documents-missing", "documents still due: " + missing);
        }
        move(OnboardingStatus.DOCUMENTS_VERIFIED, stamp, null);
    }

    public void assessRisk(RiskAssessment assessment, Stamp stamp) {
        Objects.requireNonNull(assessment, "assessment");
        requireMove(OnboardingStatus.RISK_ASSESSED);
        risk = assessment;
        move(OnboardingStatus.RISK_ASSESSED, stamp, assessment.decision() + " (score " + assessment.score() + ")");
    }

    public void signAgreement(UUID agreement, Stamp stamp) {
        Objects.requireNonNull(agreement, "agreement");
        requireMove(OnboardingStatus.AGREEMENT_SIGNED);
        agreementId = agreement;
        move(OnboardingStatus.AGREEMENT_SIGNED, stamp, null);
    }

    /** The terminals (终端号, 8 letters or digits, distinct) the bank installed at the merchant. */
    public void installTerminals(List<String> ids, Stamp stamp) {
        requireMove(OnboardingStatus.TERMINAL_INSTALLED);
        if (ids == null || ids.isEmpty() || ids.size() > MAX_TERMINALS) {
            throw new InvalidInput("terminalIds", "1 to " + MAX_TERMINALS + " terminal ids");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            if (id == null || !TERMINAL_ID.matcher(id).matches()) {
                throw new InvalidInput("terminalIds", "a terminal id is 8 capital letters or digits, not " + id);
            }
            if (!distinct.add(id)) {
                throw new InvalidInput("terminalIds", "terminal id " + id + " is listed twice");
            }
        }
        terminalIds.addAll(distinct);
        move(OnboardingStatus.TERMINAL_INSTALLED, stamp, String.join(",", distinct));
    }

    public void completeTraining(Stamp stamp) {
        requireMove(OnboardingStatus.TRAINED);
        move(OnboardingStatus.TRAINED, stamp, null);
    }

    public void activate(Stamp stamp) {
        requireMove(OnboardingStatus.ACTIVE);
        move(OnboardingStatus.ACTIVE, stamp, null);
    }

    public void suspend(String reason, Stamp stamp) {
        requireReason(reason);
        requireMove(OnboardingStatus.SUSPENDED);
        suspendedFrom = status;
        move(OnboardingStatus.SUSPENDED, stamp, reason);
    }

    /** Lifts a suspension: the merchant returns to the status it was suspended from. */
    public void reinstate(Stamp stamp) {
        requireStatus(OnboardingStatus.SUSPENDED, "reinstate");
        OnboardingStatus back = suspendedFrom;
        suspendedFrom = null;
        move(back, stamp, null);
    }

    public void terminate(String reason, Stamp stamp) {
        requireReason(reason);
        requireMove(OnboardingStatus.TERMINATED);
        suspendedFrom = null;
        move(OnboardingStatus.TERMINATED, stamp, reason);
    }

    /**
     * The requirements list on {@code today}: each required document, received or due by the deadline (the
     * application date plus the SLA's document days), past due after it. Empty once documents are verified.
     */
    public List<Requirement> requirements(OnboardingSla sla, LocalDate today) {
        if (status != OnboardingStatus.APPLIED && !(status == OnboardingStatus.SUSPENDED
                && suspendedFrom == OnboardingStatus.APPLIED)) {
            return List.of();
        }
        LocalDate dueBy = appliedOn.plusDays(sla.documentDays());
        List<Requirement> list = new ArrayList<>();
        for (DocumentType document : requiredDocuments()) {
            Stamp received = documents.get(document);
            Requirement.State state = received != null ? Requirement.State.RECEIVED
                    : today.isAfter(dueBy) ? Requirement.State.PAST_DUE : Requirement.State.DUE;
            list.add(new Requirement(document, state, dueBy, received == null ? null : received.at()));
        }
        return list;
    }

    public Map<DocumentType, Stamp> documents() {
        return Collections.unmodifiableMap(documents);
    }

    public MccGroup group() {
        return group;
    }

    public Optional<LocalDate> licenceExpiry() {
        return Optional.ofNullable(licenceExpiry);
    }

    public LocalDate appliedOn() {
        return appliedOn;
    }

    public Set<DocumentType> requiredDocuments() {
        return DocumentType.requiredFor(group);
    }

    public UUID merchantId() {
        return merchantId;
    }

    public OnboardingStatus status() {
        return status;
    }

    public Optional<OnboardingStatus> suspendedFrom() {
        return Optional.ofNullable(suspendedFrom);
    }

    public Optional<RiskAssessment> risk() {
        return Optional.ofNullable(risk);
    }

    public Optional<UUID> agreementId() {
        return Optional.ofNullable(agreementId);
    }

    /** Whether the risk assessment declined the merchant (it may then only be terminated). */
    public boolean declined() {
        return risk != null && !risk.approved();
    }

    public List<String> terminalIds() {
        return Collections.unmodifiableList(terminalIds);
    }

    public List<OnboardingStep> steps() {
        return Collections.unmodifiableList(steps);
    }

    public Instant enteredCurrentStatusAt() {
        return steps.get(steps.size() - 1).stamp().at();
    }

    private void requireMove(OnboardingStatus target) {
        if (declined() && target != OnboardingStatus.TERMINATED) {
            throw new IllegalTransition(OnboardingStatus.class.getSimpleName(), status, target,
                    status.canMoveTo(OnboardingStatus.TERMINATED) ? Set.of(OnboardingStatus.TERMINATED) : Set.of(),
                    "the risk assessment declined this merchant");
        }
        if (status == OnboardingStatus.SUSPENDED && !status.canMoveTo(target)) {
            throw new IllegalTransition(OnboardingStatus.class.getSimpleName(), status, target, status.moves(),
                    "a suspended merchant is reinstated (to " + suspendedFrom + ") or terminated");
        }
        OnboardingStatus.STEPS.require(status, target);
    }

    private void requireStatus(OnboardingStatus required, String action) {
        if (status != required) {
            throw new StateConflict(ILLEGAL_STEP, "cannot " + action + " a merchant in " + status);
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInput("reason", "a reason of 1 to 500 characters is required");
        }
    }

    private void move(OnboardingStatus target, Stamp stamp, String note) {
        Objects.requireNonNull(stamp, "stamp");
        if (stamp.at().isBefore(enteredCurrentStatusAt())) {
            throw new InvalidInput("at", "a step cannot be dated before the previous one ("
                    + enteredCurrentStatusAt() + ")");
        }
        steps.add(new OnboardingStep(status, target, stamp, note));
        status = target;
    }
}
