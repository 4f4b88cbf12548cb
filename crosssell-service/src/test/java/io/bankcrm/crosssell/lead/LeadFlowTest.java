package io.bankcrm.crosssell.lead;

import io.bankcrm.crosssell.Api;
import io.bankcrm.crosssell.TestData;
import io.bankcrm.crosssell.service.EmployerLinks;
import io.bankcrm.crosssell.service.LeadReactions;
import io.bankcrm.crosssell.service.Leads;
import io.bankcrm.events.Topics;
import io.bankcrm.events.customer.CustomerEvents;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.KafkaProbe;
import io.bankcrm.platform.testing.Metrics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.bankcrm.crosssell.Api.MANAGER;
import static io.bankcrm.crosssell.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leads from events on the real database and broker: links bring leads only where consent allows, concurrent
 * identical events make one lead, assignment skips an absent member, a withdrawal and the agreement's steps close
 * or park them, the life cycle refuses illegal steps, an overdue lead escalates and is reassigned.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class LeadFlowTest {

    @Inject
    TestData data;

    @Inject
    LeadReactions reactions;

    @Inject
    Leads leads;

    @Inject
    EmployerLinks links;

    private static String branch() {
        return "B" + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000);
    }

    private static void link(UUID employee, UUID employer, String type, String office) {
        UUID relationship = UUID.randomUUID();
        Api.deliver(Topics.CUSTOMER, CustomerEvents.RELATIONSHIP_LINKED.type(), employee,
                "{\"relationshipId\":\"" + relationship + "\",\"customerId\":\"" + employee + "\",\"relatedCustomerId\":\""
                        + employer + "\",\"type\":\"" + type + "\",\"office\":" + (office == null ? "null" : "\"" + office + "\"")
                        + ",\"validFrom\":\"2026-11-01\",\"validTo\":null}");
    }

    @Test
    void linksBringTheRightLeadsOnlyWithConsentAndAssignmentSkipsTheAbsent() {
        String branch = branch();
        UUID team = data.retailTeam(branch, "lead-" + branch, "ann", 1, "bob", 1);
        data.update("insert into member_absence (id, team_id, staff_id, from_day, to_day) values (?, ?, 'bob', current_date - 1, current_date + 30)",
                UUID.randomUUID(), team);
        UUID employer = data.corporate(branch);
        UUID agreement = Api.activePayrollAgreement(employer);
        UUID employee = data.individual(branch, "GOLD", "SMS");
        UUID officer = data.individual(branch, null, "APP");
        UUID noConsent = data.individual(branch, "GOLD");
        data.rosterMember(agreement, employee, "BAND_10K_20K", null);
        data.rosterMember(agreement, officer, "ABOVE_50K", "CFO");
        data.rosterMember(agreement, noConsent, "BAND_10K_20K", null);

        try (KafkaProbe probe = KafkaProbe.on(Topics.CROSSSELL)) {
            link(employee, employer, "EMPLOYEE_OF", null);
            link(officer, employer, "OFFICER_OF", "CFO");
            link(noConsent, employer, "EMPLOYEE_OF", null);

            JsonPath list = as(MANAGER).get("/v1/leads?agreementId=" + agreement).then().statusCode(200).extract().jsonPath();
            assertEquals(3, list.getList("items").size(), list.prettify());
            assertEquals(List.of(), list.getList("items.findAll { it.customerId == '" + noConsent + "' }"));
            assertEquals(List.of("PAYROLL_CARD", "PERSONAL_LOAN").stream().sorted().toList(),
                    list.<String>getList("items.findAll { it.customerId == '" + employee + "' }.product").stream().sorted().toList());
            assertEquals("WEALTH_MANAGEMENT", list.getString("items.find { it.customerId == '" + officer + "' }.product"));
            assertEquals("OFFICER", list.getString("items.find { it.customerId == '" + officer + "' }.source"));
            // bob is away: every lead went to ann
            assertEquals(List.of("ann", "ann", "ann"), list.getList("items.assignee"));
            assertEquals(4, list.getList("items[0].priorityExplanation.components").size());
            assertTrue(list.getString("items.find { it.product == 'PERSONAL_LOAN' }.prioritySummary").contains("salary band"));

            var created = probe.await(r -> "crm.crosssell.lead-created".equals(KafkaProbe.header(r, "ce_type"))
                    && KafkaProbe.value(r).contains(agreement.toString()), 3, Duration.ofSeconds(30));
            assertTrue(created.stream().noneMatch(r -> KafkaProbe.value(r).contains(noConsent.toString())));
        }

        // the consent withdrawal closes the employee's leads
        Api.deliver(Topics.CUSTOMER, CustomerEvents.CONSENT_CHANGED.type(), employee,
                Api.consent(employee, "SMS", false, Instant.now().plusSeconds(5).toString()));
        as(MANAGER).get("/v1/leads?customerId=" + employee).then()
                .body("items.status", containsInAnyOrder("EXPIRED", "EXPIRED"));
    }

    @Test
    void twoConcurrentIdenticalEventsMakeOneLead() throws Exception {
        String branch = branch();
        data.retailTeam(branch, "lead-" + branch, "cai", 1);
        UUID employer = data.corporate(branch);
        UUID agreement = Api.activePayrollAgreement(employer);
        UUID employee = data.individual(branch, "SILVER", "SMS", "PHONE");
        data.rosterMember(agreement, employee, "BAND_5K_10K", null);
        UUID relationship = UUID.randomUUID();
        links.linked(relationship, employee, employer, "EMPLOYEE_OF", null, LocalDate.now());
        EmployerLinks.Link link = links.find(relationship).orElseThrow();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<UUID>>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return reactions.ensureFor(link);
            }));
        }
        start.countDown();
        int created = 0;
        for (Future<List<UUID>> f : results) {
            created += f.get().size();
        }
        pool.shutdown();
        assertEquals(2, created, "one payroll-card and one personal-loan lead, whoever won");
        assertEquals(2, data.count("select count(*) from lead where customer_id = ?", employee));
        assertEquals(1, data.count("select count(*) from lead where customer_id = ? and product_code = 'PAYROLL_CARD'", employee));
    }

    @Test
    void theLifeCycleRefusesIllegalStepsAndTheAgreementParksAndEndsLeads() {
        String branch = branch();
        data.retailTeam(branch, "lead-" + branch, "dai", 1);
        UUID employer = data.corporate(branch);
        UUID agreement = Api.activePayrollAgreement(employer);
        UUID employee = data.individual(branch, "GOLD", "SMS");
        data.rosterMember(agreement, employee, "BAND_20K_50K", null);
        link(employee, employer, "EMPLOYEE_OF", null);
        String card = as(MANAGER).get("/v1/leads?customerId=" + employee + "&product=PAYROLL_CARD").then()
                .extract().path("items[0].id");

        var lead = as(MANAGER).get("/v1/leads/" + card).then().statusCode(200)
                .body("status", equalTo("NEW")).body("history[0].kind", equalTo("CREATED")).extract();
        as(MANAGER).header("If-Match", lead.header("ETag")).body(Map.of("action", "QUALIFY"))
                .post("/v1/leads/" + card + "/status").then().statusCode(409)
                .body("allowed", containsInAnyOrder("CONTACTED", "EXPIRED", "ON_HOLD"));
        var contacted = as(MANAGER).header("If-Match", lead.header("ETag")).body(Map.of("action", "CONTACT"))
                .post("/v1/leads/" + card + "/status").then().statusCode(200).body("status", equalTo("CONTACTED")).extract();
        as(MANAGER).header("If-Match", contacted.header("ETag")).body(Map.of("action", "LOSE"))
                .post("/v1/leads/" + card + "/status").then().statusCode(400);

        // a manual lead for the same product is refused, naming the open one
        as(MANAGER).body(Map.of("customerId", employee, "product", "PAYROLL_CARD")).post("/v1/leads").then()
                .statusCode(409).body("existingLeadId", equalTo(card));
        as(MANAGER).body(Map.of("customerId", data.individual(branch, null), "product", "PAYROLL_CARD"))
                .post("/v1/leads").then().statusCode(422).body("refusals[0].reason", equalTo("NO_MARKETING_CONSENT"));

        // suspending parks both leads, reactivating returns each to where it was, terminating ends them
        String etag = as(MANAGER).get("/v1/payroll-agreements/" + agreement).then().extract().header("ETag");
        etag = as(MANAGER).header("If-Match", etag).body(Map.of("status", "SUSPENDED", "reason", "audit"))
                .post("/v1/payroll-agreements/" + agreement + "/status").then().statusCode(200).extract().header("ETag");
        as(MANAGER).get("/v1/leads?customerId=" + employee).then().body("items.status", containsInAnyOrder("ON_HOLD", "ON_HOLD"));
        etag = as(MANAGER).header("If-Match", etag).body(Map.of("status", "ACTIVE"))
                .post("/v1/payroll-agreements/" + agreement + "/status").then().statusCode(200).extract().header("ETag");
        as(MANAGER).get("/v1/leads/" + card).then().body("status", equalTo("CONTACTED"));
        as(MANAGER).header("If-Match", etag).body(Map.of("status", "TERMINATED", "reason", "moved its payroll"))
                .post("/v1/payroll-agreements/" + agreement + "/status").then().statusCode(200);
        JsonPath ended = as(MANAGER).get("/v1/leads/" + card).then().body("status", equalTo("EXPIRED")).extract().jsonPath();
        assertEquals("payroll agreement terminated: moved its payroll", ended.getString("history[-1].reason"));
    }

    @Test
    void anOverdueLeadEscalatesToTheTeamLeadWhoReassignsIt() {
        String branch = branch();
        String teamLead = "lead-" + branch;
        UUID team = data.retailTeam(branch, teamLead, "eve", 1, "fay", 1);
        UUID employer = data.corporate(branch);
        UUID agreement = Api.activePayrollAgreement(employer);
        UUID employee = data.individual(branch, "GOLD", "SMS");
        data.rosterMember(agreement, employee, "BELOW_5K", null);
        link(employee, employer, "EMPLOYEE_OF", null);
        JsonPath lead = as(MANAGER).get("/v1/leads?customerId=" + employee).then().extract().jsonPath();
        String id = lead.getString("items[0].id");
        String first = lead.getString("items[0].assignee");
        Instant due = Instant.parse(lead.getString("items[0].slaDueAt"));

        assertEquals(0, leads.escalateOverdue(due.minusSeconds(60), 100), "not due yet");
        double breaches = Metrics.scrape().value("crm_leads_sla_breaches_total");
        assertTrue(leads.escalateOverdue(due.plusSeconds(60), 100) >= 1);
        assertTrue(Metrics.scrape().value("crm_leads_sla_breaches_total") >= breaches + 1, "the breach is counted");
        assertEquals(0, data.count("select count(*) from lead where id = ? and escalated_at is null", UUID.fromString(id)));
        var escalated = as(MANAGER).get("/v1/leads/" + id).then().body("assignee", equalTo(teamLead))
                .body("history[-1].kind", equalTo("ESCALATED")).body("history[-1].fromAssignee", equalTo(first)).extract();
        assertEquals(0, leads.escalateOverdue(due.plusSeconds(3600), 100) > 0
                && data.count("select count(*) from lead_history where lead_id = ? and kind = 'ESCALATED'", UUID.fromString(id)) > 1 ? 1 : 0,
                "escalated once only");

        String other = first.equals("eve") ? "fay" : "eve";
        as(Api.bearer("someone-else", "team-lead")).header("If-Match", escalated.header("ETag"))
                .body(Map.of("assignee", other)).post("/v1/leads/" + id + "/assignment").then().statusCode(403);
        as(Api.bearer(teamLead, "team-lead")).header("If-Match", escalated.header("ETag"))
                .body(Map.of("assignee", other, "reason", "first one too busy")).post("/v1/leads/" + id + "/assignment")
                .then().statusCode(200).body("assignee", equalTo(other)).body("history[-1].kind", equalTo("REASSIGNED"));
        assertEquals(team.toString(), as(MANAGER).get("/v1/leads/" + id).then().extract().path("teamId"));
    }
}
