package io.bankcrm.crosssell.messaging;

import io.bankcrm.crosssell.Api;
import io.bankcrm.crosssell.TestData;
import io.bankcrm.events.Topics;
import io.bankcrm.events.customer.CustomerEvents;
import io.bankcrm.events.segmentation.SegmentationEvents;
import io.bankcrm.platform.testing.CrmTestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.bankcrm.crosssell.Api.MANAGER;
import static io.bankcrm.crosssell.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The projections from crm.customer.v1 and crm.segmentation.v1 on the real broker, through the platform inbox. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class ConsumersTest {

    @Inject
    TestData data;

    @Test
    void registrationConsentAndTierDecideEligibility() {
        UUID customer = UUID.randomUUID();
        Api.deliver(Topics.CUSTOMER, CustomerEvents.REGISTERED.type(), customer,
                Api.registered(customer, "INDIVIDUAL", "SH-001"));
        Api.deliver(Topics.CUSTOMER, CustomerEvents.CONSENT_CHANGED.type(), customer,
                Api.consent(customer, "SMS", true, "2026-11-02T09:00:00Z"));
        Api.deliver(Topics.SEGMENTATION, SegmentationEvents.TIER_CHANGED.type(), customer,
                "{\"customerId\":\"" + customer + "\",\"oldTier\":null,\"newTier\":\"GOLD\",\"flags\":[],\"reasons\":[],"
                        + "\"policyId\":\"" + UUID.randomUUID() + "\",\"policyVersion\":1,\"runId\":\"" + UUID.randomUUID()
                        + "\",\"asOfMonth\":\"2026-10\",\"changedAt\":\"2026-11-03T00:00:00Z\"}");

        as(MANAGER).get("/v1/customers/" + customer + "/eligibility").then().statusCode(200)
                .body("find { it.product == 'PAYROLL_CARD' }.eligible", equalTo(true));
        assertEquals("GOLD", data.text("select tier from customer_fact where customer_id = ?", customer));
        assertEquals("SH-001", data.text("select home_branch from customer_fact where customer_id = ?", customer));

        // an older consent event arriving late changes nothing; a newer withdrawal does
        Api.deliver(Topics.CUSTOMER, CustomerEvents.CONSENT_CHANGED.type(), customer,
                Api.consent(customer, "SMS", false, "2026-11-01T09:00:00Z"));
        as(MANAGER).get("/v1/customers/" + customer + "/eligibility").then()
                .body("find { it.product == 'PAYROLL_CARD' }.eligible", equalTo(true));
        Api.deliver(Topics.CUSTOMER, CustomerEvents.CONSENT_CHANGED.type(), customer,
                Api.consent(customer, "SMS", false, "2026-11-04T09:00:00Z"));
        as(MANAGER).get("/v1/customers/" + customer + "/eligibility").then()
                .body("find { it.product == 'PAYROLL_CARD' }.refusals[0].reason", equalTo("NO_MARKETING_CONSENT"));
    }

    @Test
    void aClosedCustomerIsOfferedNothing() {
        UUID customer = UUID.randomUUID();
        Api.deliver(Topics.CUSTOMER, CustomerEvents.REGISTERED.type(), customer,
                Api.registered(customer, "INDIVIDUAL", "SH-001"));
        Api.deliver(Topics.CUSTOMER, CustomerEvents.STATUS_CHANGED.type(), customer,
                "{\"customerId\":\"" + customer + "\",\"kind\":\"INDIVIDUAL\",\"fromStatus\":\"ACTIVE\",\"toStatus\":\"CLOSED\","
                        + "\"reason\":\"left\",\"changedAt\":\"2026-11-02T00:00:00Z\"}");
        as(MANAGER).get("/v1/customers/" + customer + "/eligibility").then()
                .body("find { it.product == 'PAYROLL_CARD' }.refusals.reason", org.hamcrest.Matchers.hasItem("CUSTOMER_CLOSED"));
    }
}
