package io.bankcrm.platform.security;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may change whose records, role by role (container-free; each service tests it over HTTP too). */
class OwnershipTest {

    record User(String name, Set<String> roles, Map<String, String> claims) implements Caller {
        @Override
        public Optional<String> claim(String claim) {
            return Optional.ofNullable(claims.get(claim));
        }

        @Override
        public boolean system() {
            return false;
        }
    }

    static Caller user(String name, String branch, String... roles) {
        return new User(name, Set.of(roles), branch == null ? Map.of() : Map.of("branch", branch));
    }

    @Test
    void aRelationshipManagerChangesTheirBranchAndTheCustomersTheyManage() {
        Caller rm = user("rm-li", "BJ-HD-01", Roles.RELATIONSHIP_MANAGER);
        assertTrue(Ownership.mayChange(rm, "BJ-HD-01", "rm-zhao"));
        assertTrue(Ownership.mayChange(rm, "SH-PD-02", "rm-li"));
        assertFalse(Ownership.mayChange(rm, "SH-PD-02", "rm-zhao"));
        assertFalse(Ownership.mayChange(rm, null, null));
        assertFalse(Ownership.mayChange(user("rm-li", null, Roles.RELATIONSHIP_MANAGER), "BJ-HD-01", "rm-zhao"),
                "without a branch claim only the managed ones");
        assertTrue(Ownership.mayChange(user("rm-li", null, Roles.RELATIONSHIP_MANAGER), "BJ-HD-01", "rm-li"));
    }

    @Test
    void aTeamLeadChangesOnlyTheirBranch() {
        Caller lead = user("tl-wu", "BJ-HD-01", Roles.TEAM_LEAD);
        assertTrue(Ownership.mayChange(lead, "BJ-HD-01", "rm-zhao"));
        assertFalse(Ownership.mayChange(lead, "SH-PD-02", "tl-wu"), "managing is the relationship manager's link");
        assertFalse(Ownership.mayChange(user("tl-wu", null, Roles.TEAM_LEAD), "BJ-HD-01", null));
    }

    @Test
    void adminsIntegrationsAndTheServiceItselfChangeAny() {
        assertTrue(Ownership.mayChange(user("root", null, Roles.CRM_ADMIN), "SH-PD-02", null));
        assertTrue(Ownership.mayChange(user("core-banking", null, Roles.INTEGRATION), null, null));
        assertTrue(Ownership.mayChange(Caller.system("customer-service"), "SH-PD-02", "rm-zhao"));
    }

    @Test
    void otherRolesChangeNothing() {
        assertFalse(Ownership.mayChange(user("ra", "BJ-HD-01", Roles.RISK_ANALYST), "BJ-HD-01", "ra"));
        assertFalse(Ownership.mayChange(user("mo", "BJ-HD-01", Roles.MERCHANT_OPS, Roles.PII_READER), "BJ-HD-01", null));
    }
}
