package io.bankcrm.customer.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.customer.CustomerMother;
import io.bankcrm.events.CloudEventHeaders;
import io.bankcrm.events.Topics;
import io.bankcrm.events.customer.CustomerEvents;
import io.bankcrm.events.customer.CustomerRegistered;
import io.bankcrm.platform.outbox.Outbox;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.KafkaProbe;
import io.bankcrm.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transactional outbox against the real PostgreSQL and the real Kafka broker, including a broker outage. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class CustomerEventPublishingTest {

    private static final String RM = "Bearer "
            + TestTokens.tokenAt("tester", CustomerMother.BRANCH, "relationship-manager");

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Test
    void anEventReachesTheTopicOnlyAfterItsTransactionCommits() throws Exception {
        UUID id = UUID.randomUUID();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (KafkaProbe probe = KafkaProbe.on(Topics.CUSTOMER)) {
            CompletableFuture<Void> tx = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
                outbox.publish(CustomerEvents.REGISTERED, id, registered(id));
                written.countDown();
                await(commit);
            }));
            assertTrue(written.await(10, TimeUnit.SECONDS));
            assertTrue(probe.collect(r -> id.toString().equals(r.key()), Duration.ofMillis(2500)).isEmpty(),
                    "nothing may be published while the transaction is open");
            commit.countDown();
            tx.get(10, TimeUnit.SECONDS);
            ConsumerRecord<String, byte[]> record = probe.await(r -> id.toString().equals(r.key()), 1,
                    Duration.ofSeconds(20)).get(0);
            assertEquals("crm.customer.registered", KafkaProbe.header(record, CloudEventHeaders.TYPE));
            assertEquals("/crm/customer-service", KafkaProbe.header(record, CloudEventHeaders.SOURCE));
            assertEquals("1.0", KafkaProbe.header(record, CloudEventHeaders.SPEC_VERSION));
            assertEquals(id.toString(), KafkaProbe.header(record, CloudEventHeaders.SUBJECT));
            UUID.fromString(KafkaProbe.header(record, CloudEventHeaders.ID));
            Instant.parse(KafkaProbe.header(record, CloudEventHeaders.TIME));
            assertEquals(id.toString(), mapper.readTree(record.value()).get("customerId").asText());
        }
    }

    @Test
    void aRolledBackEventIsNeverPublished() {
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on(Topics.CUSTOMER)) {
            assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                outbox.publish(CustomerEvents.REGISTERED, rolledBack, registered(rolledBack));
                throw new IllegalStateException("the business change failed");
            }));
            QuarkusTransaction.requiringNew().run(() ->
                    outbox.publish(CustomerEvents.REGISTERED, committed, registered(committed)));
            probe.await(r -> committed.toString().equals(r.key()), 1, Duration.ofSeconds(20));
            assertTrue(probe.collect(r -> rolledBack.toString().equals(r.key()), Duration.ofSeconds(2)).isEmpty());
        }
    }

    @Test
    void setBasedPublishingKeepsAnAggregateInItsShardAndOrder() throws Exception {
        UUID id = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on(Topics.CUSTOMER)) {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.publish(CustomerEvents.REGISTERED, id, registered(id));
                outbox.publishEach(CustomerEvents.STATUS_CHANGED, """
                        select cast(:id as text), jsonb_build_object('customerId', cast(:id as text), 'kind', 'INDIVIDUAL',
                               'fromStatus', s.f, 'toStatus', s.t, 'reason', null, 'changedAt', now())
                        from (values (1, 'PROSPECT', 'ACTIVE'), (2, 'ACTIVE', 'DORMANT')) as s(n, f, t) order by s.n""",
                        Map.of("id", id.toString()));
            });
            long shards = QuarkusTransaction.requiringNew().call(() -> ((Number) outboxEntityManager()
                    .createNativeQuery("select count(distinct shard) from outbox_event where aggregate_id = ?1")
                    .setParameter(1, id.toString()).getSingleResult()).longValue());
            assertEquals(1, shards, "both ways of publishing put an aggregate in the same shard");
            List<ConsumerRecord<String, byte[]>> events = probe.await(r -> id.toString().equals(r.key()), 3,
                    Duration.ofSeconds(20));
            assertEquals(List.of("crm.customer.registered", "crm.customer.status-changed", "crm.customer.status-changed"),
                    events.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.TYPE)).toList());
            assertEquals("DORMANT", mapper.readTree(events.get(2).value()).get("toStatus").asText());
        }
    }

    @Inject
    jakarta.persistence.EntityManager em;

    private jakarta.persistence.EntityManager outboxEntityManager() {
        return em;
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArriveInOrderOnceItIsBack() throws Exception {
        Assumptions.assumeTrue(CrmTestStack.kafkaControllable(), "Kafka is external");
        try (KafkaProbe probe = KafkaProbe.on(Topics.CUSTOMER)) {
            String id = given().header("Authorization", RM)
                    .contentType(ContentType.JSON).body(CustomerMother.individual())
                    .post("/v1/customers").then().statusCode(201).extract().path("id");
            probe.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
            CrmTestStack.stopKafka();
            try {
                for (int version = 0; version < 3; version++) {
                    given().header("Authorization", RM)
                            .contentType("application/merge-patch+json").header("If-Match", "\"" + version + "\"")
                            .body(Map.of("occupation", "Job " + version))
                            .patch("/v1/customers/" + id).then().statusCode(200);
                }
                given().header("Authorization", RM)
                        .contentType(ContentType.JSON).header("If-Match", "\"3\"").body(Map.of("status", "ACTIVE"))
                        .post("/v1/customers/" + id + "/status").then().statusCode(200);
                int unsent = given().get("/q/health/ready").then().statusCode(200)
                        .extract().path("checks.find { it.name == 'outbox' }.data.unsent");
                assertTrue(unsent >= 4, "the outbox holds what Kafka could not take, got " + unsent);
            } finally {
                CrmTestStack.restartKafka();
            }
            List<ConsumerRecord<String, byte[]>> events = probe.await(r -> id.equals(r.key()), 5,
                    Duration.ofSeconds(60));
            List<String> types = events.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.TYPE)).toList();
            assertEquals(List.of("crm.customer.registered", "crm.customer.updated", "crm.customer.updated",
                    "crm.customer.updated", "crm.customer.status-changed"), types.subList(0, 5));
            for (int i = 1; i <= 3; i++) {
                JsonNode data = mapper.readTree(events.get(i).value());
                assertEquals(i, data.get("version").asInt(), "updates arrive in the order they were made");
            }
        }
    }

    private static CustomerRegistered registered(UUID id) {
        return new CustomerRegistered(id, "INDIVIDUAL", "PROSPECT", "测试", "BJ001", "rm", "TEST", Instant.now());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
