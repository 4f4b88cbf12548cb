package io.bankcrm.crosssell.domain.sla;

import io.bankcrm.crosssell.domain.Actors;
import io.bankcrm.crosssell.domain.lead.LeadHistoryEntry;
import io.bankcrm.crosssell.domain.lead.LeadStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A team's service level for new leads: first contact within so much working time of assignment (e.g. 8 business
 * hours). An uncontacted lead past its deadline is escalated to the team lead once; the team lead may reassign it,
 * which starts a fresh deadline. A held lead's clock stops and resumes with the working time it had left.
 */
public final class LeadSla {

    public static final Duration MAX_FIRST_CONTACT = Duration.ofHours(24 * 30);

    private final BusinessCalendar calendar;
    private final Duration firstContactWithin;

    public LeadSla(BusinessCalendar calendar, Duration firstContactWithin) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        if (firstContactWithin.isNegative() || firstContactWithin.isZero()
                || firstContactWithin.compareTo(MAX_FIRST_CONTACT) > 0) {
            throw new IllegalArgumentException("first contact is due within more than nothing and at most "
                    + MAX_FIRST_CONTACT.toHours() + " working hours, not " + firstContactWithin);
        }
        this.firstContactWithin = firstContactWithin;
    }

    /** When the first contact is due for a lead assigned at {@code assignedAt}. */
    public Instant deadline(Instant assignedAt) {
        return calendar.plusWorkingTime(assignedAt, firstContactWithin);
    }

    /** Uncontacted (NEW) and past the deadline; a held or contacted lead is never overdue. */
    public static boolean isOverdue(LeadStatus status, Instant deadline, Instant now) {
        return status == LeadStatus.NEW && deadline != null && !now.isBefore(deadline);
    }

    /**
     * The escalation due now, if any: the lead is overdue and was not escalated before.
     *
     * @param assignee  the member the lead is with, null when it sits in the team's queue
     * @param escalated whether the lead was escalated already (once is enough; the team lead has it)
     */
    public Optional<LeadHistoryEntry> escalation(LeadStatus status, Instant deadline, String assignee,
                                                 boolean escalated, String teamLead, Instant now) {
        if (escalated || !isOverdue(status, deadline, now)) {
            return Optional.empty();
        }
        Duration late = calendar.workingTimeBetween(deadline, now);
        return Optional.of(LeadHistoryEntry.escalated(now, Actors.SYSTEM, assignee, teamLead,
                "not contacted within " + hours(firstContactWithin) + " working hours of assignment; due "
                        + deadline.atZone(calendar.zone()).toLocalDateTime() + ", " + hours(late) + " working hours late"));
    }

    /** The team lead (or the service) moves the lead to another member: the history line and the new deadline. */
    public Reassignment reassign(String from, String to, String actor, Instant at, String reason) {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("a reassignment names the member the lead goes to");
        }
        if (to.equals(from)) {
            throw new IllegalArgumentException("the lead is already with " + to);
        }
        return new Reassignment(LeadHistoryEntry.reassigned(at, actor, from, to, reason), deadline(at));
    }

    /** The deadline of a lead released from hold: the working time it had left when held, counted from release. */
    public Instant resumed(Instant deadline, Instant heldAt, Instant releasedAt) {
        return calendar.plusWorkingTime(releasedAt, calendar.workingTimeBetween(heldAt, deadline));
    }

    private static String hours(Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0 ? Long.toString(minutes / 60)
                : java.math.BigDecimal.valueOf(minutes).divide(java.math.BigDecimal.valueOf(60), 1,
                java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** A reassignment's history line and the lead's new first-contact deadline. */
    public record Reassignment(LeadHistoryEntry history, Instant deadline) {
    }
}
