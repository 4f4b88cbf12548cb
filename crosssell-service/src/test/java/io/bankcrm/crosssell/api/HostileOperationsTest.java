package io.bankcrm.crosssell.api;

import io.bankcrm.crosssell.Api;
import io.bankcrm.crosssell.TestData;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.bankcrm.platform.testing.hostile.HostileInput;
import io.bankcrm.platform.testing.hostile.HostileOperations;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * platform-testing's hostile-input test over every operation of this service, with its bodies and records. The
 * records it names are made before the run and nothing runs in the background on them meanwhile (no roster, no
 * campaign launch), so that "nothing stored" means what the hostile requests did.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class HostileOperationsTest extends HostileOperations {

    @Inject
    TestData data;

    @Override
    protected HostileInput requests(HostileInput input) {
        String branch = "H" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        UUID corporate = data.corporate(branch);
        UUID agreement = Api.activePayrollAgreement(corporate);
        String staff = "rm-" + branch;
        data.retailTeam(branch, "lead-" + branch, staff, 2);
        UUID person = data.individual(branch, "GOLD", "SMS");
        return input
                .authorization("Bearer " + TestTokens.tokenAt("fuzzer", branch, Roles.CRM_ADMIN, Roles.INTEGRATION,
                        Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD))
                .pathValue("id", agreement.toString())
                .pathValue("staffId", staff)
                .pathValue("code", "PERSONAL_LOAN")
                .baseBody("POST /v1/payroll-agreements", () -> Api.payrollAgreement(corporate))
                .baseBody("POST /v1/collection-agreements", () -> Api.collectionAgreement(corporate))
                .baseBody("POST /v1/payroll-agreements/{id}/status", () -> Map.of("status", "SUSPENDED", "reason", "audit"))
                .baseBody("POST /v1/collection-agreements/{id}/status", () -> Map.of("status", "ACTIVE"))
                .baseBody("POST /v1/products", () -> Map.of("code", "HOSTILE_SAVER", "name", "储蓄", "category", "DEPOSIT",
                        "active", true, "eligibility", Map.of("kinds", List.of("INDIVIDUAL"), "minimumTier", "GOLD",
                                "consentChannels", List.of("SMS"), "excludeHolders", true)))
                .baseBody("PUT /v1/products/{code}", () -> Map.of("code", "PERSONAL_LOAN", "name", "个人贷款",
                        "category", "LOAN", "active", true, "eligibility", Map.of("kinds", List.of("INDIVIDUAL"),
                                "consentChannels", List.of("SMS"), "excludeHolders", true)))
                .baseBody("POST /v1/leads", () -> Map.of("customerId", person.toString(), "product", "CREDIT_CARD",
                        "reason", "walk-in"))
                .baseBody("POST /v1/leads/{id}/status", () -> Map.of("action", "CONTACT"))
                .baseBody("POST /v1/leads/{id}/assignment", () -> Map.of("assignee", staff))
                .baseBody("POST /v1/leads/{id}/conversion", () -> Map.of("value",
                        Map.of("amount", "50000.00", "currency", "CNY"), "openedOn", "2026-11-02", "reference", "LN-1"))
                .baseBody("POST /v1/teams", () -> Map.of("name", "零售一组", "kind", "RETAIL", "branch", branch,
                        "teamLead", "lead-" + branch))
                .baseBody("PUT /v1/teams/{id}/members/{staffId}", () -> Map.of("capacity", 3, "active", true))
                .baseBody("POST /v1/teams/{id}/members/{staffId}/absences",
                        () -> Map.of("from", "2026-12-10", "to", "2026-12-12"))
                .baseBody("POST /v1/credit-rules", () -> Map.of("corporatePercent", 30, "windowDays", 180,
                        "effectiveFrom", "2031-01-01"))
                .baseBody("POST /v1/staff/{staffId}/training-records", () -> Map.of("course", "财富管理入门",
                        "takenOn", "2026-10-12", "result", "PASSED"))
                .baseBody("POST /v1/campaigns", () -> Map.of("name", "春季贷款", "product", "PERSONAL_LOAN",
                        "target", Map.of("kind", "INDIVIDUAL", "consentChannels", List.of("SMS"), "excludeHolders", true),
                        "startsOn", "2031-03-01", "endsOn", "2031-05-31",
                        "budget", Map.of("amount", "1000.00", "currency", "CNY")))
                .baseBody("PUT /v1/campaigns/{id}/cost", () -> Map.of("actualCost",
                        Map.of("amount", "10.00", "currency", "CNY")));
    }
}
