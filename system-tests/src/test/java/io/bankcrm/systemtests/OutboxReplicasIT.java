package io.bankcrm.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.events.CloudEventHeaders;
import io.bankcrm.events.Topics;
import io.bankcrm.platform.testing.KafkaProbe;
import io.bankcrm.platform.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two replicas of customer-service on one database, each running its outbox relay: changes to the same
 * customers made alternately through both reach Kafka complete and, per customer, in the order they were made.
 */
class OutboxReplicasIT {

    private static final int CUSTOMERS = 24;
    private static final int UPDATES = 5;

    @Test
    void twoRelaysSendEveryEventInOrderPerCustomer() throws Exception {
        CompletableFuture<ServiceProcess> secondStart = CompletableFuture.supplyAsync(
                () -> ServiceProcess.start("customer-service", "customer_replicas", Map.of()));
        ServiceProcess first = ServiceProcess.start("customer-service", "customer_replicas", Map.of());
        ServiceProcess second = secondStart.get();
        ObjectMapper json = new ObjectMapper();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (first; second; KafkaProbe probe = KafkaProbe.on(Topics.CUSTOMER)) {
            List<ServiceProcess> replicas = List.of(first, second);
            long run = System.nanoTime() % 100_000;
            List<Future<String>> made = new ArrayList<>();
            for (int c = 0; c < CUSTOMERS; c++) {
                int n = c;
                made.add(clients.submit(() -> changeOneCustomer(replicas, n, run)));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> f : made) {
                ids.add(f.get());
            }

            Map<String, List<Integer>> versionsByCustomer = new HashMap<>();
            Set<String> seenEventIds = new HashSet<>();
            probe.await(r -> {
                if (!ids.contains(r.key()) || !seenEventIds.add(KafkaProbe.header(r, CloudEventHeaders.ID))) {
                    return false; // another test's event, or an at-least-once redelivery
                }
                versionsByCustomer.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(version(json, r));
                return true;
            }, CUSTOMERS * (1 + UPDATES), Duration.ofSeconds(60));

            List<Integer> expected = new ArrayList<>();
            for (int v = 0; v <= UPDATES; v++) {
                expected.add(v);
            }
            for (String id : ids) {
                assertEquals(expected, versionsByCustomer.get(id), "events of customer " + id + " in order");
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** Registers a customer through one replica, then changes it through both in turn. */
    private static String changeOneCustomer(List<ServiceProcess> replicas, int n, long run) {
        String first17 = (300000 + run % 600_000) + "1988" + "02" + String.format("%02d", 1 + n) + "456";
        String id = RestAssured.given().baseUri(replicas.get(n % 2).baseUrl())
                .header("Authorization", TestTokens.bearer("integration")).contentType(ContentType.JSON)
                .body(Map.of("kind", "INDIVIDUAL", "fullName", "副本" + n,
                        "idNumber", first17 + ResidentIdNumber.checkCharacter(first17)))
                .post("/v1/customers").then().statusCode(201).extract().path("id");
        for (int v = 0; v < UPDATES; v++) {
            RestAssured.given().baseUri(replicas.get((n + v + 1) % 2).baseUrl())
                    .header("Authorization", TestTokens.bearer("integration"))
                    .contentType("application/merge-patch+json").header("If-Match", "\"" + v + "\"")
                    .body(Map.of("occupation", "job " + v)).patch("/v1/customers/" + id).then().statusCode(200);
        }
        return id;
    }

    /** registered is version 0; each update carries the version it produced. */
    private static int version(ObjectMapper json, ConsumerRecord<String, byte[]> record) {
        try {
            return "crm.customer.registered".equals(KafkaProbe.header(record, CloudEventHeaders.TYPE)) ? 0
                    : json.readTree(record.value()).get("version").asInt();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
