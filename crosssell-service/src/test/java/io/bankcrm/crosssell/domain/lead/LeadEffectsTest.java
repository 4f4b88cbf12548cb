package io.bankcrm.crosssell.domain.lead;

import io.bankcrm.crosssell.domain.agreement.AgreementKind;
import io.bankcrm.crosssell.domain.agreement.AgreementStatus;
import io.bankcrm.crosssell.domain.product.Product;
import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: what an agreement's status, a leaver and a consent withdrawal do to open leads. */
class LeadEffectsTest {

    private static final Instant AT = Instant.parse("2026-11-16T02:00:00Z");
    private static final UUID AGREEMENT = new UUID(1, 1);
    private static final UUID OTHER_AGREEMENT = new UUID(1, 2);
    private static final UUID EMPLOYEE = new UUID(2, 1);
    private static final Map<ProductCode, Product> CATALOGUE = Product.standardCatalogue().stream()
            .collect(Collectors.toMap(Product::code, Function.identity()));

    private static OpenLead lead(int n, ProductCode product, UUID agreement, LeadStatus status) {
        return new OpenLead(new UUID(3, n), EMPLOYEE, product, agreement == null ? LeadSource.MANUAL
                : LeadSource.PAYROLL_AGREEMENT, agreement, status);
    }

    private static final OpenLead CARD_NEW = lead(1, ProductCode.PAYROLL_CARD, AGREEMENT, LeadStatus.NEW);
    private static final OpenLead LOAN_QUALIFIED = lead(2, ProductCode.PERSONAL_LOAN, AGREEMENT, LeadStatus.QUALIFIED);
    private static final OpenLead CARD_OTHER = lead(3, ProductCode.CREDIT_CARD, OTHER_AGREEMENT, LeadStatus.CONTACTED);
    private static final OpenLead MANUAL = lead(4, ProductCode.WEALTH_MANAGEMENT, null, LeadStatus.NEW);
    private static final List<OpenLead> ALL = List.of(MANUAL, CARD_OTHER, LOAN_QUALIFIED, CARD_NEW);

    @Test
    void suspendingHoldsReactivatingReleasesOnlyThisAgreementsLeads() {
        var suspend = AgreementStatus.ACTIVE.moveTo(AgreementStatus.SUSPENDED, "corp.rm.chen", AT, "audit");
        List<LeadEffect> held = LeadEffects.ofAgreementChange(AGREEMENT, AgreementKind.PAYROLL, suspend, ALL);
        assertEquals(List.of(CARD_NEW.leadId(), LOAN_QUALIFIED.leadId()), held.stream().map(LeadEffect::leadId).toList());
        assertTrue(held.stream().allMatch(e -> e.action() == LeadEffect.Action.HOLD
                && e.reason().equals("payroll agreement suspended: audit")));

        OpenLead cardHeld = lead(1, ProductCode.PAYROLL_CARD, AGREEMENT, LeadStatus.ON_HOLD);
        var reactivate = AgreementStatus.SUSPENDED.moveTo(AgreementStatus.ACTIVE, "corp.rm.chen", AT, null);
        List<LeadEffect> released = LeadEffects.ofAgreementChange(AGREEMENT, AgreementKind.PAYROLL, reactivate,
                List.of(cardHeld, LOAN_QUALIFIED, MANUAL));
        assertEquals(List.of(new LeadEffect(cardHeld.leadId(), LeadEffect.Action.RELEASE,
                "payroll agreement reactivated")), released);
    }

    @Test
    void terminatingExpiresEveryOpenLeadOfTheAgreementHeldOrNot() {
        var terminate = AgreementStatus.SUSPENDED.moveTo(AgreementStatus.TERMINATED, "corp.rm.chen", AT,
                "moved its payroll to another bank");
        OpenLead held = lead(5, ProductCode.CREDIT_CARD, AGREEMENT, LeadStatus.ON_HOLD);
        List<LeadEffect> effects = LeadEffects.ofAgreementChange(AGREEMENT, AgreementKind.PAYROLL, terminate,
                List.of(CARD_NEW, held, CARD_OTHER, MANUAL));
        assertEquals(Set.of(CARD_NEW.leadId(), held.leadId()),
                effects.stream().map(LeadEffect::leadId).collect(Collectors.toSet()));
        assertTrue(effects.stream().allMatch(e -> e.action() == LeadEffect.Action.EXPIRE
                && e.reason().equals("payroll agreement terminated: moved its payroll to another bank")));
        // applied to a held lead's life cycle, it ends EXPIRED
        LeadLifecycle parked = LeadLifecycle.NEW.hold("system:crosssell", AT, "suspended").after();
        assertEquals(LeadStatus.EXPIRED, effects.get(0).apply(parked, AT).after().status());
    }

    @Test
    void aLeaversPayrollCardLeadExpiresAndAHolderGetsARetentionLead() {
        LeaverOutcome outcome = LeadEffects.ofLeaver(AGREEMENT, ALL, Set.of(ProductCode.PERSONAL_LOAN,
                ProductCode.PAYROLL_CARD));
        assertEquals(List.of(CARD_NEW.leadId()), outcome.expire().stream().map(LeadEffect::leadId).toList());
        assertTrue(outcome.retentionLead());
        assertEquals("left the employer of the payroll agreement; holds PAYROLL_CARD, PERSONAL_LOAN",
                outcome.retentionReason());

        assertFalse(LeadEffects.ofLeaver(AGREEMENT, ALL, Set.of()).retentionLead(), "holds nothing: no retention lead");
        OpenLead retention = lead(6, ProductCode.RETENTION, AGREEMENT, LeadStatus.NEW);
        assertFalse(LeadEffects.ofLeaver(AGREEMENT, List.of(retention), Set.of(ProductCode.PAYROLL_CARD)).retentionLead(),
                "one open retention lead is enough");
        assertEquals(List.of(), LeadEffects.ofLeaver(OTHER_AGREEMENT, List.of(CARD_NEW), Set.of()).expire(),
                "leaving another employer does not touch this agreement's lead");
    }

    @Test
    void withdrawingConsentClosesTheLeadsThatNeededIt() {
        OpenLead retention = lead(6, ProductCode.RETENTION, AGREEMENT, LeadStatus.NEW);
        List<OpenLead> leads = List.of(CARD_NEW, LOAN_QUALIFIED, retention);
        List<LeadEffect> none = LeadEffects.ofConsent(leads, CATALOGUE, Set.of());
        assertEquals(Set.of(CARD_NEW.leadId(), LOAN_QUALIFIED.leadId()),
                none.stream().map(LeadEffect::leadId).collect(Collectors.toSet()));
        assertEquals("marketing consent withdrawn on every channel PAYROLL_CARD may use", none.get(0).reason());
        assertEquals(List.of(), LeadEffects.ofConsent(leads, CATALOGUE, EnumSet.of(ConsentChannel.EMAIL)),
                "one consented channel left is enough");
    }
}
