package io.bankcrm.crosssell.lead;

import io.bankcrm.crosssell.Api;
import io.bankcrm.crosssell.TestData;
import io.bankcrm.events.Topics;
import io.bankcrm.events.customer.CustomerEvents;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.Metrics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.bankcrm.crosssell.Api.ADMIN;
import static io.bankcrm.crosssell.Api.MANAGER;
import static io.bankcrm.crosssell.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A conversion on the real database: the credit split between the corporate team that signed the employer and
 * the retail team that converted, by the rule version in force (frozen on the record), shares summing exactly to
 * the value, and the scoreboard counting the conversion once.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class ConversionTest {

    @Inject
    TestData data;

    private static final Map<String, String> LOAN = Map.of("product", "PERSONAL_LOAN");

    @Test
    void aConversionCreditsBothTeamsWithSharesThatSumToTheValue() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String branch = "C" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        String retailLead = "lead-" + branch;
        UUID retail = data.retailTeam(branch, retailLead, "hua-" + branch, 1);
        String corporateTeam = as(ADMIN).body(Map.of("name", "Corporate " + branch, "kind", "CORPORATE", "branch", branch,
                "teamLead", "corp-lead-" + branch)).post("/v1/teams").then().statusCode(201).extract().path("id");
        // versions are global: this test's rule takes effect on a day of its own, before today
        LocalDate effective = today.minusDays(1000 + Math.abs(branch.hashCode() % 1000));
        as(ADMIN).body(Map.of("corporatePercent", 30, "windowDays", 3650, "effectiveFrom", effective.toString()))
                .post("/v1/credit-rules").then().statusCode(201);

        UUID employer = data.corporate(branch);
        Map<String, Object> body = Api.payrollAgreement(employer);
        body.put("corporateTeamId", corporateTeam);
        var created = as(MANAGER).body(body).post("/v1/payroll-agreements").then().statusCode(201).extract();
        String agreement = created.path("id");
        as(MANAGER).header("If-Match", created.header("ETag")).body(Map.of("status", "ACTIVE"))
                .post("/v1/payroll-agreements/" + agreement + "/status").then().statusCode(200);
        UUID employee = data.individual(branch, "GOLD", "SMS");
        data.rosterMember(UUID.fromString(agreement), employee, "BAND_10K_20K", null);
        Metrics before = Metrics.scrape();
        Api.deliver(Topics.CUSTOMER, CustomerEvents.RELATIONSHIP_LINKED.type(), employee,
                "{\"relationshipId\":\"" + UUID.randomUUID() + "\",\"customerId\":\"" + employee + "\",\"relatedCustomerId\":\""
                        + employer + "\",\"type\":\"EMPLOYEE_OF\",\"office\":null,\"validFrom\":\"" + today.minusDays(10)
                        + "\",\"validTo\":null}");
        String lead = as(MANAGER).get("/v1/leads?customerId=" + employee + "&product=PERSONAL_LOAN").then()
                .extract().path("items[0].id");

        String converter = "Bearer " + io.bankcrm.platform.testing.TestTokens.token("hua-" + branch, "relationship-manager");
        String etag = as(converter).get("/v1/leads/" + lead).then().extract().header("ETag");
        for (String action : List.of("CONTACT", "QUALIFY")) {
            etag = as(converter).header("If-Match", etag).body(Map.of("action", action))
                    .post("/v1/leads/" + lead + "/status").then().statusCode(200).extract().header("ETag");
        }
        Map<String, Object> conversion = Map.of("value", Map.of("amount", "1000.01", "currency", "CNY"),
                "openedOn", today.toString(), "reference", "LN-2026-000123");
        JsonPath converted = as(converter).header("If-Match", etag).body(conversion)
                .post("/v1/leads/" + lead + "/conversion").then().statusCode(200).extract().jsonPath();
        assertEquals("CONVERTED", converted.getString("lead.status"));
        Metrics after = Metrics.scrape();
        assertEquals(before.value("crm_leads_converted_total", LOAN) + 1, after.value("crm_leads_converted_total", LOAN));
        assertTrue(after.value("crm_leads_created_total", LOAN) >= before.value("crm_leads_created_total", LOAN) + 1,
                "the lead the link made is counted as created");
        List<Map<String, Object>> lines = converted.getList("credit.lines");
        assertEquals(2, lines.size(), converted.prettify());
        assertEquals(new BigDecimal("300.00"), new BigDecimal(converted.getString("credit.lines.find { it.role == 'CORPORATE' }.value.amount")));
        assertEquals(new BigDecimal("700.01"), new BigDecimal(converted.getString("credit.lines.find { it.role == 'RETAIL' }.value.amount")));
        assertEquals(corporateTeam, converted.getString("credit.lines.find { it.role == 'CORPORATE' }.teamId"));
        assertEquals(retail.toString(), converted.getString("credit.lines.find { it.role == 'RETAIL' }.teamId"));
        int frozen = converted.getInt("credit.ruleVersion");

        // converting again is refused; a later rule version leaves the record as it was
        as(converter).header("If-Match", as(converter).get("/v1/leads/" + lead).then().extract().header("ETag"))
                .body(conversion).post("/v1/leads/" + lead + "/conversion").then().statusCode(409);
        as(ADMIN).body(Map.of("corporatePercent", 50, "windowDays", 90, "effectiveFrom", effective.plusDays(1).toString()))
                .post("/v1/credit-rules").then().statusCode(201);
        assertEquals(frozen, (int) as(MANAGER).get("/v1/leads/" + lead + "/credit").then().statusCode(200)
                .extract().path("ruleVersion"));
        assertEquals(1, data.count("select count(*) from product_holding where customer_id = ? and product_code = 'PERSONAL_LOAN'", employee));

        // the scoreboard counts 0.3 of the conversion to the corporate team, 0.7 to the retail one, 1 in total
        String month = today.toString().substring(0, 7);
        JsonPath board = as(MANAGER).get("/v1/scoreboard?period=" + month).then().statusCode(200).extract().jsonPath();
        assertEquals(new BigDecimal("0.3000"), new BigDecimal(board.getString("teams.find { it.teamId == '" + corporateTeam + "' }.count")));
        assertEquals(new BigDecimal("0.7000"), new BigDecimal(board.getString("teams.find { it.teamId == '" + retail + "' }.count")));
        BigDecimal sum = board.<Object>getList("teams.count").stream().map(o -> new BigDecimal(o.toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(new BigDecimal(board.getString("totals.conversions"))),
                "the teams' counts add up to the conversions, not to twice them");
    }
}
