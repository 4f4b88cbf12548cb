package io.bankcrm.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.identifiers.ResidentIdNumber;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flow 1 of the suite, end to end through crosssell-service's API, after {@link DemoData} has registered the
 * company: a corporate team and a retail team of the branch, the company's payroll agreement (代发工资), activated;
 * the employer's roster — the twelve employees customer-service knows already (matched, their EMPLOYEE_OF links
 * found; the first one the CFO) and three new hires (registered in customer-service by the roster job, as a system
 * caller) — applied as a job; the leads it brings (only where marketing consent allows); one personal loan
 * contacted, qualified and converted, its credit split between the corporate team that signed the employer and
 * the retail team that converted the employee by the credit rule (30/70 within 180 days).
 */
final class PayrollDemo {

    static final String BRANCH = "BJ-HD-01";
    static final String[] NEW_HIRES = {"郑凯", "冯雪", "韩冬"};
    private static final String[] BANDS = {"ABOVE_50K", "BAND_20K_50K", "BAND_10K_20K", "BAND_10K_20K", "BAND_5K_10K",
            "BAND_5K_10K", "BAND_10K_20K", "BAND_5K_10K", "BAND_5K_10K", "BAND_10K_20K", "BAND_5K_10K", "BAND_5K_10K"};

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String crosssell;
    private final String token;

    /** @param customers customer-service's URL; crosssell-service is at the port two above it (8081, 8083) */
    PayrollDemo(String customers, String token) {
        this.crosssell = crosssellOf(customers);
        this.token = token;
    }

    /** The demo's hook: flow 1 when crosssell-service runs, a line saying why not otherwise. */
    static void after(String customers, String token, String company, String[] employees)
            throws IOException, InterruptedException {
        PayrollDemo demo = new PayrollDemo(customers, token);
        if (!demo.running()) {
            System.out.println("  crosssell-service does not answer at " + demo.crosssell + ": flow 1 (payroll agreement, "
                    + "roster, leads, split credit) left out; ./crm start crosssell-service, then ./crm reset && ./crm demo");
            return;
        }
        demo.load(company, employees);
    }

    static String crosssellOf(String customers) {
        URI uri = URI.create(customers);
        return uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() + 2);
    }

    private boolean running() {
        String url = crosssell;
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The roster as the employer sends it (CSV with a header): its employees, then the new hires. */
    static String roster(String[] names) {
        StringBuilder csv = new StringBuilder("name,idNumber,mobile,position,officerRole,salaryBand\n");
        for (int i = 0; i < names.length; i++) {
            csv.append(String.join(",", names[i], DemoData.residentId(i), String.format("1391000%04d", i + 1),
                    i == 0 ? "财务总监" : "工程师", i == 0 ? "CFO" : "", BANDS[i % BANDS.length])).append('\n');
        }
        for (int i = 0; i < NEW_HIRES.length; i++) {
            csv.append(String.join(",", NEW_HIRES[i], newHireId(i), String.format("1392000%04d", i + 1), "技术员", "",
                    "BAND_5K_10K")).append('\n');
        }
        return csv.toString();
    }

    /** A new hire's resident ID: Chaoyang district, born 1996+i. */
    static String newHireId(int i) {
        String first17 = "110105" + (1996 + i) + "0" + (3 + i) + "1" + (2 + i) + "07" + i;
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** An answer: its JSON and its ETag. */
    record Answer(JsonNode json, String etag) {
        JsonNode path(String field) {
            return json.path(field);
        }
    }

    private Answer call(String method, String url, Object body, String ifMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body instanceof Csv csv) {
            request.header("Content-Type", "text/csv").method(method, HttpRequest.BodyPublishers.ofString(csv.text()));
        } else if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new DemoData.DemoFailed(method + " " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return new Answer(answer.body().isEmpty() ? json.createObjectNode() : json.readTree(answer.body()),
                answer.headers().firstValue("ETag").orElse(null));
    }

    private Answer call(String method, String url, Object body) throws IOException, InterruptedException {
        return call(method, url, body, null);
    }

    void load(String company, String[] employees) throws IOException, InterruptedException {
        System.out.println("flow 1 through crosssell-service ...");
        String corporateTeam = call("POST", crosssell + "/v1/teams", Map.of("name", "对公一部", "kind", "CORPORATE",
                "branch", BRANCH, "teamLead", "tl.zhou")).path("id").asText();
        String retailTeam = call("POST", crosssell + "/v1/teams", Map.of("name", "零售一部", "kind", "RETAIL",
                "branch", BRANCH, "teamLead", "tl.wu")).path("id").asText();
        call("PUT", crosssell + "/v1/teams/" + retailTeam + "/members/rm.li", Map.of("capacity", 2, "active", true));
        call("PUT", crosssell + "/v1/teams/" + retailTeam + "/members/rm.sun", Map.of("capacity", 1, "active", true));
        creditRule();

        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("corporateId", company);
        agreement.put("corporateTeamId", corporateTeam);
        agreement.put("relationshipManager", "rm.zhao");
        agreement.put("payrollAccount", "6222020200112233");
        agreement.put("payDay", 10);
        agreement.put("expectedHeadcount", employees.length + NEW_HIRES.length);
        agreement.put("feePerPayment", Map.of("amount", "0.50", "currency", "CNY"));
        agreement.put("contactNeedsApproval", false);
        Answer signed = untilKnown(agreement);
        String id = signed.path("id").asText();
        call("POST", crosssell + "/v1/payroll-agreements/" + id + "/status", Map.of("status", "ACTIVE"), signed.etag());
        System.out.println("  payroll agreement " + id + " ACTIVE (corporate team " + corporateTeam + ", retail team "
                + retailTeam + ")");

        Answer roster = call("POST", crosssell + "/v1/payroll-agreements/" + id + "/rosters",
                new Csv(roster(employees)));
        String location = crosssell + "/v1/payroll-agreements/" + id + "/rosters/" + roster.path("job").path("id").asText();
        JsonNode done = until(location, r -> r.path("job").path("status").asText().matches("COMPLETED|FAILED|CANCELLED"),
                "the roster job");
        if (!"COMPLETED".equals(done.path("job").path("status").asText())) {
            throw new DemoData.DemoFailed("the roster job ended " + done.path("job").path("status").asText() + ": "
                    + done.path("job").path("failure").asText() + " (see ./crm logs crosssell-service)");
        }
        JsonNode summary = done.path("summary");
        System.out.println("  roster applied: " + summary.path("rows").asInt() + " rows, " + summary.path("joiners").asInt()
                + " joiners linked through customer-service (" + NEW_HIRES.length + " of them registered there now)");

        JsonNode loans = until(crosssell + "/v1/leads?agreementId=" + id + "&product=PERSONAL_LOAN",
                l -> l.path("items").size() > 0, "the leads of the roster");
        JsonNode all = call("GET", crosssell + "/v1/leads?agreementId=" + id + "&limit=100", null).json();
        Map<String, Integer> byProduct = new java.util.TreeMap<>();
        all.path("items").forEach(l -> byProduct.merge(l.path("product").asText(), 1, Integer::sum));
        System.out.println("  leads by product " + byProduct + ": only employees with marketing consent get them (the "
                + "new hires have none)");

        JsonNode lead = loans.path("items").get(0);
        String leadUrl = crosssell + "/v1/leads/" + lead.path("id").asText();
        Answer read = call("GET", leadUrl, null);
        Answer contacted = call("POST", leadUrl + "/status", Map.of("action", "CONTACT"), read.etag());
        Answer qualified = call("POST", leadUrl + "/status", Map.of("action", "QUALIFY"), contacted.etag());
        Answer converted = call("POST", leadUrl + "/conversion", Map.of("value",
                Map.of("amount", "80000.00", "currency", "CNY"), "openedOn", LocalDate.now().toString(),
                "reference", "LN-DEMO-0001"), qualified.etag());
        System.out.println("  personal loan lead " + lead.path("id").asText() + " converted for 80000.00 CNY; credit:");
        for (JsonNode line : converted.path("credit").path("lines")) {
            System.out.println("    " + line.path("role").asText() + " team " + line.path("teamId").asText() + ": "
                    + line.path("value").path("amount").asText() + " " + line.path("value").path("currency").asText());
        }
        System.out.println();
        System.out.println("  the agreement    " + crosssell + "/v1/payroll-agreements/" + id + "/members");
        System.out.println("  its leads        " + crosssell + "/v1/leads?agreementId=" + id);
        System.out.println("  the scoreboard   " + crosssell + "/v1/scoreboard?period=" + java.time.YearMonth.now());
    }

    /** The split rule of the demo, 30/70 within 180 days, in force since yesterday (kept if one is already). */
    private void creditRule() throws IOException, InterruptedException {
        JsonNode rules = call("GET", crosssell + "/v1/credit-rules", null).json();
        if (rules.size() == 0) {
            call("POST", crosssell + "/v1/credit-rules", Map.of("corporatePercent", 30, "windowDays", 180,
                    "effectiveFrom", LocalDate.now().minusDays(1).toString()));
        }
    }

    /** Signs the agreement once crosssell knows the company from customer-service's events (422 until then). */
    private Answer untilKnown(Map<String, Object> agreement) throws IOException, InterruptedException {
        for (int tries = 0; ; tries++) {
            try {
                return call("POST", crosssell + "/v1/payroll-agreements", agreement);
            } catch (DemoData.DemoFailed e) {
                if (!e.getMessage().contains(" 422") || tries >= 60) {
                    throw e;
                }
                Thread.sleep(2000);
            }
        }
    }

    private JsonNode until(String url, java.util.function.Predicate<JsonNode> ready, String what)
            throws IOException, InterruptedException {
        for (int tries = 0; tries < 180; tries++) {
            JsonNode answer = call("GET", url, null).json();
            if (ready.test(answer)) {
                return answer;
            }
            Thread.sleep(1000);
        }
        throw new DemoData.DemoFailed(what + " did not arrive within 3 minutes (see ./crm logs crosssell-service)");
    }

    /** A CSV body: {@link DemoData}'s call sends it as text/csv. */
    record Csv(String text) {
    }
}
