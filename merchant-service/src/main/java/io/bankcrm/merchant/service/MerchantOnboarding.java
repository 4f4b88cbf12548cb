package io.bankcrm.merchant.service;

import io.bankcrm.events.merchant.MerchantEvents;
import io.bankcrm.events.merchant.MerchantStatusChanged;
import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.identifiers.UnifiedSocialCreditCode;
import io.bankcrm.merchant.config.MerchantConfig;
import io.bankcrm.merchant.domain.Stamp;
import io.bankcrm.merchant.domain.merchant.LegalRepresentative;
import io.bankcrm.merchant.domain.merchant.MccCatalogue;
import io.bankcrm.merchant.domain.merchant.MerchantApplication;
import io.bankcrm.merchant.domain.merchant.MerchantApplicationRules;
import io.bankcrm.merchant.domain.onboarding.DocumentType;
import io.bankcrm.merchant.domain.onboarding.Onboarding;
import io.bankcrm.merchant.domain.onboarding.OnboardingSla;
import io.bankcrm.merchant.domain.onboarding.OnboardingStatus;
import io.bankcrm.merchant.domain.onboarding.Overdue;
import io.bankcrm.merchant.domain.onboarding.RiskAssessment;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.outbox.Outbox;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The use cases of merchants and their onboarding: an application checked by the domain's rules and stored with
 * onboarding APPLIED, documents received, the steps the onboarding allows (each stamped with the caller and the
 * bank's clock), the overdue list. Every status change publishes {@code crm.merchant.status-changed} in the same
 * transaction.
 */
@ApplicationScoped
@Transactional
public class MerchantOnboarding {

    public static final String APPLY = "APPLY";

    private final MerchantStore store;
    private final Outbox outbox;
    private final BankClock clock;
    private final Caller caller;
    private final MerchantApplicationRules rules;
    private final OnboardingSla sla;
    private final Agreements agreements;

    public MerchantOnboarding(MerchantStore store, Outbox outbox, BankClock clock, Caller caller,
                              MerchantConfig config, Agreements agreements) {
        this.agreements = agreements;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.caller = caller;
        this.rules = new MerchantApplicationRules(MccCatalogue.standard());
        this.sla = sla(config.onboarding());
    }

    static OnboardingSla sla(MerchantConfig.Onboarding config) {
        MerchantConfig.Sla s = config.sla();
        Map<OnboardingStatus, Duration> waits = new EnumMap<>(OnboardingStatus.class);
        waits.put(OnboardingStatus.APPLIED, s.applied());
        waits.put(OnboardingStatus.DOCUMENTS_VERIFIED, s.documentsVerified());
        waits.put(OnboardingStatus.RISK_ASSESSED, s.riskAssessed());
        waits.put(OnboardingStatus.AGREEMENT_SIGNED, s.agreementSigned());
        waits.put(OnboardingStatus.TERMINAL_INSTALLED, s.terminalInstalled());
        waits.put(OnboardingStatus.TRAINED, s.trained());
        return new OnboardingSla(waits, config.documentDays());
    }

    public OnboardingSla sla() {
        return sla;
    }

    /**
     * Registers an application: 400 with every fault at once, 409 naming the existing merchant when the credit
     * code is already one.
     */
    public Merchant register(MerchantApplication submitted) {
        InvalidInput.throwIfAny(rules.check(submitted, clock.today()));
        MerchantApplication application = normalised(submitted);
        Stamp stamp = stamp();
        UUID id = UUID.randomUUID();
        Onboarding onboarding = Onboarding.apply(id, MccCatalogue.standard().find(application.mcc()).orElseThrow()
                .group(), application.licenceExpiry(), stamp, clock.zone());
        Optional<UUID> inserted = store.insert(id, application, onboarding, stamp);
        if (inserted.isEmpty()) {
            UUID existing = store.idByCreditCode(application.creditCode()).orElseThrow();
            throw ProblemException.conflict("credit code " + application.creditCode() + " is already merchant "
                    + existing, Map.of("existingMerchantId", existing));
        }
        outbox.publish(MerchantEvents.MERCHANT_STATUS_CHANGED, id,
                new MerchantStatusChanged(id, null, OnboardingStatus.APPLIED.name(), APPLY, stamp.at()));
        return store.get(id);
    }

    /** Records a document as received (while the application waits for verification). */
    public Merchant receiveDocument(UUID id, DocumentType document) {
        if (document == null) {
            throw new InvalidInput("type", "the document type is required");
        }
        Merchant merchant = store.lock(id);
        Stamp stamp = stamp();
        merchant.onboarding().receiveDocument(document, stamp);
        return store.update(merchant, stamp);
    }

    /** Takes one onboarding step; 409 naming the allowed steps when the status does not allow it. */
    public Merchant take(UUID id, StepRequest request, String ifMatch) {
        Merchant merchant = store.lock(id);
        Versions.requireMatch(ifMatch, merchant.version());
        Onboarding onboarding = merchant.onboarding();
        OnboardingStatus from = onboarding.status();
        Stamp stamp = stamp();
        switch (request.step()) {
            case VERIFY_DOCUMENTS -> onboarding.verifyDocuments(stamp, clock.today());
            case ASSESS_RISK -> {
                if (request.riskDecision() == null || request.riskScore() == null) {
                    throw new InvalidInput("riskDecision", "ASSESS_RISK needs riskDecision, riskScore and riskReasons");
                }
                onboarding.assessRisk(new RiskAssessment(request.riskDecision(), request.riskScore(),
                        request.riskReasons()), stamp);
            }
            case SIGN_AGREEMENT -> {
                onboarding.signAgreement(onboarding.agreementId().orElse(UUID.randomUUID()), stamp);
                agreements.signed(id, onboarding.agreementId().orElseThrow(), stamp);
            }
            case INSTALL_TERMINALS -> onboarding.installTerminals(request.terminalIds(), stamp);
            case COMPLETE_TRAINING -> onboarding.completeTraining(stamp);
            case ACTIVATE -> onboarding.activate(stamp);
            case SUSPEND -> onboarding.suspend(request.reason(), stamp);
            case REINSTATE -> onboarding.reinstate(stamp);
            case TERMINATE -> onboarding.terminate(request.reason(), stamp);
            default -> throw new IllegalStateException("unknown step " + request.step());
        }
        Merchant after = store.update(merchant, stamp);
        outbox.publish(MerchantEvents.MERCHANT_STATUS_CHANGED, id, new MerchantStatusChanged(id, from.name(),
                onboarding.status().name(), request.step().name(), stamp.at()));
        return after;
    }

    public Merchant get(UUID id) {
        return store.get(id);
    }

    /** The step this merchant is late with now, if any. */
    public Optional<Overdue> overdue(Merchant merchant) {
        return sla.overdue(merchant.onboarding(), clock.now());
    }

    /** Every merchant late against the SLA now, the longest overdue first. */
    public List<Late> overdue(int limit) {
        Map<OnboardingStatus, Long> waits = new EnumMap<>(OnboardingStatus.class);
        sla.maxWait().forEach((status, wait) -> waits.put(status, wait.toSeconds()));
        return store.overdue(waits, clock.now(), limit).stream()
                .flatMap(m -> overdue(m).map(o -> new Late(m, o)).stream()).toList();
    }

    /** A merchant and the step it is late with. */
    public record Late(Merchant merchant, Overdue overdue) {
    }

    private Stamp stamp() {
        return new Stamp(caller.name(), clock.now());
    }

    private static MerchantApplication normalised(MerchantApplication a) {
        String code = UnifiedSocialCreditCode.normalise(a.creditCode());
        String licence = a.licenceNumber().trim().length() == UnifiedSocialCreditCode.LENGTH
                ? UnifiedSocialCreditCode.normalise(a.licenceNumber()) : a.licenceNumber().trim();
        LegalRepresentative rep = new LegalRepresentative(a.legalRepresentative().name().trim(),
                ResidentIdNumber.normalise(a.legalRepresentative().residentIdNumber()));
        return new MerchantApplication(a.registeredName().trim(), code, licence, a.licenceExpiry(), rep,
                a.mcc().trim(), a.registeredAddress(), a.businessAddress(), a.settlementAccount());
    }
}
