package io.bankcrm.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.identifiers.UnifiedSocialCreditCode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads sample data into a running suite through its public APIs, so that front ends and newcomers have
 * something to look at: a corporate customer, twelve employees linked to it (one its CFO), marketing consent for
 * two in three, three months of value facts, a retail Pareto policy and a publishing tiering run with its chart.
 * Identifiers are valid (check digits from {@code identifiers}). {@code ./crm demo} runs it; it is done once per
 * state directory ({@code demo.done}).
 *
 * <pre>java io.bankcrm.localstack.DemoData --customers http://localhost:8081 --segmentation http://localhost:8082
 *      --key .crm/jwt/private.pem --state .crm</pre>
 */
public final class DemoData {

    private static final String USAGE = "usage: DemoData --customers URL --segmentation URL --key PRIVATE_PEM "
            + "--state DIR [--issuer " + DevToken.DEFAULT_ISSUER + "]";
    private static final List<String> ROLES = List.of("crm-admin", "integration", "risk-analyst",
            "relationship-manager", "pii-reader");
    private static final String[] NAMES = {"王芳", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴霞",
            "徐明", "孙丽"};
    /** Net interest income per employee for the three months: a long tail, and one customer who costs money. */
    private static final String[][] PROFITS = {{"3200.00", "3500.00", "3900.00"}, {"2600.00", "2500.00", "2400.00"},
            {"1500.00", "1600.00", "1550.00"}, {"900.00", "950.00", "1000.00"}, {"700.00", "650.00", "600.00"},
            {"400.00", "420.00", "450.00"}, {"300.00", "280.00", "260.00"}, {"150.00", "160.00", "170.00"},
            {"90.00", "80.00", "70.00"}, {"50.00", "40.00", "30.00"}, {"20.00", "25.00", "30.00"},
            {"-40.00", "-60.00", "-80.00"}};

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String customers;
    private final String segmentation;
    private final String token;

    private DemoData(String customers, String segmentation, String token) {
        this.customers = customers;
        this.segmentation = segmentation;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        Cli cli = Cli.parse(args, Set.of("customers", "segmentation", "key", "state", "issuer"), USAGE);
        Path state = Path.of(cli.required("state", USAGE));
        Path done = state.resolve("demo.done");
        if (Files.exists(done)) {
            System.out.println("demo data is already loaded (" + Files.readString(done).trim()
                    + "); ./crm reset starts over");
            return;
        }
        String token = DevToken.token(DevKeys.readPrivateKey(Path.of(cli.required("key", USAGE))),
                cli.get("issuer", DevToken.DEFAULT_ISSUER), "dev-user", DevToken.DEFAULT_BRANCH, ROLES, 3600);
        try {
            new DemoData(cli.required("customers", USAGE), cli.required("segmentation", USAGE), token).load(state);
            MerchantDemo.load(DevKeys.readPrivateKey(Path.of(cli.required("key", USAGE))), cli.get("issuer", DevToken.DEFAULT_ISSUER));
        } catch (DemoFailed e) {
            System.err.println("crm: demo: " + e.getMessage());
            System.exit(1);
        }
        Files.writeString(done, Instant.now() + "\n");
    }

    /** The first 17 characters of an employee's resident ID: Haidian district, born 1975+i, sequence 04i. */
    static String residentId(int i) {
        String first17 = "110108" + (1975 + i) + "0" + (1 + i % 9) + "1" + (i % 9) + "04" + (i % 10);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    static String creditCode() {
        String first17 = "91110108MA01ABC2X";
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** The three calendar months before {@code current}, oldest first. */
    static List<YearMonth> months(YearMonth current) {
        return List.of(current.minusMonths(3), current.minusMonths(2), current.minusMonths(1));
    }

    private void load(Path state) throws IOException, InterruptedException {
        System.out.println("loading demo data through the APIs ...");
        Map<String, Object> corporate = new LinkedHashMap<>();
        corporate.put("kind", "CORPORATE");
        corporate.put("registeredName", "华夏精密制造有限公司");
        corporate.put("creditCode", creditCode());
        corporate.put("legalRepresentative", "周建国");
        corporate.put("industry", "Manufacturing");
        corporate.put("registeredCapital", new java.math.BigDecimal("50000000.00"));
        corporate.put("address", "北京市海淀区上地信息路9号");
        corporate.put("homeBranch", "BJ-HD-01");
        corporate.put("relationshipManager", "rm.zhao");
        corporate.put("status", "ACTIVE");
        corporate.put("sourceChannel", "RM_VISIT");
        String company = call("POST", customers + "/v1/customers", corporate).path("id").asText();
        System.out.println("  corporate customer " + company);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("kind", "INDIVIDUAL");
            person.put("fullName", NAMES[i]);
            person.put("idNumber", residentId(i));
            person.put("mobile", String.format("1391000%04d", i + 1));
            person.put("email", "employee" + (i + 1) + "@example.com");
            person.put("address", "北京市海淀区");
            person.put("occupation", "Engineer");
            person.put("employer", "华夏精密制造有限公司");
            person.put("homeBranch", "BJ-HD-01");
            person.put("relationshipManager", "rm.li");
            person.put("status", "ACTIVE");
            person.put("sourceChannel", "PAYROLL");
            String id = call("POST", customers + "/v1/customers", person).path("id").asText();
            ids.add(id);
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("relatedCustomerId", company);
            link.put("type", i == 0 ? "OFFICER_OF" : "EMPLOYEE_OF");
            if (i == 0) {
                link.put("office", "CFO");
            }
            call("POST", customers + "/v1/customers/" + id + "/relationships", link);
            if (i % 3 != 2) {
                call("PUT", customers + "/v1/customers/" + id + "/consents/MARKETING/SMS",
                        Map.of("granted", true, "source", "PAYROLL_ONBOARDING_FORM"));
            }
        }
        System.out.println("  " + NAMES.length + " employees linked to it (one OFFICER_OF as CFO), marketing consent "
                + "for two in three");

        // the month in the westernmost zone: the months before it have begun in every zone, whatever
        // crm.time-zone the services keep
        List<YearMonth> months = months(YearMonth.now(ZoneOffset.ofHours(-12)));
        for (int i = 0; i < ids.size(); i++) {
            for (int m = 0; m < months.size(); m++) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("avgDepositBalance", (200000 - i * 15000) + ".00");
                facts.put("loanBalance", "0.00");
                facts.put("assetsUnderManagement", (500000 - i * 40000) + ".00");
                facts.put("netInterestIncome", PROFITS[i][m]);
                facts.put("feeIncome", "0.00");
                facts.put("costToServe", "0.00");
                facts.put("transactionCount", 40 - i);
                facts.put("transactionAmount", (9000 - i * 500) + ".00");
                facts.put("productsHeld", 1 + (12 - i) / 4);
                facts.put("creditRating", "A");
                facts.put("currency", "CNY");
                call("PUT", segmentation + "/v1/customers/" + ids.get(i) + "/value-facts/" + months.get(m), facts);
            }
        }
        System.out.println("  value facts for " + months);

        String policy = call("POST", segmentation + "/v1/tiering-policies", json.readTree("""
                {"name":"Retail 80/20","segment":"RETAIL","method":"PARETO","windowMonths":3,
                 "bands":[{"tier":"PLATINUM","profitShareUpTo":50},{"tier":"GOLD","profitShareUpTo":80},
                          {"tier":"SILVER","profitShareUpTo":95},{"tier":"MASS"}],
                 "growthMonths":2,"downgradeAfterRuns":3,"minMonthsInTier":0}""")).path("id").asText();
        YearMonth asOf = months.get(months.size() - 1);
        // segmentation tiers only customers whose kind it has learnt from their registration events: dry runs
        // tell how many are still unknown (other customers' events may be queued ahead of the demo's)
        for (int tries = 0; ; tries++) {
            JsonNode dry = run(policy, asOf, true);
            JsonNode unknown = dry.findValue("skippedUnknownKind");
            if (unknown != null && unknown.asInt(-1) == 0) {
                break;
            }
            if (tries >= 60) {
                throw new DemoFailed("segmentation-service has not caught up with crm.customer.v1 yet; try later");
            }
            Thread.sleep(2000);
        }
        String run = run(policy, asOf, false).path("id").asText();
        Path chart = state.resolve("demo/pareto.svg");
        Files.createDirectories(chart.getParent());
        HttpResponse<byte[]> svg = http.send(request(segmentation + "/v1/tiering-runs/" + run + "/pareto")
                .header("Accept", "image/svg+xml").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (svg.statusCode() == 200) {
            Files.write(chart, svg.body());
        }
        System.out.println("  tiering run " + run + " completed (Pareto policy " + policy + ")");
        System.out.println();
        System.out.println("  the company      " + customers + "/v1/customers/" + company);
        System.out.println("  its employees    " + customers + "/v1/customers/" + company + "/relationships");
        System.out.println("  the CFO's tier   " + customers + "/v1/customers/" + ids.get(0)
                + "   (valueTier arrives by event)");
        System.out.println("  the run report   " + segmentation + "/v1/tiering-runs/" + run);
        System.out.println("  Pareto chart     " + chart.toAbsolutePath() + " (open it in a browser)");
        System.out.println("  call them with   curl -H \"Authorization: Bearer $(./crm token relationship-manager)\" URL");
        PayrollDemo.after(customers, token, company, NAMES); // flow 1: agreement, roster, leads, split credit
    }

    /** Starts a tiering run and waits for it to complete; the run as the API shows it. */
    private JsonNode run(String policy, YearMonth asOf, boolean dryRun) throws IOException, InterruptedException {
        String id = call("POST", segmentation + "/v1/tiering-runs",
                Map.of("policyId", policy, "asOfMonth", asOf.toString(), "dryRun", dryRun)).path("id").asText();
        for (int tries = 0; tries < 240; tries++) {
            Thread.sleep(500);
            JsonNode run = call("GET", segmentation + "/v1/tiering-runs/" + id, null);
            switch (run.path("status").asText()) {
                case "COMPLETED" -> {
                    return run;
                }
                case "FAILED", "CANCELLED" -> throw new DemoFailed("tiering run " + id + " ended "
                        + run.path("status").asText() + ": " + run.path("failure").asText()
                        + " (see ./crm logs segmentation-service)");
                default -> {
                    // still queued or running
                }
            }
        }
        throw new DemoFailed("tiering run " + id + " did not complete within 2 minutes");
    }

    /** Calls the API; the JSON answer, or DemoFailed naming the call and the answer unless 2xx. */
    private JsonNode call(String method, String url, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(url).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoFailed(method + " " + url + " failed: " + e.getMessage());
        }
        if (answer.statusCode() / 100 != 2) {
            throw new DemoFailed(method + " " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body().isEmpty() ? json.createObjectNode() : json.readTree(answer.body());
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    /** A step of the demo failed; its message says which and what the service answered. */
    static final class DemoFailed extends RuntimeException {
        DemoFailed(String message) {
            super(message);
        }
    }
}
