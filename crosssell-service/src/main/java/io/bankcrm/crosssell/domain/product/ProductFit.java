package io.bankcrm.crosssell.domain.product;

import io.bankcrm.crosssell.domain.prospect.SalaryBand;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whom a product suits best, for the priority score: the salary bands it is designed for (none named: it suits
 * every band, an unknown one included), and whether it is meant for the employer's officers (wealth management is).
 */
public record ProductFit(Set<SalaryBand> targetBands, boolean forOfficers) {

    public static final ProductFit ANYONE = new ProductFit(Set.of(), false);

    public ProductFit {
        targetBands = targetBands == null || targetBands.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(targetBands));
    }

    public boolean suitsEveryBand() {
        return targetBands.isEmpty();
    }
}
