package io.bankcrm.crosssell.api;

import io.bankcrm.crosssell.domain.product.EligibilityDecision;
import io.bankcrm.crosssell.domain.product.Product;
import io.bankcrm.crosssell.domain.product.Refusal;
import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Set;

/** One product decided for a customer: eligible or every refusal, and the channels a lead may use. */
@Schema(name = "ProductEligibility")
public record EligibilityView(String product, String name, boolean eligible, List<Refusal> refusals,
                              Set<ConsentChannel> contactChannels) {

    static EligibilityView of(Product p, EligibilityDecision d) {
        return new EligibilityView(p.code().value(), p.name(), d.eligible(), d.refusals(), d.contactChannels());
    }
}
