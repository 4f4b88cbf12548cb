package io.bankcrm.merchant.domain.referral;

import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.StateConflict;
import io.bankcrm.platform.domain.Violation;
import io.bankcrm.platform.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A merchant signs up cardholders with its referral code; for each card that is activated and used for a first
 * purchase within the window, the reward is shared between the bank and the merchant (bank 30 / merchant 70).
 * The shares may change over time (a new version of the programme); a referral freezes the shares in force when it
 * converts.
 *
 * @param code               printed on the card application, 6 to 16 capital letters or digits
 * @param rewardPerCard      the commission a converted card earns, before the split
 * @param bankShare          with {@code merchantShare}, percentages adding up to 100
 * @param conversionDays     days after the sign-up within which the card must be activated and first used
 * @param clawbackDays       days after conversion within which a closed card takes the commission back
 * @param validTo            last day cardholders can sign up; null while open
 */
public record ReferralProgramme(UUID id, UUID merchantId, String code, Money rewardPerCard, int bankShare,
                                int merchantShare, int conversionDays, int clawbackDays, LocalDate validFrom,
                                LocalDate validTo) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{6,16}");

    public ReferralProgramme {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
        List<Violation> issues = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            issues.add(new Violation("code", "6 to 16 capital letters or digits"));
        }
        if (rewardPerCard == null || !rewardPerCard.isPositive()) {
            issues.add(new Violation("rewardPerCard", "a positive amount"));
        }
        if (bankShare < 0 || merchantShare < 0 || bankShare + merchantShare != 100) {
            issues.add(new Violation("bankShare", "the bank's and the merchant's shares are percentages adding up to 100"));
        }
        if (conversionDays < 1 || conversionDays > 366) {
            issues.add(new Violation("conversionDays", "1 to 366 days"));
        }
        if (clawbackDays < 0 || clawbackDays > 366) {
            issues.add(new Violation("clawbackDays", "0 to 366 days"));
        }
        if (validFrom == null) {
            issues.add(new Violation("validFrom", "the first day of sign-ups is required"));
        } else if (validTo != null && validTo.isBefore(validFrom)) {
            issues.add(new Violation("validTo", "before validFrom"));
        }
        InvalidInput.throwIfAny(issues);
    }

    public boolean openOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public void requireOpen(LocalDate day) {
        if (!openOn(day)) {
            throw new StateConflict("referral-programme-closed", "referral programme " + code
                    + " takes sign-ups from " + validFrom + (validTo == null ? "" : " to " + validTo));
        }
    }

    /** The reward split by the shares in force now: bank, then merchant, summing exactly to the reward. */
    public Commission commission() {
        List<Money> parts = rewardPerCard.allocate(bankShare, merchantShare);
        return new Commission(rewardPerCard, parts.get(0), parts.get(1), bankShare, merchantShare);
    }
}
