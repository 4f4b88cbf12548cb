package io.bankcrm.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.events.Topics;
import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.identifiers.UnifiedSocialCreditCode;
import io.bankcrm.platform.testing.KafkaProbe;
import io.bankcrm.platform.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * One trace across both services as real processes, tracing on (an OTLP endpoint configured): a roster posted in
 * a trace of the caller's becomes a roster job in that trace, whose call links the employee in customer-service,
 * whose relationship-linked event carries the trace over Kafka back to crosssell-service, whose lead-created event
 * is still in it. And neither service's log (JSON lines) holds the employee's ID number or mobile.
 */
class RosterTraceIT {

    private static final String BRANCH = "TR-0" + ThreadLocalRandom.current().nextInt(100, 999);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRosterAndTheLeadItMakesAreOneTrace() throws Exception {
        Path token = Files.createTempFile("crosssell-service", ".token");
        Files.writeString(token, TestTokens.token("system:crosssell", "integration"));
        // a collector that is not there: spans are recorded, their export fails quietly in the background
        Map<String, String> tracing = Map.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9");
        ServiceProcess customers = ServiceProcess.start("customer-service", "customer", tracing);
        ServiceProcess crosssell = ServiceProcess.start("crosssell-service", "crosssell", Map.of(
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9",
                "CROSSSELL_CUSTOMER_SERVICE_URL", customers.baseUrl(),
                "CROSSSELL_CUSTOMER_SERVICE_TOKEN_FILE", token.toString()));
        try (customers; crosssell) {
            String creditFirst17 = "91110108" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
            String employer = as(customers, "integration").body(Map.of("kind", "CORPORATE", "registeredName", "追踪精密有限公司",
                            "creditCode", creditFirst17 + UnifiedSocialCreditCode.checkCharacter(creditFirst17),
                            "homeBranch", BRANCH, "relationshipManager", "rm-corp"))
                    .post("/v1/customers").then().statusCode(201).extract().path("id");
            String team = as(crosssell, "crm-admin").body(Map.of("name", "Corporate " + BRANCH, "kind", "CORPORATE",
                    "branch", BRANCH, "teamLead", "corp-lead")).post("/v1/teams").then().statusCode(201).extract().path("id");
            // the employee is a customer already, with marketing consent, so linking them makes leads at once
            String first17 = String.format("%06d", 110101 + ThreadLocalRandom.current().nextInt(5000)) + "19880412"
                    + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
            String idNumber = first17 + ResidentIdNumber.checkCharacter(first17);
            String mobile = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            String employee = as(customers, "relationship-manager").body(Map.of("kind", "INDIVIDUAL",
                            "fullName", "赵追踪", "idType", "RESIDENT_ID", "idNumber", idNumber, "mobile", mobile,
                            "homeBranch", BRANCH, "relationshipManager", "rm-retail"))
                    .post("/v1/customers").then().statusCode(201).extract().path("id");
            as(customers, "relationship-manager").body(Map.of("granted", true, "source", "BRANCH_FORM"))
                    .put("/v1/customers/" + employee + "/consents/MARKETING/SMS").then().statusCode(200);

            Map<String, Object> agreement = Map.of("corporateId", employer, "corporateTeamId", team,
                    "relationshipManager", "rm-corp", "payrollAccount", "6222020200112299", "payDay", 10,
                    "expectedHeadcount", 5, "feePerPayment", Map.of("amount", "0.00", "currency", "CNY"));
            var created = await(() -> as(crosssell, "relationship-manager").body(agreement)
                    .post("/v1/payroll-agreements").then().extract(), r -> r.statusCode() == 201, "the corporate in crosssell");
            String agreementId = created.path("id");
            as(crosssell, "relationship-manager").header("If-Match", created.header("ETag")).body(Map.of("status", "ACTIVE"))
                    .post("/v1/payroll-agreements/" + agreementId + "/status").then().statusCode(200);
            KafkaProbe.awaitCaughtUp("crosssell-service", Topics.CUSTOMER, Duration.ofSeconds(60)); // the consent is known

            String traceId = HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16)
                    .putLong(ThreadLocalRandom.current().nextLong()).putLong(ThreadLocalRandom.current().nextLong()).array());
            try (KafkaProbe customerEvents = KafkaProbe.on(Topics.CUSTOMER);
                 KafkaProbe crosssellEvents = KafkaProbe.on(Topics.CROSSSELL)) {
                RestAssured.given().baseUri(crosssell.baseUrl())
                        .header("Authorization", "Bearer " + TestTokens.tokenAt("tester", BRANCH, "relationship-manager"))
                        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                        .contentType("text/csv; charset=UTF-8")
                        .body("name,idNumber,mobile,position,officerRole,salaryBand\n赵追踪," + idNumber + "," + mobile
                                + ",工程师,,BAND_10K_20K\n")
                        .post("/v1/payroll-agreements/" + agreementId + "/rosters").then().statusCode(202);

                ConsumerRecord<String, byte[]> linked = customerEvents.await(r -> employee.equals(r.key())
                        && "crm.customer.relationship-linked".equals(KafkaProbe.header(r, "ce_type")), 1,
                        Duration.ofSeconds(120)).get(0);
                assertEquals(traceId, traceIdOf(linked), "customer-service linked the employee in the roster's trace");
                ConsumerRecord<String, byte[]> lead = crosssellEvents.await(r ->
                        "crm.crosssell.lead-created".equals(KafkaProbe.header(r, "ce_type"))
                                && employee.equals(field(r, "customerId")), 1, Duration.ofSeconds(120)).get(0);
                assertEquals(traceId, traceIdOf(lead), "the lead was created in the roster's trace");
            }

            for (ServiceProcess service : List.of(customers, crosssell)) {
                for (String line : Files.readAllLines(service.log())) {
                    if (line.startsWith("{")) {
                        assertNotNull(JSON.readTree(line).get("message"), "a JSON log line: " + line);
                    }
                    assertFalse(line.contains(idNumber) || line.contains(mobile), "personal data logged: " + line);
                }
            }
        }
    }

    private static String traceIdOf(ConsumerRecord<String, byte[]> record) {
        String traceparent = KafkaProbe.header(record, "traceparent");
        assertNotNull(traceparent, "the event carries a traceparent header");
        return traceparent.split("-")[1];
    }

    private static String field(ConsumerRecord<String, byte[]> record, String name) {
        try {
            JsonNode node = JSON.readTree(record.value()).get(name);
            return node == null ? null : node.asText();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static RequestSpecification as(ServiceProcess service, String role) {
        return RestAssured.given().baseUri(service.baseUrl())
                .header("Authorization", "Bearer " + TestTokens.tokenAt("tester", BRANCH, role))
                .contentType(ContentType.JSON);
    }

    private static <T> T await(java.util.concurrent.Callable<T> read, java.util.function.Predicate<T> until, String what)
            throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        T value = read.call();
        while (!until.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited in vain for " + what + ": " + value);
            }
            Thread.sleep(250);
            value = read.call();
        }
        return value;
    }
}
