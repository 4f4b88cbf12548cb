package io.bankcrm.customer;

import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.Metrics;
import io.bankcrm.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operations metrics of customer-service at /q/metrics: registrations by kind, outbox backlog, consumer lag. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class CustomerMetricsTest {

    private static final String RM = "Bearer " + TestTokens.tokenAt("metrics-rm", CustomerMother.BRANCH,
            "relationship-manager");
    private static final Map<String, String> INDIVIDUAL = Map.of("kind", "INDIVIDUAL");

    @Test
    void aRegistrationIsCountedOnceAndARefusedOneNotAtAll() {
        Map<String, Object> person = CustomerMother.individual();
        double before = Metrics.scrape().value("crm_customers_registered_total", INDIVIDUAL);
        given().header("Authorization", RM).contentType(ContentType.JSON).body(person)
                .post("/v1/customers").then().statusCode(201);
        given().header("Authorization", RM).contentType(ContentType.JSON).body(person)
                .post("/v1/customers").then().statusCode(409);
        Instant deadline = Instant.now().plusSeconds(10);
        Metrics after = Metrics.scrape();
        while (after.value("crm_customers_registered_total", INDIVIDUAL) < before + 1
                && Instant.now().isBefore(deadline)) {
            after = Metrics.scrape();
        }
        assertEquals(before + 1, after.value("crm_customers_registered_total", INDIVIDUAL),
                "one registration counted, the duplicate not");
        assertTrue(after.has("crm_outbox_backlog"));
        assertTrue(after.value("crm_inbox_lag", Map.of("topic", "crm.segmentation.v1")) >= 0,
                "the lag of the tier-changed consumer is exported");
        assertTrue(after.has("crm_inbox_lag"));
        assertTrue(after.names().containsAll(Metrics.documentedFor("customer-service")),
                "every metric docs/OPERATIONS.md gives customer-service is exported: " + after.names());
    }
}
