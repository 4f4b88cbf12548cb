package io.bankcrm.crosssell.domain.prospect;

import java.util.Arrays;
import java.util.Optional;

/**
 * The office an officer holds at the employer (an OFFICER_OF link). The code is what crosssell sends to
 * customer-service as the link's office and reads back from its relationship events.
 */
public enum OfficerRole {
    LEGAL_REPRESENTATIVE, CHAIRMAN, DIRECTOR, SUPERVISOR, GENERAL_MANAGER, DEPUTY_GENERAL_MANAGER, CFO,
    SENIOR_EXECUTIVE;

    /** The role a roster, request or event names by its code, ignoring case and surrounding spaces. */
    public static Optional<OfficerRole> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim();
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(wanted)).findFirst();
    }
}
