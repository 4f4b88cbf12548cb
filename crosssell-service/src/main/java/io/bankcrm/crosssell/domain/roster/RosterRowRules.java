package io.bankcrm.crosssell.domain.roster;

import io.bankcrm.platform.domain.Violation;
import io.bankcrm.crosssell.domain.prospect.OfficerRole;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.identifiers.ValidationResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Checks one roster row before anything is sent to customer-service, and reports every field at fault:
 * <ul>
 *   <li>name: required, at most 100 characters of letters (any script), spaces and the marks names use
 *       ({@code ·}, {@code .}, {@code -}, {@code '});</li>
 *   <li>idNumber: a PRC resident ID number with a valid date of birth and check character (GB 11643, the suite's
 *       one implementation in {@code identifiers});</li>
 *   <li>mobile: optional, at most 20 characters; its format is customer-service's rule, applied when it registers
 *       the employee, and its refusal becomes this row's error;</li>
 *   <li>position: required, at most 100 characters, no control characters;</li>
 *   <li>officerRole: blank, or one of the {@link OfficerRole} codes;</li>
 *   <li>salaryBand: one of the {@link SalaryBand} codes.</li>
 * </ul>
 */
public final class RosterRowRules {

    public static final int MAX_NAME = 100;
    public static final int MAX_POSITION = 100;
    public static final int MAX_MOBILE = 20;

    private RosterRowRules() {
    }

    /** The canonical row, or the violations; {@code today} is the bank's date (no birth after it). */
    public static RowCheck check(RosterRow row, LocalDate today) {
        Objects.requireNonNull(row, "row");
        List<Violation> found = new ArrayList<>();
        String name = trimmed(row.name());
        if (name == null) {
            found.add(new Violation("name", "is required"));
        } else if (length(name) > MAX_NAME) {
            found.add(new Violation("name", "must be at most " + MAX_NAME + " characters"));
        } else if (!name.codePoints().allMatch(RosterRowRules::nameCharacter)) {
            found.add(new Violation("name", "may hold only letters, spaces and the marks · . - '"));
        }
        String idNumber = trimmed(row.idNumber());
        if (idNumber == null) {
            found.add(new Violation("idNumber", "is required"));
        } else {
            ValidationResult id = ResidentIdNumber.validate(idNumber, today);
            if (!id.valid()) {
                found.add(new Violation("idNumber", id.reason()));
            }
        }
        String mobile = trimmed(row.mobile());
        if (mobile != null && length(mobile) > MAX_MOBILE) {
            found.add(new Violation("mobile", "must be at most " + MAX_MOBILE + " characters"));
        }
        String position = trimmed(row.position());
        if (position == null) {
            found.add(new Violation("position", "is required"));
        } else if (length(position) > MAX_POSITION) {
            found.add(new Violation("position", "must be at most " + MAX_POSITION + " characters"));
        } else if (position.codePoints().anyMatch(Character::isISOControl)) {
            found.add(new Violation("position", "must not hold control characters"));
        }
        OfficerRole role = null;
        String roleCode = trimmed(row.officerRole());
        if (roleCode != null) {
            role = OfficerRole.parse(roleCode).orElse(null);
            if (role == null) {
                found.add(new Violation("officerRole", "must be blank or one of " + Arrays.toString(OfficerRole.values())));
            }
        }
        SalaryBand band = null;
        String bandCode = trimmed(row.salaryBand());
        if (bandCode == null) {
            found.add(new Violation("salaryBand", "is required"));
        } else {
            band = SalaryBand.parse(bandCode).orElse(null);
            if (band == null) {
                found.add(new Violation("salaryBand", "must be one of " + Arrays.toString(SalaryBand.values())));
            }
        }
        if (!found.isEmpty()) {
            return RowCheck.rejected(row.rowNumber(), found);
        }
        return RowCheck.accepted(new ValidRosterRow(row.rowNumber(), name, ResidentIdNumber.normalise(idNumber),
                mobile, position, role, band));
    }

    private static boolean nameCharacter(int c) {
        return Character.isLetter(c) || c == ' ' || c == '·' || c == '.' || c == '-' || c == '\''
                || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static String trimmed(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
