package io.bankcrm.systemtests;

import io.bankcrm.events.CloudEventHeaders;
import io.bankcrm.events.Topics;
import io.bankcrm.events.merchant.MerchantEvents;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.KafkaProbe;
import io.bankcrm.platform.testing.TestTokens;
import io.restassured.RestAssured;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, failure tests: a consumer killed with SIGKILL mid-stream of 10,000 events applies every event exactly
 * once. 10,000 card-spending events for 40 cardholders (250 each, amounts of 0.01 to 0.09) go to
 * {@code crm.merchant.v1} as merchant-service's relay sends them (CloudEvents headers, key = cardholder), plus 200
 * redeliveries of events already sent (same ce_id). segmentation-service, the consumer, is killed once it has
 * applied a few hundred, and started again: once its group has consumed the topic, each cardholder's month holds
 * exactly 250 card transactions and exactly the sum of their amounts — an event applied twice (the batch in flight
 * at the kill, redelivered) or lost would change both.
 */
class ConsumerKillIT {

    private static final int CARDHOLDERS = 40;
    private static final int EVENTS = 10_000;
    private static final int REDELIVERED = 200;
    private static final String GROUP = "segmentation-service";
    private static final Instant OCCURRED = Instant.parse("2026-09-15T04:00:00Z"); // September in Asia/Shanghai

    @Test
    void everyEventAppliedExactlyOnceAcrossAKill() throws Exception {
        ServiceProcess segmentation = ServiceProcess.start("segmentation-service", "consumer_kill", Map.of());
        try {
            KafkaProbe.awaitCaughtUp(GROUP, Topics.MERCHANT, Duration.ofSeconds(120));
            List<UUID> cardholders = new ArrayList<>();
            for (int i = 0; i < CARDHOLDERS; i++) {
                cardholders.add(UUID.randomUUID());
            }
            BigDecimal[] expected = new BigDecimal[CARDHOLDERS];
            java.util.Arrays.fill(expected, BigDecimal.ZERO);
            List<ProducerRecord<String, String>> sent = new ArrayList<>();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, CrmTestStack.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20),
                    new StringSerializer(), new StringSerializer())) {
                for (int n = 0; n < EVENTS; n++) {
                    int holder = n % CARDHOLDERS;
                    BigDecimal amount = new BigDecimal("0.0" + (1 + n % 9));
                    expected[holder] = expected[holder].add(amount);
                    ProducerRecord<String, String> record = event(cardholders.get(holder), amount);
                    sent.add(record);
                    producer.send(record);
                }
                for (int r = 0; r < REDELIVERED; r++) {
                    producer.send(sent.get(r * (EVENTS / REDELIVERED)));
                }
                producer.flush();
            }

            double applied = awaitApplied(segmentation, 300);
            segmentation.kill();
            assertTrue(applied < EVENTS, "all events were applied before the kill (" + applied + "): raise EVENTS");
            segmentation = segmentation.restart();

            KafkaProbe.awaitCaughtUp(GROUP, Topics.MERCHANT, Duration.ofSeconds(600));
            for (int i = 0; i < CARDHOLDERS; i++) {
                Map<String, Object> month = RestAssured.given().baseUri(segmentation.baseUrl())
                        .header("Authorization", TestTokens.bearer("integration"))
                        .get("/v1/customers/" + cardholders.get(i) + "/value-facts/2026-09")
                        .then().statusCode(200).extract().path("");
                assertEquals(EVENTS / CARDHOLDERS, ((Number) month.get("cardTransactionCount")).intValue(),
                        "card transactions of cardholder " + i);
                assertEquals(0, expected[i].compareTo(new BigDecimal(month.get("cardTransactionAmount").toString())),
                        "card spending of cardholder " + i + ": " + month.get("cardTransactionAmount") + ", expected "
                                + expected[i]);
            }
        } finally {
            segmentation.close();
        }
    }

    private static ProducerRecord<String, String> event(UUID cardholder, BigDecimal amount) {
        UUID id = UUID.randomUUID();
        String value = "{\"transactionId\":\"" + UUID.randomUUID() + "\",\"customerId\":\"" + cardholder
                + "\",\"merchantId\":\"" + UUID.randomUUID() + "\",\"amount\":" + amount.toPlainString()
                + ",\"currency\":\"CNY\",\"occurredAt\":\"" + OCCURRED + "\",\"mcc\":\"5411\"}";
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.MERCHANT, cardholder.toString(), value);
        header(record, CloudEventHeaders.ID, id.toString());
        header(record, CloudEventHeaders.TYPE, MerchantEvents.CARD_SPENDING_RECORDED.type());
        header(record, CloudEventHeaders.SOURCE, "/crm/merchant-service");
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.TIME, OCCURRED.toString());
        header(record, CloudEventHeaders.SUBJECT, cardholder.toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits until the service has applied at least {@code atLeast} of the events; returns how many it had. */
    private static double awaitApplied(ServiceProcess service, int atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(180);
        while (true) {
            double applied = service.metric("crm_inbox_applied_total",
                    Map.of("type", MerchantEvents.CARD_SPENDING_RECORDED.type()));
            if (applied >= atLeast) {
                return applied;
            }
            assertTrue(Instant.now().isBefore(deadline), "the consumer applied only " + applied + " events");
            Thread.sleep(50);
        }
    }
}
