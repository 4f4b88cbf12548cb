package io.bankcrm.crosssell.domain.prospect;

import java.util.Arrays;
import java.util.Optional;

/**
 * Monthly salary band of an employee, in yuan, as the roster states it. crosssell keeps the band, never the
 * salary: the band is what eligibility and priority need.
 */
public enum SalaryBand {
    BELOW_5K("below 5,000"),
    BAND_5K_10K("5,000 to 10,000"),
    BAND_10K_20K("10,000 to 20,000"),
    BAND_20K_50K("20,000 to 50,000"),
    ABOVE_50K("50,000 and above");

    private final String label;

    SalaryBand(String label) {
        this.label = label;
    }

    /** "10,000 to 20,000" (yuan a month), for explanations. */
    public String label() {
        return label;
    }

    /** 1 for the lowest band, 5 for the highest. */
    public int level() {
        return ordinal() + 1;
    }

    public boolean isAtLeast(SalaryBand other) {
        return compareTo(other) >= 0;
    }

    /** How many bands apart the two are (0 for the same band). */
    public int distanceTo(SalaryBand other) {
        return Math.abs(ordinal() - other.ordinal());
    }

    /** The band a roster or request names by its code, ignoring case and surrounding spaces. */
    public static Optional<SalaryBand> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim();
        return Arrays.stream(values()).filter(b -> b.name().equalsIgnoreCase(wanted)).findFirst();
    }
}
