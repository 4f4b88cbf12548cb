package io.bankcrm.crosssell.domain.roster;

import io.bankcrm.platform.domain.Violation;
import io.bankcrm.crosssell.domain.prospect.OfficerRole;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.bankcrm.crosssell.domain.CrosssellMother.residentId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: a roster row's validation and canonical form, and that it never prints in clear. */
class RosterRowRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 16);
    private static final String ID = residentId("19880512", 123);

    private static RowCheck check(String name, String id, String mobile, String position, String role, String band) {
        return RosterRowRules.check(new RosterRow(7, name, id, mobile, position, role, band), TODAY);
    }

    private static Set<String> fields(RowCheck c) {
        return c.violations().stream().map(Violation::field).collect(Collectors.toSet());
    }

    @Test
    void aGoodRowComesOutCanonical() {
        String lowerX = residentId("19900307", 447);
        RowCheck c = check("  王芳 ", ID.toLowerCase(), " 13812345678 ", " 会计 ", " cfo ", "band_10k_20k");
        assertTrue(c.accepted(), c.violations().toString());
        ValidRosterRow row = c.row();
        assertEquals(7, row.rowNumber());
        assertEquals("王芳", row.name());
        assertEquals(ID, row.idNumber());
        assertEquals("13812345678", row.mobile());
        assertEquals("会计", row.position());
        assertEquals(OfficerRole.CFO, row.officerRole());
        assertEquals(SalaryBand.BAND_10K_20K, row.salaryBand());
        assertTrue(check("买买提·艾力", lowerX, null, "司机", "", "BELOW_5K").accepted());
        assertNull(check("Anna-Lena O'Brien", ID, "", "Engineer", null, "ABOVE_50K").row().mobile());
    }

    @Test
    void theIdNumberIsCheckedWithTheSuitesRule() {
        String wrongCheck = ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1');
        RowCheck c = check("王芳", wrongCheck, null, "会计", null, "BELOW_5K");
        assertEquals(Set.of("idNumber"), fields(c));
        assertTrue(c.violations().get(0).message().startsWith("check character should be"), c.violations().toString());
        assertEquals(Set.of("idNumber"), fields(check("王芳", residentId("20271201", 1), null, "会计", null, "BELOW_5K")));
        assertEquals(Set.of("idNumber"), fields(check("王芳", "12345", null, "会计", null, "BELOW_5K")));
        assertEquals("is required", check("王芳", " ", null, "会计", null, "BELOW_5K").violations().get(0).message());
    }

    @Test
    void everyFieldAtFaultIsReported() {
        RowCheck c = check("", "", "1".repeat(21), "", "CEO", "LOTS");
        assertFalse(c.accepted());
        assertEquals(Set.of("name", "idNumber", "mobile", "position", "officerRole", "salaryBand"), fields(c));
        assertEquals(Set.of("name"), fields(check("王芳1", ID, null, "会计", null, "BELOW_5K")));
        assertEquals(Set.of("name"), fields(check("王".repeat(101), ID, null, "会计", null, "BELOW_5K")));
        assertEquals(Set.of("position"), fields(check("王芳", ID, null, "会\u0000计", null, "BELOW_5K")));
        assertEquals(Set.of("position"), fields(check("王芳", ID, null, "会".repeat(101), null, "BELOW_5K")));
        assertEquals(Set.of("salaryBand"), fields(check("王芳", ID, null, "会计", null, null)));
        // 100 characters outside the basic plane are 100 characters, not 200
        assertTrue(check("\uD840\uDC00".repeat(100), ID, null, "会计", null, "BELOW_5K").accepted());
    }

    @Test
    void aRowNeverPrintsTheIdNumberOrMobileInClear() {
        RosterRow raw = new RosterRow(1, "王芳", ID, "13812345678", "会计", null, "BELOW_5K");
        assertFalse(raw.toString().contains(ID), raw.toString());
        assertFalse(raw.toString().contains("13812345678"), raw.toString());
        assertTrue(raw.toString().contains("5678"), raw.toString());
        assertFalse(raw.toString().contains("王芳"), raw.toString());
        ValidRosterRow valid = RosterRowRules.check(raw, TODAY).row();
        assertFalse(valid.toString().contains(ID), valid.toString());
        assertFalse(valid.toString().contains("王芳"), valid.toString());
        assertEquals(List.of(), RosterRowRules.check(raw, TODAY).violations());
    }
}
