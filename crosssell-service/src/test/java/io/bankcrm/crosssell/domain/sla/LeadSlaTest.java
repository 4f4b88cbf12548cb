package io.bankcrm.crosssell.domain.sla;

import io.bankcrm.crosssell.domain.lead.HistoryKind;
import io.bankcrm.crosssell.domain.lead.LeadHistoryEntry;
import io.bankcrm.crosssell.domain.lead.LeadStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.bankcrm.crosssell.domain.sla.BusinessCalendarTest.BANK;
import static io.bankcrm.crosssell.domain.sla.BusinessCalendarTest.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: first-contact deadlines, overdue leads, escalation once, reassignment, holds. */
class LeadSlaTest {

    private static final LeadSla EIGHT_HOURS = new LeadSla(BANK, Duration.ofHours(8));
    private static final Instant ASSIGNED = local("2026-11-20T16:00");
    private static final Instant DUE = local("2026-11-23T17:00");

    @Test
    void anUncontactedLeadIsOverdueAtItsDeadline() {
        assertEquals(DUE, EIGHT_HOURS.deadline(ASSIGNED));
        assertFalse(LeadSla.isOverdue(LeadStatus.NEW, DUE, DUE.minusSeconds(1)));
        assertTrue(LeadSla.isOverdue(LeadStatus.NEW, DUE, DUE));
        assertFalse(LeadSla.isOverdue(LeadStatus.CONTACTED, DUE, DUE.plusSeconds(3600)), "contacted in time or late, "
                + "it is no longer waiting for first contact");
        assertFalse(LeadSla.isOverdue(LeadStatus.ON_HOLD, DUE, DUE.plusSeconds(3600)), "a held lead's clock is stopped");
    }

    @Test
    void anOverdueLeadIsEscalatedToTheTeamLeadOnce() {
        Instant now = local("2026-11-24T10:30");
        Optional<LeadHistoryEntry> escalation = EIGHT_HOURS.escalation(LeadStatus.NEW, DUE, "retail.wang", false,
                "lead.zhou", now);
        assertTrue(escalation.isPresent());
        LeadHistoryEntry e = escalation.get();
        assertEquals(HistoryKind.ESCALATED, e.kind());
        assertEquals("retail.wang", e.fromAssignee());
        assertEquals("lead.zhou", e.toAssignee());
        assertEquals("system:crosssell", e.actor());
        assertEquals(now, e.at());
        // due Monday 17:00; Monday 17:00-17:30 and Tuesday 09:00-10:30: 2 working hours late
        assertEquals("not contacted within 8 working hours of assignment; due 2026-11-23T17:00, 2 working hours late",
                e.reason());
        assertEquals(Optional.empty(), EIGHT_HOURS.escalation(LeadStatus.NEW, DUE, "retail.wang", true, "lead.zhou", now));
        assertEquals(Optional.empty(), EIGHT_HOURS.escalation(LeadStatus.NEW, DUE, "retail.wang", false, "lead.zhou",
                DUE.minusSeconds(60)));
    }

    @Test
    void aReassignedLeadGetsAFreshDeadlineAndAHistoryLine() {
        Instant at = local("2026-11-24T10:30");
        LeadSla.Reassignment r = EIGHT_HOURS.reassign("retail.wang", "retail.li", "lead.zhou", at, "overdue");
        assertEquals(HistoryKind.REASSIGNED, r.history().kind());
        assertEquals("retail.wang", r.history().fromAssignee());
        assertEquals("retail.li", r.history().toAssignee());
        assertEquals("lead.zhou", r.history().actor());
        // Tuesday 10:30-12:00 1.5 h, 13:30-17:30 4 h, Wednesday 09:00 + 2.5 h = 11:30
        assertEquals(local("2026-11-25T11:30"), r.deadline());
        assertThrows(IllegalArgumentException.class, () -> EIGHT_HOURS.reassign("retail.li", "retail.li", "lead.zhou", at,
                null));
    }

    @Test
    void aHeldLeadResumesWithTheTimeItHadLeft() {
        // held Monday 16:00, due 17:00: one working hour left; released Thursday 09:00, it is due 10:00
        Instant held = local("2026-11-23T16:00");
        Instant released = local("2026-11-26T09:00");
        assertEquals(local("2026-11-26T10:00"), EIGHT_HOURS.resumed(DUE, held, released));
    }

    @Test
    void theServiceLevelIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> new LeadSla(BANK, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new LeadSla(BANK, Duration.ofDays(31)));
    }
}
