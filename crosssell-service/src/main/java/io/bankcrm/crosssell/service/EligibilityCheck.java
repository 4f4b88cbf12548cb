package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.product.EligibilityDecision;
import io.bankcrm.crosssell.domain.product.Product;
import io.bankcrm.crosssell.domain.product.Prospect;
import io.bankcrm.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Every product of the catalogue decided for one customer: what a relationship manager asks first. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EligibilityCheck {

    private final CustomerFacts facts;
    private final Catalogue catalogue;
    private final Rules rules;

    public EligibilityCheck(CustomerFacts facts, Catalogue catalogue, Rules rules) {
        this.facts = facts;
        this.catalogue = catalogue;
        this.rules = rules;
    }

    public Map<Product, EligibilityDecision> of(UUID customerId) {
        Prospect prospect = facts.prospect(customerId)
                .orElseThrow(() -> ProblemException.notFound("customer known to crosssell-service", customerId));
        Map<Product, EligibilityDecision> decisions = new LinkedHashMap<>();
        for (Product p : catalogue.all().values()) {
            decisions.put(p, rules.eligibility().decide(p, prospect));
        }
        return decisions;
    }
}
