package io.bankcrm.systemtests;

import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.platform.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10: no service process of a system-test run logs a personal data value or a card number. Runs after every
 * other IT (its own failsafe execution, system-tests/pom.xml). It first sends what is most likely to end in a log
 * on its own — refusals of bad ID numbers and of malformed JSON carrying one, a duplicate, searches by phone and ID
 * number (in the body, and refused in the query), an import with a bad row, full card numbers in a card
 * transaction's body and query — then
 * reads the log of every service process the run started ({@code target/system-tests/*.log}, JSON lines) and
 * looks for every ID number, mobile number and PAN any IT sent ({@link PersonalValues}), and for any valid
 * resident ID number at all.
 */
class PersonalDataInLogsIT {

    private static final String BRANCH = "BJ-LOG-01";

    @Test
    void noServiceLogHoldsAnIdNumberPhoneOrCardNumber() throws Exception {
        try (ServiceProcess customers = ServiceProcess.start("customer-service", "logs_customer", Map.of());
             ServiceProcess merchants = ServiceProcess.start("merchant-service", "logs_merchant", Map.of())) {
            String rm = "Bearer " + TestTokens.tokenAt("log-rm", BRANCH, "relationship-manager", "pii-reader");
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("kind", "INDIVIDUAL");
            person.put("fullName", "孙日志");
            person.put("idType", "RESIDENT_ID");
            person.put("idNumber", idNumber());
            person.put("mobile", mobile());
            person.put("homeBranch", BRANCH);
            String id = json(customers, rm).body(person).post("/v1/customers").then().statusCode(201)
                    .extract().path("id");
            json(customers, rm).body(person).post("/v1/customers").then().statusCode(409);

            String valid = (String) person.get("idNumber");
            String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
            Map<String, Object> refused = new LinkedHashMap<>(person);
            refused.put("idNumber", wrongCheck);
            refused.put("mobile", mobile());
            PersonalValues.record(wrongCheck);
            json(customers, rm).body(refused).post("/v1/customers").then().statusCode(400);
            json(customers, rm).body("{\"kind\":\"INDIVIDUAL\",\"idNumber\":\"" + idNumber() + "\",")
                    .post("/v1/customers").then().statusCode(400);

            json(customers, rm).body(Map.of("idType", "RESIDENT_ID", "idNumber", valid))
                    .post("/v1/customers/match").then().statusCode(200);
            json(customers, rm).body(Map.of("phone", person.get("mobile"))).post("/v1/customers/search")
                    .then().statusCode(200);
            json(customers, rm).body(Map.of("idType", "RESIDENT_ID", "idNumber", valid)).post("/v1/customers/search")
                    .then().statusCode(200);
            // in a URL they are refused (they belong in the body of POST …/search): the refusal must not log them
            RestAssured.given().baseUri(customers.baseUrl()).header("Authorization", rm)
                    .queryParam("phone", person.get("mobile")).get("/v1/customers").then().statusCode(400);
            RestAssured.given().baseUri(customers.baseUrl()).header("Authorization", rm)
                    .queryParam("idNumber", valid).get("/v1/customers").then().statusCode(400);
            String etag = RestAssured.given().baseUri(customers.baseUrl()).header("Authorization", rm)
                    .get("/v1/customers/" + id).then().statusCode(200).extract().header("ETag");
            RestAssured.given().baseUri(customers.baseUrl()).header("Authorization", rm)
                    .contentType("application/merge-patch+json").header("If-Match", etag)
                    .body(Map.of("mobile", mobile())).patch("/v1/customers/" + id).then().statusCode(200);

            String admin = TestTokens.bearer("crm-admin");
            String csv = "kind,fullName,idNumber,mobile,homeBranch\n"
                    + "INDIVIDUAL,钱多多," + idNumber() + "," + mobile() + "," + BRANCH + "\n"
                    + "INDIVIDUAL,钱少少," + wrongCheck + "," + mobile() + "," + BRANCH + "\n";
            String job = RestAssured.given().baseUri(customers.baseUrl()).header("Authorization", admin)
                    .contentType("text/csv").body(csv).post("/v1/customer-imports").then().statusCode(202)
                    .extract().path("id");
            awaitFinished(customers, admin, job);

            String pan = pan();
            Map<String, Object> sale = new LinkedHashMap<>();
            sale.put("switchReference", "SW" + ThreadLocalRandom.current().nextInt(1_000_000) + "LOG");
            sale.put("cardToken", pan);
            sale.put("cardLastFour", pan.substring(12));
            sale.put("amount", "10.00");
            json(merchants, TestTokens.bearer("integration")).body(sale).post("/v1/card-transactions")
                    .then().statusCode(400);
            json(merchants, TestTokens.bearer("integration")).queryParam("card", pan()).body(Map.of())
                    .post("/v1/card-transactions").then().statusCode(400);
        }

        Set<String> values = PersonalValues.all();
        List<Path> logs = logs();
        assertTrue(logs.size() >= 2, "the service logs of the run are missing: " + logs);
        assertTrue(values.size() >= 8, "too few personal values recorded to scan for: " + values);
        int lengths = values.stream().mapToInt(String::length).max().orElse(0);
        List<String> found = new ArrayList<>();
        for (Path log : logs) {
            int number = 0;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                number++;
                for (String value : valuesIn(line, values, lengths)) {
                    found.add(log.getFileName() + ":" + number + " holds " + value + ": " + line);
                }
                for (String candidate : PersonalValues.find(line)) {
                    if (candidate.length() == ResidentIdNumber.LENGTH && !values.contains(candidate)) {
                        found.add(log.getFileName() + ":" + number + " holds a resident ID number: " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), found, "personal data in the services' logs");
    }

    /** Every recorded value found in {@code line}, by each digit run's substrings of a value's length. */
    private static List<String> valuesIn(String line, Set<String> values, int longest) {
        List<String> hits = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            if (!Character.isDigit(line.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < line.length() && (Character.isDigit(line.charAt(end)) || line.charAt(end) == 'X')) {
                end++;
            }
            for (int from = i; from < end; from++) {
                for (int to = from + 11; to <= Math.min(end, from + longest); to++) {
                    String run = line.substring(from, to);
                    if (values.contains(run)) {
                        hits.add(run);
                    }
                }
            }
            i = end;
        }
        return hits;
    }

    private static List<Path> logs() throws IOException {
        try (Stream<Path> files = Files.list(PersonalValues.DIR)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        }
    }

    private static void awaitFinished(ServiceProcess service, String admin, String job) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            String status = RestAssured.given().baseUri(service.baseUrl()).header("Authorization", admin)
                    .get("/v1/customer-imports/" + job).then().statusCode(200).extract().path("status");
            if ("COMPLETED".equals(status) || "FAILED".equals(status)) {
                assertEquals("COMPLETED", status, "import " + job);
                return;
            }
            assertFalse(Instant.now().isAfter(deadline), "import " + job + " did not finish: " + status);
            Thread.sleep(250);
        }
    }

    private static RequestSpecification json(ServiceProcess service, String authorization) {
        return RestAssured.given().baseUri(service.baseUrl()).header("Authorization", authorization)
                .contentType(ContentType.JSON);
    }

    private static String idNumber() {
        String first17 = "310104" + "1979" + String.format("%02d", 1 + ThreadLocalRandom.current().nextInt(12))
                + String.format("%02d", 1 + ThreadLocalRandom.current().nextInt(28))
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private static String mobile() {
        return "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A 16-digit card number that passes the Luhn check. */
    private static String pan() {
        StringBuilder digits = new StringBuilder("622588");
        while (digits.length() < 15) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            if (PersonalValues.luhn(digits.toString() + check)) {
                return digits.append(check).toString();
            }
        }
        throw new IllegalStateException("no Luhn check digit");
    }
}
