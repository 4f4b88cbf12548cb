package io.bankcrm.localstack;

import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.identifiers.UnifiedSocialCreditCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's identifiers pass the services' own check-digit rules, and its months have begun (no servers). */
class DemoDataTest {

    @Test
    void everyDemoIdentifierIsValidAndDistinct() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            String id = DemoData.residentId(i);
            assertTrue(ResidentIdNumber.validate(id, LocalDate.of(2026, 1, 1)).valid(), id);
            ids.add(id);
        }
        assertEquals(12, ids.size());
        assertTrue(UnifiedSocialCreditCode.validate(DemoData.creditCode()).valid(), DemoData.creditCode());
    }

    @Test
    void theFactsAreForTheThreeMonthsBeforeThisOne() {
        assertEquals(List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11), YearMonth.of(2026, 12)),
                DemoData.months(YearMonth.of(2027, 1)));
    }
}
