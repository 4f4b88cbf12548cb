package io.bankcrm.merchant.domain.transaction;

import io.bankcrm.merchant.domain.fee.CardType;
import io.bankcrm.merchant.domain.fee.FeeSplitRule;
import io.bankcrm.merchant.domain.instalment.FeeBearer;
import io.bankcrm.merchant.domain.instalment.InstalmentProgramme;
import io.bankcrm.merchant.domain.instalment.Tenor;
import io.bankcrm.merchant.domain.merchant.MccGroup;
import io.bankcrm.merchant.domain.offer.Funder;
import io.bankcrm.merchant.domain.offer.OfferQuote;
import io.bankcrm.platform.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.bankcrm.merchant.domain.Fixtures.MERCHANT;
import static io.bankcrm.merchant.domain.Fixtures.cny;

/** Object mother for priced sales. */
public final class Sales {

    public static final FeeSplitRule RULE = new FeeSplitRule(UUID.randomUUID(), MccGroup.DINING_ENTERTAINMENT,
            CardType.CREDIT, LocalDate.of(2026, 1, 1), null, new BigDecimal("0.0060"), 7, 2, 1, null, true);
    public static final LocalDate FIRST_DUE = LocalDate.of(2026, 7, 25);

    private Sales() {
    }

    /** A 200.00 half-price sale (merchant 40, bank 60), on the bank's own card, optionally in instalments. */
    public static CardSale halfPrice(Optional<Tenor> tenor, FeeBearer bearer) {
        OfferQuote quote = new OfferQuote(UUID.randomUUID(), 1, cny("200.00"), cny("100.00"),
                Map.of(Funder.MERCHANT, cny("40.00"), Funder.BANK, cny("60.00")), cny("100.00"));
        return CardSale.price(cny("200.00"), Optional.of(quote), RULE, true, Optional.of(programme(bearer)), tenor,
                FIRST_DUE);
    }

    public static CardSale plain(Money amount) {
        return CardSale.price(amount, Optional.empty(), RULE, false, Optional.empty(), Optional.empty(), FIRST_DUE);
    }

    public static InstalmentProgramme programme(FeeBearer bearer) {
        return new InstalmentProgramme(UUID.randomUUID(), MERCHANT, Map.of(Tenor.THREE, new BigDecimal("0.0070"),
                Tenor.SIX, new BigDecimal("0.0065"), Tenor.TWELVE, new BigDecimal("0.0060"),
                Tenor.TWENTY_FOUR, new BigDecimal("0.0060")), bearer, cny("10.00"));
    }
}
