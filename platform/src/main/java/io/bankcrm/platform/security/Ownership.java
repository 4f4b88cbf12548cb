package io.bankcrm.platform.security;

import io.bankcrm.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Objects;
import java.util.Optional;

/**
 * Who may change whose records (docs/SECURITY.md, "Ownership"): {@code crm-admin}, {@code integration} and the
 * service itself (a system caller: jobs, consumers) change any; a {@code relationship-manager} those of the branch
 * in the token's {@code branch} claim and those they manage (the record's relationship manager is the caller's
 * name); a {@code team-lead} those of their branch. Reading is not restricted here: the role matrix decides it.
 * A record is judged as stored, before the change: a change cannot take a record out of another's branch.
 */
@ApplicationScoped
public class Ownership {

    /** The token claim naming the caller's branch. */
    public static final String BRANCH_CLAIM = "branch";

    private final Caller caller;

    public Ownership(Caller caller) {
        this.caller = caller;
    }

    /**
     * Refuses, with 403 problem details, a change by the current caller of a record of {@code branch} managed by
     * {@code manager} (either may be null); {@code what} names the record in the refusal (e.g. "customer 8f…").
     */
    public void requireChange(String what, String branch, String manager) {
        if (!mayChange(caller, branch, manager)) {
            throw new ProblemException("not-owner", "Forbidden", 403, what + " belongs to "
                    + (branch == null ? "no branch" : "branch " + branch)
                    + "; your roles allow changes only to customers of your own branch"
                    + (caller.hasRole(Roles.RELATIONSHIP_MANAGER) ? " or those you manage" : ""), null, null);
        }
    }

    /** The rule itself, for any caller. */
    public static boolean mayChange(Caller caller, String branch, String manager) {
        if (caller.system() || caller.hasRole(Roles.CRM_ADMIN) || caller.hasRole(Roles.INTEGRATION)) {
            return true;
        }
        Optional<String> own = caller.claim(BRANCH_CLAIM);
        boolean ownBranch = branch != null && own.isPresent() && own.get().equals(branch);
        if (caller.hasRole(Roles.TEAM_LEAD) && ownBranch) {
            return true;
        }
        return caller.hasRole(Roles.RELATIONSHIP_MANAGER)
                && (ownBranch || (manager != null && !caller.anonymous() && Objects.equals(manager, caller.name())));
    }
}
