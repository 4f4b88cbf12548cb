package io.bankcrm.crosssell.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.crosssell.Api;
import io.bankcrm.crosssell.TestData;
import io.bankcrm.crosssell.domain.lead.PriorityScore;
import io.bankcrm.crosssell.service.Catalogue;
import io.bankcrm.crosssell.service.CustomerFacts;
import io.bankcrm.crosssell.service.Rules;
import io.bankcrm.crosssell.service.StoredProduct;
import io.bankcrm.events.Topics;
import io.bankcrm.events.crosssell.CrosssellEvents;
import io.bankcrm.events.CloudEventHeaders;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.KafkaProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.bankcrm.crosssell.Api.ADMIN;
import static io.bankcrm.crosssell.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Campaigns on the real database and broker: the launch generates leads set-based only for the targeted, eligible
 * customers without an open lead for the product, scores them as every other lead is scored, assigns them by the
 * team rules (weighted round robin, no team: none), writes their history and announces them; a second launch is
 * refused; the funnel follows the leads' stages, the value converted and the cost.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class CampaignTest {

    private static final String LEAD = "Bearer " + io.bankcrm.platform.testing.TestTokens.token("tl-campaign", "team-lead");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    CustomerFacts facts;

    @Inject
    Catalogue catalogue;

    @Inject
    Rules rules;

    private static String branch() {
        return "C" + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000);
    }

    private UUID employee(UUID employer, UUID agreement, String branch, String tier, String band, String... channels) {
        UUID id = data.individual(branch, tier, channels);
        data.rosterMember(agreement, id, band, null);
        data.update("insert into employer_link (relationship_id, customer_id, employer_id, type, linked_on) "
                + "values (?, ?, ?, 'EMPLOYEE_OF', current_date)", UUID.randomUUID(), id, employer);
        return id;
    }

    private static Map<String, Object> campaign(UUID employer, List<String> tiers, List<String> channels) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("kind", "INDIVIDUAL");
        target.put("tiers", tiers);
        target.put("employerId", employer);
        target.put("consentChannels", channels);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Loans for " + employer);
        body.put("product", "PERSONAL_LOAN");
        body.put("target", target);
        body.put("startsOn", LocalDate.now().toString());
        body.put("endsOn", LocalDate.now().plusDays(60).toString());
        body.put("budget", Map.of("amount", "10000.00", "currency", "CNY"));
        return body;
    }

    private static JsonPath awaitLaunched(String campaign) {
        for (int i = 0; i < 300; i++) {
            JsonPath c = as(LEAD).get("/v1/campaigns/" + campaign).then().statusCode(200).extract().jsonPath();
            String status = c.getString("launch.status");
            if ("COMPLETED".equals(status) || "FAILED".equals(status)) {
                return c;
            }
            Api.sleepQuietly(100);
        }
        throw new AssertionError("the launch of " + campaign + " did not finish");
    }

    @Test
    void theLaunchMakesLeadsForTheTargetedEligibleCustomersAssignsAndAnnouncesThem() throws Exception {
        String branch = branch();
        data.retailTeam(branch, "lead-" + branch, "ann", 2, "bob", 1);
        UUID employer = data.corporate(branch);
        UUID agreement = Api.activePayrollAgreement(employer);
        UUID gold = employee(employer, agreement, branch, "GOLD", "BAND_10K_20K", "SMS");
        UUID second = employee(employer, agreement, branch, "SILVER", "BAND_20K_50K", "SMS", "APP");
        UUID third = employee(employer, agreement, branch, "GOLD", "BAND_5K_10K", "SMS");
        UUID elsewhere = employee(employer, agreement, "NOTEAM-" + branch, "GOLD", "BAND_10K_20K", "SMS");
        UUID lowPay = employee(employer, agreement, branch, "GOLD", "BELOW_5K", "SMS");
        UUID withOpenLead = employee(employer, agreement, branch, "GOLD", "BAND_10K_20K", "SMS");
        UUID noConsent = employee(employer, agreement, branch, "GOLD", "BAND_10K_20K");
        UUID otherChannel = employee(employer, agreement, branch, "GOLD", "BAND_10K_20K", "PHONE");
        UUID holder = employee(employer, agreement, branch, "GOLD", "BAND_10K_20K", "SMS");
        UUID massTier = employee(employer, agreement, branch, "MASS", "BAND_10K_20K", "SMS");
        UUID notEmployed = data.individual(branch, "GOLD", "SMS");
        data.update("insert into product_holding (customer_id, product_code, since, source, recorded_at) "
                + "values (?, 'PERSONAL_LOAN', current_date, 'TEST', now())", holder);
        String open = as(Api.MANAGER).body(Map.of("customerId", withOpenLead, "product", "PERSONAL_LOAN"))
                .post("/v1/leads").then().statusCode(201).extract().path("id");

        var created = as(LEAD).body(campaign(employer, List.of("GOLD", "SILVER"), List.of("SMS", "APP")))
                .post("/v1/campaigns").then().statusCode(201).body("status", equalTo("DRAFT")).extract();
        String id = created.path("id");
        assertEquals("/v1/campaigns/" + id, java.net.URI.create(created.header("Location")).getPath());
        as(LEAD).post("/v1/campaigns/" + id + "/launch").then().statusCode(428);
        as(Api.MANAGER).header("If-Match", created.header("ETag")).post("/v1/campaigns/" + id + "/launch")
                .then().statusCode(403);

        Set<String> announced = new HashSet<>();
        try (KafkaProbe probe = KafkaProbe.on(Topics.CROSSSELL)) {
            var launched = as(LEAD).header("If-Match", created.header("ETag")).post("/v1/campaigns/" + id + "/launch")
                    .then().statusCode(202).body("status", equalTo("LAUNCHED")).extract();
            JsonPath c = awaitLaunched(id);
            assertEquals("COMPLETED", c.getString("launch.status"), c.prettify());
            assertEquals(16, c.getInt("launch.progress.done"));
            // targeted: gold, second, third, elsewhere, lowPay, withOpenLead
            assertEquals(6, c.getLong("launch.result.targeted"), c.prettify());
            assertEquals(1, c.getLong("launch.result.alreadyOpen"));
            assertEquals(1, c.getLong("launch.result.notEligible"), "BELOW_5K is under the loan's minimum band");
            assertEquals(4, c.getLong("launch.result.created"));
            assertEquals(3, c.getLong("launch.result.assigned"));
            assertEquals(1, c.getLong("launch.result.withoutTeam"));

            as(LEAD).header("If-Match", launched.header("ETag")).post("/v1/campaigns/" + id + "/launch")
                    .then().statusCode(409).body("type", equalTo("https://problems.bankcrm.io/campaign-launched"));

            JsonPath leads = as(Api.ADMIN).get("/v1/leads?campaignId=" + id + "&limit=50").then().statusCode(200)
                    .extract().jsonPath();
            List<String> customers = leads.getList("items.customerId");
            assertEquals(Set.of(gold.toString(), second.toString(), third.toString(), elsewhere.toString()),
                    Set.copyOf(customers), leads.prettify());
            for (UUID none : List.of(lowPay, noConsent, otherChannel, holder, massTier, notEmployed)) {
                assertEquals(0, data.count("select count(*) from lead where customer_id = ? and campaign_id is not null",
                        none), "no campaign lead for " + none);
            }
            assertEquals(1, data.count("select count(*) from lead where customer_id = ?", withOpenLead));
            assertEquals(open, data.text("select id::text from lead where customer_id = ?", withOpenLead));
            // the round robin by capacity: ann 2, bob 1, in the branch's team; none without a team
            List<String> assignees = leads.getList("items.findAll { it.teamId != null }.assignee");
            assertEquals(2, assignees.stream().filter("ann"::equals).count(), leads.prettify());
            assertEquals(1, assignees.stream().filter("bob"::equals).count());
            assertNull(leads.get("items.find { it.customerId == '" + elsewhere + "' }.assignee"));
            assertEquals("CAMPAIGN", leads.getString("items[0].source"));
            assertEquals(employer.toString(), leads.getString("items[0].employerId"));

            // scored by the same rules as every other lead
            var product = catalogue.find("PERSONAL_LOAN").map(StoredProduct::product).orElseThrow();
            for (UUID customer : List.of(gold, second, third, elsewhere)) {
                PriorityScore expected = rules.scoring().score(product, facts.prospect(customer).orElseThrow(), true,
                        null);
                String leadId = leads.getString("items.find { it.customerId == '" + customer + "' }.id");
                JsonPath one = as(Api.ADMIN).get("/v1/leads/" + leadId).then().statusCode(200).extract().jsonPath();
                assertEquals(expected.total(), one.getInt("priority"));
                assertEquals(expected.summary(), one.getString("prioritySummary"));
                assertEquals(expected.components().get(2).explanation(),
                        one.getString("priorityExplanation.components[2].explanation"));
                List<String> kinds = one.getList("history.kind");
                assertEquals(customer.equals(elsewhere) ? List.of("CREATED") : List.of("CREATED", "ASSIGNED"), kinds);
                if (!customer.equals(elsewhere)) {
                    assertNotNull(one.getString("slaDueAt"));
                }
            }

            // one lead-created event per lead, as a single lead's would be
            Set<String> ids = Set.copyOf(leads.getList("items.id"));
            var events = probe.await(r -> CrosssellEvents.LEAD_CREATED.type().equals(
                    KafkaProbe.header(r, CloudEventHeaders.TYPE)) && ids.contains(r.key()), 4, Duration.ofSeconds(30));
            for (var e : events) {
                JsonNode body = JSON.readTree(KafkaProbe.value(e));
                assertEquals(id, body.path("campaignId").asText());
                assertEquals("CAMPAIGN", body.path("source").asText());
                assertEquals(e.key(), body.path("leadId").asText());
                announced.add(body.path("customerId").asText());
            }
        }
        assertEquals(4, announced.size());

        // the funnel: one lead contacted, qualified, converted; the cost recorded
        String leadId = as(Api.ADMIN).get("/v1/leads?campaignId=" + id + "&assignee=ann").then().extract()
                .path("items[0].id");
        String ann = "Bearer " + io.bankcrm.platform.testing.TestTokens.token("ann", "relationship-manager");
        String etag = as(ann).get("/v1/leads/" + leadId).then().extract().header("ETag");
        for (String action : List.of("CONTACT", "QUALIFY")) {
            etag = as(ann).header("If-Match", etag).body(Map.of("action", action))
                    .post("/v1/leads/" + leadId + "/status").then().statusCode(200).extract().header("ETag");
        }
        as(ann).header("If-Match", etag).body(Map.of("value", Map.of("amount", "25000.00", "currency", "CNY"),
                        "openedOn", LocalDate.now().toString(), "reference", "LN-2026-CAMPAIGN"))
                .post("/v1/leads/" + leadId + "/conversion").then().statusCode(200);
        String campaignEtag = as(LEAD).get("/v1/campaigns/" + id).then().extract().header("ETag");
        as(LEAD).header("If-Match", campaignEtag).body(Map.of("actualCost", Map.of("amount", "1200.00", "currency", "USD")))
                .put("/v1/campaigns/" + id + "/cost").then().statusCode(400);
        as(LEAD).header("If-Match", campaignEtag).body(Map.of("actualCost", Map.of("amount", "1200.00", "currency", "CNY")))
                .put("/v1/campaigns/" + id + "/cost").then().statusCode(200);
        as(LEAD).header("If-Match", campaignEtag).body(Map.of("actualCost", Map.of("amount", "1300.00", "currency", "CNY")))
                .put("/v1/campaigns/" + id + "/cost").then().statusCode(412);
        JsonPath funnel = as(Api.MANAGER).get("/v1/campaigns/" + id + "/funnel").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(4, funnel.getLong("leads"));
        assertEquals(1, funnel.getLong("contacted"));
        assertEquals(1, funnel.getLong("qualified"));
        assertEquals(1, funnel.getLong("converted"));
        assertEquals(3, funnel.getLong("open"));
        assertEquals(0, new BigDecimal("25000.00").compareTo(new BigDecimal(funnel.getString("convertedValue.amount"))));
        assertEquals(0, new BigDecimal("1200.00").compareTo(new BigDecimal(funnel.getString("costPerConversion.amount"))));
        assertEquals(0, new BigDecimal("8800.00").compareTo(new BigDecimal(funnel.getString("budgetLeft.amount"))));
        assertEquals(0, new BigDecimal("0.2500").compareTo(new BigDecimal(funnel.getString("conversionRate"))));
    }

    @Test
    void aTargetThatBreaksTheRulesIsRefusedWithEveryFault() {
        Map<String, Object> body = campaign(null, List.of("DIAMOND"), List.of("SMS"));
        body.put("endsOn", LocalDate.now().minusDays(1).toString());
        JsonPath problem = as(LEAD).body(body).post("/v1/campaigns").then().statusCode(400).extract().jsonPath();
        List<String> fields = problem.getList("errors.field");
        assertTrue(fields.containsAll(List.of("target.tiers", "endsOn")), problem.prettify());
        as(LEAD).body(campaign(null, List.of(), List.of())).post("/v1/campaigns").then().statusCode(400);
        Map<String, Object> corporate = campaign(null, List.of(), List.of("SMS"));
        ((Map<String, Object>) corporate.get("target")).put("kind", "CORPORATE");
        as(LEAD).body(corporate).post("/v1/campaigns").then().statusCode(400)
                .body("errors[0].field", equalTo("target.kind"));
        as(LEAD).get("/v1/campaigns/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void creationIsIdempotentAndTheListPages() {
        Map<String, Object> body = campaign(null, List.of(), List.of("SMS"));
        String key = "campaign-" + UUID.randomUUID();
        String first = as(LEAD).header("Idempotency-Key", key).body(body).post("/v1/campaigns").then().statusCode(201)
                .extract().path("id");
        as(LEAD).header("Idempotency-Key", key).body(body).post("/v1/campaigns").then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("id", equalTo(first));
        as(ADMIN).body(body).post("/v1/campaigns").then().statusCode(201);
        JsonPath page = as(ADMIN).get("/v1/campaigns?status=DRAFT&limit=1").then().statusCode(200).extract().jsonPath();
        assertEquals(1, page.getList("items").size());
        assertNotNull(page.getString("nextCursor"));
        as(ADMIN).get("/v1/campaigns?cursor=" + page.getString("nextCursor") + "&limit=1").then().statusCode(200);
        as(ADMIN).get("/v1/campaigns?status=RUNNING").then().statusCode(400);
    }
}
