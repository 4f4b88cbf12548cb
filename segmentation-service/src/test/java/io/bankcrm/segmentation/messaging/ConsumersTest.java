package io.bankcrm.segmentation.messaging;

import io.bankcrm.events.CloudEventHeaders;
import io.bankcrm.events.Topics;
import io.bankcrm.events.merchant.MerchantEvents;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.KafkaProbe;
import io.bankcrm.segmentation.Api;
import io.bankcrm.segmentation.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.bankcrm.segmentation.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Consumers on the real broker: customer registrations give customers their kind; card spending adds to the
 * cardholder's month, once per event even when it is delivered twice; refunds take it off the sale's month.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class ConsumersTest {

    private static final String GROUP = "segmentation-service";

    @Inject
    TestData data;

    @Test
    void aRegistrationRecordsTheCustomersKind() {
        UUID customer = UUID.randomUUID();
        RecordMetadata sent = send(Topics.CUSTOMER, "crm.customer.registered", UUID.randomUUID(), customer,
                "{\"customerId\":\"" + customer + "\",\"kind\":\"CORPORATE\",\"status\":\"ACTIVE\",\"displayName\":\"Acme\","
                        + "\"homeBranch\":\"SH-001\",\"relationshipManager\":\"rm-1\",\"sourceChannel\":\"BRANCH\","
                        + "\"registeredAt\":\"2026-10-01T08:00:00Z\"}");
        KafkaProbe.awaitConsumed(GROUP, sent, Duration.ofSeconds(30));
        assertEquals(1, data.count("select count(*) from customer where customer_id = ? and kind = 'CORPORATE'",
                customer));
    }

    @Test
    void cardSpendingAddsToTheMonthOncePerEvent() {
        UUID customer = UUID.randomUUID();
        Api.fact(customer, "2026-11", "10.00");
        UUID first = UUID.randomUUID();
        // 17:30 UTC on 31 October is already November in Shanghai, the bank's calendar
        send(Topics.MERCHANT, MerchantEvents.CARD_SPENDING_RECORDED.type(), first, customer,
                spending(customer, "120.50", "2026-10-31T17:30:00Z"));
        send(Topics.MERCHANT, MerchantEvents.CARD_SPENDING_RECORDED.type(), UUID.randomUUID(), customer,
                spending(customer, "79.50", "2026-11-02T09:00:00Z"));
        RecordMetadata redelivered = send(Topics.MERCHANT, MerchantEvents.CARD_SPENDING_RECORDED.type(), first,
                customer, spending(customer, "120.50", "2026-10-31T17:30:00Z"));
        KafkaProbe.awaitConsumed(GROUP, redelivered, Duration.ofSeconds(30));

        JsonPath november = as(Api.MANAGER).get("/v1/customers/" + customer + "/value-facts/2026-11").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(2, november.getInt("cardTransactionCount"));
        assertEquals("200.00", november.getString("cardTransactionAmount"));
        assertEquals(3, november.getInt("transactionCount"), "reported figures are kept apart");

        // a new report of the month replaces the reported figures and keeps the card spending
        Api.fact(customer, "2026-11", "12.00");
        JsonPath replaced = as(Api.MANAGER).get("/v1/customers/" + customer + "/value-facts/2026-11").then()
                .extract().jsonPath();
        assertEquals("12.00", replaced.getString("contribution"));
        assertEquals("200.00", replaced.getString("cardTransactionAmount"));
    }

    @Test
    void aRefundComesOffTheSalesMonthAndTheCountOnlyWhenTheSaleIsFullyRefunded() {
        UUID customer = UUID.randomUUID();
        UUID sale = UUID.randomUUID();
        Api.fact(customer, "2026-11", "10.00");
        // the sale is November's in Shanghai; its refunds, made in December, come off November
        KafkaProbe.awaitConsumed(GROUP, send(Topics.MERCHANT, MerchantEvents.CARD_SPENDING_RECORDED.type(),
                UUID.randomUUID(), customer, spending(customer, sale, "200.00", "2026-10-31T17:30:00Z")),
                Duration.ofSeconds(30));
        java.math.BigDecimal volume = volume(customer);
        UUID partial = UUID.randomUUID();
        send(Topics.MERCHANT, MerchantEvents.CARD_REFUND_RECORDED.type(), partial, customer,
                refund(customer, sale, "50.00", false));
        RecordMetadata redelivered = send(Topics.MERCHANT, MerchantEvents.CARD_REFUND_RECORDED.type(), partial,
                customer, refund(customer, sale, "50.00", false));
        KafkaProbe.awaitConsumed(GROUP, redelivered, Duration.ofSeconds(30));
        JsonPath november = as(Api.MANAGER).get("/v1/customers/" + customer + "/value-facts/2026-11").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("150.00", november.getString("cardTransactionAmount"));
        assertEquals(1, november.getInt("cardTransactionCount"), "a partial refund leaves the sale counted");

        RecordMetadata last = send(Topics.MERCHANT, MerchantEvents.CARD_REFUND_RECORDED.type(), UUID.randomUUID(),
                customer, refund(customer, sale, "150.00", true));
        KafkaProbe.awaitConsumed(GROUP, last, Duration.ofSeconds(30));
        november = as(Api.MANAGER).get("/v1/customers/" + customer + "/value-facts/2026-11").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("0.00", november.getString("cardTransactionAmount"));
        assertEquals(0, november.getInt("cardTransactionCount"));
        assertEquals(0, volume.subtract(new java.math.BigDecimal("200.00")).compareTo(volume(customer)),
                "the window figures were refreshed by the same path");
    }

    @Test
    void aRefundOfSpendingTheseFactsNeverHadIsDeadLetteredNotClamped() {
        UUID customer = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        try (KafkaProbe dlq = KafkaProbe.on(Topics.deadLetter(Topics.MERCHANT))) {
            send(Topics.MERCHANT, MerchantEvents.CARD_REFUND_RECORDED.type(), event, customer,
                    refund(customer, UUID.randomUUID(), "10.00", true));
            dlq.await(r -> event.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID)), 1,
                    Duration.ofSeconds(60));
        }
        assertEquals(0, data.count("select count(*) from value_fact where customer_id = ?", customer));
    }

    private java.math.BigDecimal volume(UUID customer) {
        return (java.math.BigDecimal) data.query("select volume_total from customer_window_figures where customer_id = ?",
                customer).get(0)[0];
    }

    private static String refund(UUID customer, UUID sale, String amount, boolean full) {
        return "{\"refundId\":\"" + UUID.randomUUID() + "\",\"transactionId\":\"" + sale + "\",\"customerId\":\""
                + customer + "\",\"merchantId\":\"" + UUID.randomUUID() + "\",\"mcc\":\"5411\",\"amount\":" + amount
                + ",\"currency\":\"CNY\",\"originalOccurredAt\":\"2026-10-31T17:30:00Z\","
                + "\"refundedAt\":\"2026-12-01T03:00:00Z\",\"fullyRefunded\":" + full + "}";
    }

    private static String spending(UUID customer, UUID transaction, String amount, String at) {
        return "{\"transactionId\":\"" + transaction + "\",\"customerId\":\"" + customer
                + "\",\"merchantId\":\"" + UUID.randomUUID() + "\",\"amount\":" + amount
                + ",\"currency\":\"CNY\",\"occurredAt\":\"" + at + "\"}";
    }

    private static String spending(UUID customer, String amount, String at) {
        return "{\"transactionId\":\"" + UUID.randomUUID() + "\",\"customerId\":\"" + customer
                + "\",\"merchantId\":\"" + UUID.randomUUID() + "\",\"amount\":" + amount
                + ",\"currency\":\"CNY\",\"occurredAt\":\"" + at + "\"}";
    }

    private static RecordMetadata send(String topic, String type, UUID eventId, UUID key, String json) {
        return KafkaProbe.send(topic, key.toString(), Map.of(
                CloudEventHeaders.ID, eventId.toString(),
                CloudEventHeaders.TYPE, type,
                CloudEventHeaders.SOURCE, "/crm/test",
                CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.TIME, "2026-11-01T00:00:00Z"), json);
    }
}
