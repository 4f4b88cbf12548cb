package io.bankcrm.crosssell.domain;

import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.crosssell.domain.product.Prospect;
import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import io.bankcrm.crosssell.domain.prospect.OfficerRole;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.platform.money.Money;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Test data in the bank's terms (Object Mother): employees, officers, resident ID numbers, yuan. */
public final class CrosssellMother {

    public static final Instant NOW = Instant.parse("2026-11-16T02:00:00Z"); // Monday 10:00 in Shanghai

    private CrosssellMother() {
    }

    /** A valid resident ID number born on {@code yyyyMMdd} in Beijing's Xicheng district, sequence {@code seq}. */
    public static String residentId(String yyyyMMdd, int seq) {
        String first17 = "110102" + yyyyMMdd + String.format("%03d", seq);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** An employee with marketing consent by SMS and app, salary 10,000 to 20,000 a month, tier SILVER. */
    public static Prospect employee() {
        return new Prospect(UUID.fromString("00000000-0000-0000-0000-00000000e001"), CustomerKind.INDIVIDUAL, "SILVER",
                SalaryBand.BAND_10K_20K, null, EnumSet.of(ConsentChannel.SMS, ConsentChannel.APP), Set.of(), false);
    }

    /** The employer's CFO: tier GOLD, salary above 50,000 a month, consent by phone. */
    public static Prospect officer() {
        return new Prospect(UUID.fromString("00000000-0000-0000-0000-00000000e002"), CustomerKind.INDIVIDUAL, "GOLD",
                SalaryBand.ABOVE_50K, OfficerRole.CFO, EnumSet.of(ConsentChannel.PHONE), Set.of(), false);
    }

    /** An employee who never granted marketing consent. */
    public static Prospect withoutConsent() {
        return employee().withMarketingChannels(Set.of());
    }

    public static Prospect holding(Prospect p, ProductCode... products) {
        return p.withHeldProducts(Set.of(products));
    }

    public static Money yuan(String amount) {
        return Money.of(amount, "CNY");
    }
}
