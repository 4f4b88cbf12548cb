package io.bankcrm.systemtests;

import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.identifiers.UnifiedSocialCreditCode;
import io.bankcrm.platform.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Flow 1 of the design across real processes (customer-service and crosssell-service jars, the real broker and
 * PostgreSQL): a known corporate's roster registers its employees once in customer-service and links them; the
 * right leads follow, none without marketing consent; the same roster again changes nothing; customer-service
 * stopped mid-roster makes the job wait and complete once it is back, nothing doubled; a conversion credits both
 * teams with shares that sum to the value; terminating the agreement expires its open leads.
 */
class CrosssellFlowIT {

    private static final String BRANCH = "SH-0" + ThreadLocalRandom.current().nextInt(100, 999);

    @Test
    void aPayrollRosterBecomesLinkedCustomersLeadsAndSplitCredit() throws Exception {
        Path token = Files.createTempFile("crosssell-service", ".token");
        Files.writeString(token, TestTokens.token("system:crosssell", "integration"));
        ServiceProcess customers = ServiceProcess.start("customer-service", "customer", Map.of());
        ServiceProcess crosssell = ServiceProcess.start("crosssell-service", "crosssell", Map.of(
                "CROSSSELL_CUSTOMER_SERVICE_URL", customers.baseUrl(),
                "CROSSSELL_CUSTOMER_SERVICE_TOKEN_FILE", token.toString(),
                "CROSSSELL_CUSTOMER_SERVICE_MAX_PAUSE", "2s"));
        try (crosssell) {
            String creditFirst17 = "91110108" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
            String employer = as(customers, "integration").body(Map.of("kind", "CORPORATE", "registeredName", "华夏精密制造有限公司",
                            "creditCode", creditFirst17 + UnifiedSocialCreditCode.checkCharacter(creditFirst17),
                            "homeBranch", BRANCH, "relationshipManager", "rm-corp"))
                    .post("/v1/customers").then().statusCode(201).extract().path("id");
            String corporateTeam = as(crosssell, "crm-admin").body(Map.of("name", "Corporate " + BRANCH, "kind", "CORPORATE",
                    "branch", BRANCH, "teamLead", "corp-lead")).post("/v1/teams").then().statusCode(201).extract().path("id");
            String retailTeam = as(crosssell, "crm-admin").body(Map.of("name", "Retail " + BRANCH, "kind", "RETAIL",
                    "branch", BRANCH, "teamLead", "retail-lead")).post("/v1/teams").then().statusCode(201).extract().path("id");
            as(crosssell, "crm-admin").body(Map.of("capacity", 1, "active", true))
                    .put("/v1/teams/" + retailTeam + "/members/rm-retail").then().statusCode(200);
            as(crosssell, "crm-admin").body(Map.of("corporatePercent", 30, "windowDays", 180, "effectiveFrom", "2020-01-01"))
                    .post("/v1/credit-rules").then().statusCode(201);

            // the corporate reaches crosssell by event: until then an agreement is refused (422)
            Map<String, Object> agreement = Map.of("corporateId", employer, "corporateTeamId", corporateTeam,
                    "relationshipManager", "rm-corp", "payrollAccount", "6222020200112233", "payDay", 10,
                    "expectedHeadcount", 40, "feePerPayment", Map.of("amount", "0.00", "currency", "CNY"));
            var created = await(() -> as(crosssell, "relationship-manager").body(agreement)
                    .post("/v1/payroll-agreements").then().extract(), r -> r.statusCode() == 201, "the corporate known to crosssell");
            String agreementId = created.path("id");
            as(crosssell, "relationship-manager").header("If-Match", created.header("ETag")).body(Map.of("status", "ACTIVE"))
                    .post("/v1/payroll-agreements/" + agreementId + "/status").then().statusCode(200);

            List<String> idNumbers = new ArrayList<>();
            StringBuilder csv = new StringBuilder("name,idNumber,mobile,position,officerRole,salaryBand\n");
            for (int i = 0; i < 4; i++) {
                String id = idNumber();
                idNumbers.add(id);
                csv.append("员工").append((char) ('甲' + i)).append(',').append(id).append(',').append(mobile()).append(',')
                        .append(i == 0 ? "财务总监,CFO,ABOVE_50K" : "工程师,,BAND_10K_20K").append('\n');
            }
            JsonPath first = roster(crosssell, agreementId, csv.toString(), false);
            assertEquals(4, first.getInt("summary.joiners"), first.prettify());
            List<String> members = as(crosssell, "relationship-manager").get("/v1/payroll-agreements/" + agreementId + "/members")
                    .then().statusCode(200).extract().path("items.customerId");
            assertEquals(4, new HashSet<>(members).size());
            for (String member : members) {
                List<String> types = as(customers, "relationship-manager").get("/v1/customers/" + member + "/relationships")
                        .then().statusCode(200).extract().path("items.type");
                assertTrue(types.contains("EMPLOYEE_OF"), member + ": " + types);
            }
            String officer = customerOf(customers, idNumbers.get(0));
            String withConsent = customerOf(customers, idNumbers.get(1));
            String withoutConsent = customerOf(customers, idNumbers.get(2));
            for (String c : List.of(officer, withConsent)) {
                as(customers, "relationship-manager").body(Map.of("granted", true, "source", "BRANCH_FORM"))
                        .put("/v1/customers/" + c + "/consents/MARKETING/SMS").then().statusCode(200);
            }
            await(() -> leads(crosssell, withConsent), l -> l.size() == 2, "payroll-card and loan leads for the consenting employee");
            await(() -> leads(crosssell, officer), l -> l.stream().anyMatch(x -> "WEALTH_MANAGEMENT".equals(x.get("product"))),
                    "a wealth lead for the officer");
            assertEquals(0, leads(crosssell, withoutConsent).size(), "no lead without marketing consent");

            // the same roster again changes nothing
            JsonPath again = roster(crosssell, agreementId, csv.toString(), false);
            assertEquals(0, again.getInt("summary.joiners"));
            assertEquals(4, again.getInt("summary.unchanged"));
            assertEquals(0, again.getInt("summary.calls"));

            // customer-service stops mid-roster: the job waits, then completes with nothing doubled
            StringBuilder bigger = new StringBuilder(csv);
            for (int i = 0; i < 20; i++) {
                bigger.append("新员工").append((char) ('甲' + i)).append(',').append(idNumber()).append(',').append(mobile())
                        .append(",职员,,BAND_5K_10K\n");
            }
            String location = RestAssured.given().baseUri(crosssell.baseUrl())
                    .header("Authorization", TestTokens.bearer("relationship-manager")).contentType("text/csv; charset=UTF-8")
                    .body(bigger.toString()).post("/v1/payroll-agreements/" + agreementId + "/rosters")
                    .then().statusCode(202).extract().header("Location");
            customers.kill();
            await(() -> as(crosssell, "relationship-manager").get(location).then().extract().jsonPath(),
                    r -> "waiting for customer-service".equals(r.getString("job.progress.phase")), "the job waiting");
            ServiceProcess back = customers.restart();
            try (back) {
                JsonPath third = await(() -> as(crosssell, "relationship-manager").get(location).then().extract().jsonPath(),
                        r -> "COMPLETED".equals(r.getString("job.status")), "the roster completed");
                assertEquals(20, third.getInt("summary.joiners"), third.prettify());
                List<String> all = as(crosssell, "relationship-manager").get("/v1/payroll-agreements/" + agreementId
                        + "/members?limit=200").then().extract().path("items.customerId");
                assertEquals(24, new HashSet<>(all).size());
                List<String> employees = as(back, "relationship-manager").get("/v1/customers/" + employer
                                + "/relationships?limit=200").then().statusCode(200).extract()
                        .path("items.findAll { it.type == 'EMPLOYEE_OF' }.customerId");
                assertEquals(24, employees.size(), "each employee linked once: " + employees);
                assertEquals(24, new HashSet<>(employees).size());

                // a conversion credits both teams, the shares summing to the value
                String loan = leads(crosssell, withConsent).stream().filter(l -> "PERSONAL_LOAN".equals(l.get("product")))
                        .map(l -> (String) l.get("id")).findFirst().orElseThrow();
                RequestSpecification rm = RestAssured.given().baseUri(crosssell.baseUrl()).contentType(ContentType.JSON)
                        .header("Authorization", "Bearer " + TestTokens.token("rm-retail", "relationship-manager"));
                String etag = rm.get("/v1/leads/" + loan).then().extract().header("ETag");
                for (String action : List.of("CONTACT", "QUALIFY")) {
                    etag = RestAssured.given().spec(rm).header("If-Match", etag).body(Map.of("action", action))
                            .post("/v1/leads/" + loan + "/status").then().statusCode(200).extract().header("ETag");
                }
                String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
                JsonPath converted = RestAssured.given().spec(rm).header("If-Match", etag)
                        .body(Map.of("value", Map.of("amount", "50000.01", "currency", "CNY"), "openedOn", today,
                                "reference", "LN-0001")).post("/v1/leads/" + loan + "/conversion").then().statusCode(200)
                        .extract().jsonPath();
                List<Map<String, Object>> lines = converted.getList("credit.lines");
                assertEquals(Set.of(corporateTeam, retailTeam), Set.of(lines.get(0).get("teamId"), lines.get(1).get("teamId")));
                BigDecimal sum = lines.stream().map(l -> new BigDecimal(((Map<?, ?>) l.get("value")).get("amount").toString()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(0, sum.compareTo(new BigDecimal("50000.01")), converted.prettify());

                // terminating the agreement expires its open leads
                String agreementTag = as(crosssell, "relationship-manager").get("/v1/payroll-agreements/" + agreementId)
                        .then().extract().header("ETag");
                as(crosssell, "relationship-manager").header("If-Match", agreementTag)
                        .body(Map.of("status", "TERMINATED", "reason", "payroll moved")).post("/v1/payroll-agreements/"
                                + agreementId + "/status").then().statusCode(200);
                List<String> statuses = as(crosssell, "relationship-manager").get("/v1/leads?agreementId=" + agreementId
                        + "&limit=200").then().extract().path("items.status");
                assertTrue(statuses.contains("CONVERTED") && statuses.contains("EXPIRED")
                        && statuses.stream().allMatch(s -> s.equals("CONVERTED") || s.equals("EXPIRED")), statuses.toString());
            }
        }
    }

    private static JsonPath roster(ServiceProcess crosssell, String agreement, String csv, boolean confirm) throws Exception {
        String location = RestAssured.given().baseUri(crosssell.baseUrl())
                .header("Authorization", TestTokens.bearer("relationship-manager")).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/v1/payroll-agreements/" + agreement + "/rosters" + (confirm ? "?confirmLeavers=true" : ""))
                .then().statusCode(202).extract().header("Location");
        JsonPath done = await(() -> as(crosssell, "relationship-manager").get(location).then().extract().jsonPath(),
                r -> List.of("COMPLETED", "FAILED").contains(r.getString("job.status")), "the roster job");
        assertEquals("COMPLETED", done.getString("job.status"), done.prettify());
        return done;
    }

    private static String customerOf(ServiceProcess customers, String idNumber) {
        return as(customers, "integration").body(Map.of("idNumber", idNumber)).post("/v1/customers/match")
                .then().statusCode(200).extract().path("[0].customer.id");
    }

    private static List<Map<String, Object>> leads(ServiceProcess crosssell, String customer) {
        return as(crosssell, "relationship-manager").get("/v1/leads?customerId=" + customer).then().statusCode(200)
                .extract().path("items");
    }

    private static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String idNumber() {
        String first17 = String.format("%06d", 110101 + ThreadLocalRandom.current().nextInt(5000))
                + (1970 + ThreadLocalRandom.current().nextInt(30)) + "0315"
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A user of the test's branch: a relationship manager may change only its own branch's customers. */
    private static RequestSpecification as(ServiceProcess service, String role) {
        return RestAssured.given().baseUri(service.baseUrl())
                .header("Authorization", "Bearer " + TestTokens.tokenAt("tester", BRANCH, role))
                .contentType(ContentType.JSON);
    }

    private static <T> T await(java.util.concurrent.Callable<T> read, Predicate<T> until, String what) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            T value = read.call();
            if (until.test(value)) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited in vain for " + what + ": " + value);
            }
            Thread.sleep(250);
        }
    }
}
