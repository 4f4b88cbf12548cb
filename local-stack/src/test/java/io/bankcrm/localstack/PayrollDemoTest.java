package io.bankcrm.localstack;

import io.bankcrm.identifiers.ResidentIdNumber;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The roster flow 1 of the demo sends: valid, distinct people, the CFO an officer, known columns (no servers). */
class PayrollDemoTest {

    @Test
    void theRosterListsTheKnownEmployeesAndTheNewHiresWithValidDistinctIdentifiers() {
        String[] employees = {"王芳", "李娜", "张伟"};
        List<String> lines = List.of(PayrollDemo.roster(employees).split("\n"));
        assertEquals("name,idNumber,mobile,position,officerRole,salaryBand", lines.get(0));
        assertEquals(employees.length + PayrollDemo.NEW_HIRES.length, lines.size() - 1);
        Set<String> ids = new HashSet<>();
        Set<String> mobiles = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(6, cells.length, line);
            assertTrue(ResidentIdNumber.validate(cells[1], LocalDate.of(2026, 1, 1)).valid(), cells[1]);
            ids.add(cells[1]);
            mobiles.add(cells[2]);
            assertTrue(cells[5].matches("BELOW_5K|BAND_5K_10K|BAND_10K_20K|BAND_20K_50K|ABOVE_50K"), cells[5]);
        }
        assertEquals(lines.size() - 1, ids.size());
        assertEquals(lines.size() - 1, mobiles.size());
        // the known employees are the people DemoData registered: the roster job matches them by ID number
        assertEquals(DemoData.residentId(1), lines.get(2).split(",")[1]);
        assertEquals("CFO", lines.get(1).split(",")[4]);
        assertTrue(Arrays.stream(PayrollDemo.NEW_HIRES).allMatch(n -> PayrollDemo.roster(employees).contains(n)));
    }

    @Test
    void crosssellServiceIsTwoPortsAboveCustomerService() {
        assertEquals("http://localhost:8083", PayrollDemo.crosssellOf("http://localhost:8081"));
    }
}
