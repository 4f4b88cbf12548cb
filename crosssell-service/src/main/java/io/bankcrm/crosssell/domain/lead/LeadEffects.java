package io.bankcrm.crosssell.domain.lead;

import io.bankcrm.crosssell.domain.agreement.AgreementChange;
import io.bankcrm.crosssell.domain.agreement.AgreementKind;
import io.bankcrm.crosssell.domain.product.EligibilityRule;
import io.bankcrm.crosssell.domain.product.Product;
import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.crosssell.domain.prospect.ConsentChannel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What changes outside a lead do to it: an agreement's status, an employee leaving, a consent withdrawn. */
public final class LeadEffects {

    private LeadEffects() {
    }

    /**
     * Suspending an agreement holds its workable leads, reactivating it releases its held ones, terminating it
     * expires every open one. Only the leads that came through this agreement are touched, in lead-id order.
     */
    public static List<LeadEffect> ofAgreementChange(UUID agreementId, AgreementKind kind, AgreementChange change,
                                                     List<OpenLead> leads) {
        String reason = change.leadReason(kind);
        List<LeadEffect> effects = new ArrayList<>();
        for (OpenLead lead : sorted(leads)) {
            if (!agreementId.equals(lead.agreementId())) {
                continue;
            }
            switch (change.leadEffect()) {
                case HOLD -> {
                    if (lead.status().isWorkable()) {
                        effects.add(new LeadEffect(lead.leadId(), LeadEffect.Action.HOLD, reason));
                    }
                }
                case RELEASE -> {
                    if (lead.status() == LeadStatus.ON_HOLD) {
                        effects.add(new LeadEffect(lead.leadId(), LeadEffect.Action.RELEASE, reason));
                    }
                }
                case EXPIRE -> effects.add(new LeadEffect(lead.leadId(), LeadEffect.Action.EXPIRE, reason));
                case NONE -> {
                }
            }
        }
        return effects;
    }

    /**
     * An employee left the employer of {@code agreementId}: their open payroll-card lead from that agreement expires
     * (the salary no longer comes), and when they hold products with the bank a retention lead is opened, unless
     * one is open already. Their other leads stay: a loan may still suit them.
     *
     * @param customerLeads the leaver's open leads, whatever their source
     */
    public static LeaverOutcome ofLeaver(UUID agreementId, List<OpenLead> customerLeads, Set<ProductCode> held) {
        List<LeadEffect> expire = new ArrayList<>();
        boolean retentionOpen = false;
        for (OpenLead lead : sorted(customerLeads)) {
            if (lead.product().equals(ProductCode.RETENTION)) {
                retentionOpen = true;
            } else if (lead.product().equals(ProductCode.PAYROLL_CARD) && agreementId.equals(lead.agreementId())) {
                expire.add(new LeadEffect(lead.leadId(), LeadEffect.Action.EXPIRE,
                        "the employee left the employer of the payroll agreement"));
            }
        }
        return new LeaverOutcome(expire, !held.isEmpty() && !retentionOpen, new java.util.TreeSet<>(held));
    }

    /**
     * A customer's MARKETING consent changed and now stands at {@code stillConsented}: each open lead whose product
     * needs marketing consent and has no consented channel left expires. Leads for products that need no marketing
     * consent (a retention review) are kept.
     */
    public static List<LeadEffect> ofConsent(List<OpenLead> customerLeads, Map<ProductCode, Product> catalogue,
                                             Set<ConsentChannel> stillConsented) {
        List<LeadEffect> effects = new ArrayList<>();
        for (OpenLead lead : sorted(customerLeads)) {
            Product product = catalogue.get(lead.product());
            if (product == null) {
                throw new IllegalArgumentException("lead " + lead.leadId() + " is for " + lead.product()
                        + ", which the catalogue does not have");
            }
            EligibilityRule rule = product.eligibility();
            if (!rule.needsMarketingConsent()) {
                continue;
            }
            Set<ConsentChannel> usable = EnumSet.noneOf(ConsentChannel.class);
            usable.addAll(rule.consentChannels());
            usable.retainAll(stillConsented);
            if (usable.isEmpty()) {
                effects.add(new LeadEffect(lead.leadId(), LeadEffect.Action.EXPIRE,
                        "marketing consent withdrawn on every channel " + lead.product() + " may use"));
            }
        }
        return effects;
    }

    private static List<OpenLead> sorted(List<OpenLead> leads) {
        List<OpenLead> copy = new ArrayList<>(leads);
        copy.sort(Comparator.comparing(OpenLead::leadId));
        return copy;
    }
}
