package io.bankcrm.crosssell.roster;

import io.bankcrm.crosssell.Api;
import io.bankcrm.crosssell.TestData;
import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.platform.testing.CrmTestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.bankcrm.crosssell.Api.MANAGER;
import static io.bankcrm.crosssell.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The roster job against a stand-in customer-service (its HTTP API, FakeCustomerService) and the real database:
 * rows registered once, links made, leads created, refused rows reported without ID numbers, the same roster
 * again changing nothing, a leaver's link ended, and a customer-service outage waited out with nothing doubled.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
@QuarkusTestResource(FakeCustomerService.class)
class RosterJobTest {

    @Inject
    TestData data;

    static String idNumber() {
        String first17 = "110101" + (1970 + ThreadLocalRandom.current().nextInt(30)) + "0101"
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    static String csv(List<String[]> rows) {
        StringBuilder s = new StringBuilder("name,idNumber,mobile,position,officerRole,salaryBand\n");
        for (String[] r : rows) {
            s.append(String.join(",", r)).append('\n');
        }
        return s.toString();
    }

    static JsonPath submit(UUID agreement, String file) {
        String location = given().header("Authorization", MANAGER).contentType("text/csv").body(file)
                .post("/v1/payroll-agreements/" + agreement + "/rosters").then().statusCode(202).extract().header("Location");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            JsonPath roster = as(MANAGER).get(location).then().statusCode(200).extract().jsonPath();
            String status = roster.getString("job.status");
            if ("COMPLETED".equals(status) || "FAILED".equals(status)) {
                assertEquals("COMPLETED", status, roster.prettify());
                return roster;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("roster still " + roster.prettify());
            }
            Api.sleepQuietly(100);
        }
    }

    @Test
    void aRosterRegistersLinksAndBringsLeadsAndTheSameRosterAgainChangesNothing() {
        String branch = "R" + ThreadLocalRandom.current().nextInt(1_000_000);
        data.retailTeam(branch, "lead-" + branch, "gao", 1);
        UUID employer = data.corporate(branch);
        UUID agreement = Api.activePayrollAgreement(employer);
        String wang = idNumber();
        String li = idNumber();
        List<String[]> rows = List.of(
                new String[]{"Wang Fang", wang, "13800138000", "engineer", "", "BAND_10K_20K"},
                new String[]{"Li Lei", li, "13900139000", "finance director", "CFO", "ABOVE_50K"},
                new String[]{"Zhao Min", "110101199001011230", "13700137000", "clerk", "", "BAND_5K_10K"},
                new String[]{"Qian Yu", idNumber(), "10012345678", "clerk", "", "BAND_5K_10K"});
        // Wang is a customer already, with marketing consent, known to crosssell from customer-service's events
        UUID wangId = data.individual(branch, "GOLD", "SMS");
        FakeCustomerService.customersByIdNumber.put(wang, wangId);
        int before = FakeCustomerService.registrations.get();
        JsonPath first = submit(agreement, csv(rows));
        assertEquals(2, first.getInt("summary.joiners"), first.prettify());
        assertEquals(2, first.getInt("summary.rowsRefused"));
        assertEquals(1, FakeCustomerService.registrations.get() - before, "Li registered, Wang matched");
        assertTrue(FakeCustomerService.authorizations.contains("Bearer test-token"));

        String rosterId = first.getString("job.id");
        JsonPath errors = as(MANAGER).get("/v1/payroll-agreements/" + agreement + "/rosters/" + rosterId + "/errors")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(3, 4), errors.getList("items.row").stream().distinct().toList());
        assertTrue(errors.getList("items.field").contains("mobile"), errors.prettify());
        String all = errors.prettify();
        assertTrue(!all.contains("110101199001011230") && !all.contains("10012345678"), "no ID number or mobile: " + all);

        UUID liId = FakeCustomerService.customersByIdNumber.get(li);
        assertEquals(2, data.count("select count(*) from roster_member where agreement_id = ? and left_on is null", agreement));
        // the job's own apply step ensured Wang's leads (the loan needs the roster's salary band)
        as(MANAGER).get("/v1/leads?customerId=" + wangId).then().statusCode(200)
                .body("items.product", org.hamcrest.Matchers.containsInAnyOrder("PAYROLL_CARD", "PERSONAL_LOAN"));
        assertEquals(3, data.count("select count(*) from employer_link where employer_id = ?", employer),
                "EMPLOYEE_OF for both, OFFICER_OF for the CFO");
        assertEquals(0, data.count("select count(*) from roster_member where agreement_id = ? and officer_role is null and customer_id = ?", agreement, liId));

        // the same roster again: matched by ID number, nothing registered, linked or changed
        int callsBefore = FakeCustomerService.calls.get();
        JsonPath second = submit(agreement, csv(rows));
        assertEquals(0, second.getInt("summary.joiners"));
        assertEquals(2, second.getInt("summary.unchanged"));
        assertEquals(0, second.getInt("summary.calls"));
        assertEquals(3, FakeCustomerService.calls.get() - callsBefore,
                "only the registrations: two answered 409 (matched), the refused mobile 400 again");
        assertEquals(3, data.count("select count(*) from employer_link where employer_id = ?", employer));

        // Wang leaves (the refused rows' people are no longer there either, but they were never members)
        JsonPath third = submit(agreement, csv(List.<String[]>of(rows.get(1))));
        assertEquals(1, third.getInt("summary.leavers"));
        assertEquals("NONE", third.getString("summary.withholding"));
        assertEquals(1, data.count("select count(*) from roster_member where agreement_id = ? and customer_id = ? and left_on is not null",
                agreement, wangId));
        assertEquals(1, data.count("select count(*) from employer_link where customer_id = ? and ended_on is not null", wangId));
        // the leaver's payroll-card lead expired; the loan may still suit them
        as(MANAGER).get("/v1/leads?customerId=" + wangId + "&product=PAYROLL_CARD").then().body("items[0].status", org.hamcrest.Matchers.equalTo("EXPIRED"));
        as(MANAGER).get("/v1/leads?customerId=" + wangId + "&product=PERSONAL_LOAN").then().body("items[0].status", org.hamcrest.Matchers.equalTo("NEW"));
    }

    @Test
    void whileCustomerServiceIsDownTheJobWaitsAndThenCompletesWithNothingDoubled() throws Exception {
        String branch = "R" + ThreadLocalRandom.current().nextInt(1_000_000);
        UUID employer = data.corporate(branch);
        UUID agreement = Api.activePayrollAgreement(employer);
        List<String[]> rows = new java.util.ArrayList<>();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = idNumber();
            ids.add(id);
            rows.add(new String[]{"Person " + (char) ('A' + i), id, "1380013800" + i, "staff", "", "BAND_5K_10K"});
        }
        FakeCustomerService.down.set(true);
        String location = given().header("Authorization", MANAGER).contentType("text/csv").body(csv(rows))
                .post("/v1/payroll-agreements/" + agreement + "/rosters").then().statusCode(202).extract().header("Location");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!"waiting for customer-service".equals(as(MANAGER).get(location).then().extract().path("job.progress.phase"))) {
            assertTrue(Instant.now().isBefore(deadline), "the job never said it waits");
            Api.sleepQuietly(100);
        }
        assertEquals("RUNNING", as(MANAGER).get(location).then().extract().path("job.status"));
        FakeCustomerService.down.set(false);
        deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!"COMPLETED".equals(as(MANAGER).get(location).then().extract().path("job.status"))) {
            assertTrue(Instant.now().isBefore(deadline), "the job did not complete once customer-service was back");
            Api.sleepQuietly(200);
        }
        for (String id : ids) {
            assertTrue(FakeCustomerService.customersByIdNumber.containsKey(id));
        }
        assertEquals(6, data.count("select count(*) from roster_member where agreement_id = ?", agreement));
        assertEquals(6, data.count("select count(*) from employer_link where employer_id = ?", employer));
    }
}
