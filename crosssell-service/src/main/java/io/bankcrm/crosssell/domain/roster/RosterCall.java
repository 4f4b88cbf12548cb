package io.bankcrm.crosssell.domain.roster;

import io.bankcrm.crosssell.domain.prospect.OfficerRole;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One call the roster job makes to customer-service to apply a roster's changes, with the Idempotency-Key that
 * makes a retried call do nothing twice. The key depends only on the roster, the customer and the call, so a job
 * resumed after a crash sends the same keys again.
 *
 * @param office the office to link, for {@link Kind#LINK_OFFICER}; the office to end, for {@link Kind#END_OFFICER}
 */
public record RosterCall(Kind kind, UUID customerId, OfficerRole office, String idempotencyKey) {

    public enum Kind {
        /** {@code POST /v1/customers/{id}/relationships} EMPLOYEE_OF the employer. */
        LINK_EMPLOYEE,
        /** {@code POST /v1/customers/{id}/relationships} OFFICER_OF the employer, with the office. */
        LINK_OFFICER,
        /** End the open OFFICER_OF link (no longer an officer, or a new office replaces it). */
        END_OFFICER,
        /** End the open EMPLOYEE_OF link: the employee left. */
        END_EMPLOYEE
    }

    /** The key of a row's registration ({@code POST /v1/customers}), before its customer id is known. */
    public static String registrationKey(UUID rosterId, long rowNumber) {
        return "crosssell-roster-" + rosterId + "-row-" + rowNumber + "-register";
    }

    static List<RosterCall> plan(UUID rosterId, RosterChanges changes) {
        List<RosterCall> calls = new ArrayList<>();
        for (ResolvedRow joiner : changes.joiners()) {
            RosterMember m = joiner.member();
            calls.add(call(rosterId, Kind.LINK_EMPLOYEE, m.customerId(), null));
            if (m.isOfficer()) {
                calls.add(call(rosterId, Kind.LINK_OFFICER, m.customerId(), m.officerRole()));
            }
        }
        for (MemberChange change : changes.changed()) {
            if (!change.officerRoleChanged()) {
                continue;
            }
            UUID id = change.after().customerId();
            if (change.before().isOfficer()) {
                calls.add(call(rosterId, Kind.END_OFFICER, id, change.before().officerRole()));
            }
            if (change.after().isOfficer()) {
                calls.add(call(rosterId, Kind.LINK_OFFICER, id, change.after().officerRole()));
            }
        }
        for (RosterMember leaver : changes.leaversToEnd()) {
            if (leaver.isOfficer()) {
                calls.add(call(rosterId, Kind.END_OFFICER, leaver.customerId(), leaver.officerRole()));
            }
            calls.add(call(rosterId, Kind.END_EMPLOYEE, leaver.customerId(), null));
        }
        return calls;
    }

    private static RosterCall call(UUID rosterId, Kind kind, UUID customerId, OfficerRole office) {
        String key = "crosssell-roster-" + rosterId + "-" + customerId + "-" + kind.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-') + (office == null ? "" : "-" + office.name().toLowerCase(java.util.Locale.ROOT));
        return new RosterCall(kind, customerId, office, key);
    }
}
