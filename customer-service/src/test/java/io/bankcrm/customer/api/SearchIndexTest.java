package io.bankcrm.customer.api;

import io.bankcrm.customer.CustomerMother;
import io.bankcrm.platform.testing.CrmTestStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.bankcrm.customer.api.CustomerResourceTest.as;
import static io.bankcrm.customer.api.CustomerResourceTest.register;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every customer search path is served by an index: the SQL each search really sends is planned by the real
 * PostgreSQL with sequential scans disabled, and must not fall back to scanning the customer table.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class SearchIndexTest {

    @Inject
    EntityManager em;

    private Map<String, Object> customer;

    @BeforeEach
    void oneCustomer() {
        customer = CustomerMother.individual();
        register(customer);
    }

    @Test
    void everySearchFilterUsesAnIndex() {
        assertIndexed("name prefix", () -> as("relationship-manager").queryParam("namePrefix", "张").get("/v1/customers"));
        assertIndexed("phone", () -> as("relationship-manager").body(Map.of("phone", customer.get("mobile")))
                .post("/v1/customers/search"));
        assertIndexed("ID number", () -> as("relationship-manager").body(Map.of("idNumber", customer.get("idNumber")))
                .post("/v1/customers/search"));
        assertIndexed("kind", () -> as("relationship-manager").queryParam("kind", "CORPORATE").get("/v1/customers"));
        assertIndexed("status", () -> as("relationship-manager").queryParam("status", "DORMANT").get("/v1/customers"));
        assertIndexed("tier", () -> as("relationship-manager").queryParam("tier", "GOLD").get("/v1/customers"));
        assertIndexed("branch", () -> as("relationship-manager").queryParam("branch", "BJ001").get("/v1/customers"));
        assertIndexed("manager", () -> as("relationship-manager").queryParam("manager", "rm-li").get("/v1/customers"));
        assertIndexed("everyone, by id", () -> as("relationship-manager").get("/v1/customers"));
        assertIndexed("incomplete by branch", () -> as("team-lead").queryParam("branch", "BJ001")
                .queryParam("below", 80).get("/v1/customers/incomplete"));
        assertIndexed("incomplete by manager", () -> as("team-lead").queryParam("manager", "rm-li")
                .queryParam("below", 80).get("/v1/customers/incomplete"));
        assertIndexed("match by name and birth date", () -> as("integration")
                .body(Map.of("name", customer.get("fullName"), "dateOfBirth", "1985-03-01")).post("/v1/customers/match"));
    }

    private void assertIndexed(String path, Supplier<io.restassured.response.Response> search) {
        SqlCapture.clear();
        search.get().then().statusCode(200);
        List<String> selects = SqlCapture.statements().stream()
                .filter(sql -> sql.startsWith("select") && sql.contains(" from customer "))
                .toList();
        assertFalse(selects.isEmpty(), path + ": no customer query captured");
        for (String sql : selects) {
            String plan = plan(sql);
            assertFalse(plan.contains("Seq Scan on customer"), path + " scans the table:\n" + sql + "\n" + plan);
            assertTrue(plan.contains("Index"), path + " uses no index:\n" + plan);
        }
    }

    /** The generic plan of a parameterised statement (independent of values), with sequential scans priced out. */
    private String plan(String sql) {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        String arguments = n == 0 ? "" : "(" + String.join(", ", java.util.Collections.nCopies(n, "null")) + ")";
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            em.createNativeQuery("set local plan_cache_mode = force_generic_plan").executeUpdate();
            em.createNativeQuery("prepare search_plan as " + numbered).executeUpdate();
            try {
                @SuppressWarnings("unchecked")
                List<Object> lines = em.createNativeQuery("explain execute search_plan" + arguments)
                        .getResultList();
                return String.join("\n", lines.stream().map(Object::toString).toList());
            } finally {
                em.createNativeQuery("deallocate search_plan").executeUpdate();
            }
        });
    }
}
