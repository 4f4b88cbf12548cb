package io.bankcrm.merchant.api;

import io.bankcrm.merchant.domain.onboarding.Onboarding;
import io.bankcrm.merchant.domain.onboarding.OnboardingStatus;
import io.bankcrm.merchant.domain.onboarding.Overdue;
import io.bankcrm.merchant.service.Merchant;
import io.bankcrm.merchant.service.MerchantOnboarding;
import io.bankcrm.merchant.service.OnboardingAction;
import io.bankcrm.platform.security.PiiAccess;
import io.bankcrm.platform.time.BankClock;
import jakarta.enterprise.context.RequestScoped;

import java.util.ArrayList;
import java.util.List;

/** Stored merchants to API views: masking, the requirements list and the overdue step on the bank's clock. */
@RequestScoped
public class MerchantViews {

    private final PiiAccess access;
    private final MerchantOnboarding onboarding;
    private final BankClock clock;

    public MerchantViews(PiiAccess access, MerchantOnboarding onboarding, BankClock clock) {
        this.access = access;
        this.onboarding = onboarding;
        this.clock = clock;
    }

    public MerchantView of(Merchant m) {
        var a = m.application();
        return new MerchantView(m.id(), a.registeredName(), a.creditCode(), a.licenceNumber(), a.licenceExpiry(),
                new MerchantView.LegalRepresentativeView(a.legalRepresentative().name(),
                        access.idNumber(a.legalRepresentative().residentIdNumber())),
                a.mcc(), m.onboarding().group(), a.registeredAddress(), a.businessAddress(), a.settlementAccount(),
                m.onboarding().status(), !access.unmasked(), m.version(), m.createdAt(), m.createdBy(),
                m.updatedAt(), m.updatedBy());
    }

    public OnboardingView onboardingOf(Merchant m) {
        Onboarding o = m.onboarding();
        return new OnboardingView(m.id(), o.status(), o.suspendedFrom().orElse(null), allowed(o),
                o.steps().stream().map(s -> new OnboardingView.StepView(s.from(), s.to(), s.stamp().actor(),
                        s.stamp().at(), s.note())).toList(),
                o.requirements(onboarding.sla(), clock.today()).stream()
                        .map(r -> new OnboardingView.RequirementView(r.document(), r.state(), r.dueBy(),
                                r.receivedAt())).toList(),
                onboarding.overdue(m).map(d -> overdue(d, m)).orElse(null),
                o.risk().map(r -> new OnboardingView.RiskView(r.decision(), r.score(), r.reasons())).orElse(null),
                o.agreementId().orElse(null), o.terminalIds(), m.version());
    }

    public static OnboardingView.OverdueView overdue(Overdue d, Merchant m) {
        return new OnboardingView.OverdueView(d.merchantId(), m == null ? null : m.application().registeredName(),
                d.waitingIn(), d.awaitedStep(), d.since(), d.dueAt(), d.overdueBy().toString());
    }

    /** The steps the status allows (a declined merchant may only be terminated). */
    static List<OnboardingAction> allowed(Onboarding o) {
        List<OnboardingAction> steps = new ArrayList<>();
        OnboardingStatus status = o.status();
        if (status == OnboardingStatus.TERMINATED) {
            return steps;
        }
        if (!o.declined()) {
            status.next().ifPresent(next -> steps.add(switch (next) {
                case DOCUMENTS_VERIFIED -> OnboardingAction.VERIFY_DOCUMENTS;
                case RISK_ASSESSED -> OnboardingAction.ASSESS_RISK;
                case AGREEMENT_SIGNED -> OnboardingAction.SIGN_AGREEMENT;
                case TERMINAL_INSTALLED -> OnboardingAction.INSTALL_TERMINALS;
                case TRAINED -> OnboardingAction.COMPLETE_TRAINING;
                default -> OnboardingAction.ACTIVATE;
            }));
            if (status == OnboardingStatus.SUSPENDED) {
                steps.add(OnboardingAction.REINSTATE);
            } else {
                steps.add(OnboardingAction.SUSPEND);
            }
        }
        steps.add(OnboardingAction.TERMINATE);
        return steps;
    }
}
