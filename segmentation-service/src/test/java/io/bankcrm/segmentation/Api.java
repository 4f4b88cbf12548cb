package io.bankcrm.segmentation;

import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The service's HTTP API as the tests call it, with a token for each role. */
public final class Api {

    public static final String ADMIN = TestTokens.bearer(Roles.CRM_ADMIN);
    public static final String ANALYST = TestTokens.bearer(Roles.RISK_ANALYST);
    public static final String INTEGRATION = TestTokens.bearer(Roles.INTEGRATION);
    public static final String MANAGER = TestTokens.bearer(Roles.RELATIONSHIP_MANAGER);

    private Api() {
    }

    public static RequestSpecification as(String bearer) {
        // money is exact: read JSON numbers as BigDecimal, so 1000.00 stays "1000.00"
        return given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .header("Authorization", bearer).contentType(ContentType.JSON);
    }

    /** Figures whose month contributes {@code contribution} (all of it net interest income). */
    public static Map<String, Object> figures(String contribution) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("avgDepositBalance", "1000.00");
        figures.put("loanBalance", "0.00");
        figures.put("assetsUnderManagement", "0.00");
        figures.put("netInterestIncome", contribution);
        figures.put("feeIncome", "0.00");
        figures.put("costToServe", "0.00");
        figures.put("transactionCount", 3);
        figures.put("transactionAmount", "300.00");
        figures.put("productsHeld", 2);
        figures.put("creditRating", "A");
        figures.put("currency", "CNY");
        return figures;
    }

    public static void fact(UUID customer, String month, String contribution) {
        fact(customer, month, figures(contribution));
    }

    public static void fact(UUID customer, String month, Map<String, Object> figures) {
        var response = as(INTEGRATION).body(figures).put("/v1/customers/" + customer + "/value-facts/" + month)
                .then().extract();
        assertEquals(true, response.statusCode() == 200 || response.statusCode() == 201,
                "PUT value facts answered " + response.statusCode() + " " + response.body().asString());
    }

    /** A RETAIL policy document; {@code bands} alternate tier and bound, the last bound null. */
    public static Map<String, Object> policy(String method, int windowMonths, int growthMonths, int downgradeAfterRuns,
                                             int minMonthsInTier, Object... bands) {
        String boundName = switch (method) {
            case "PARETO" -> "profitShareUpTo";
            case "PERCENTILE" -> "customerShareUpTo";
            default -> "minScore";
        };
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (int i = 0; i < bands.length; i += 2) {
            Map<String, Object> band = new LinkedHashMap<>();
            band.put("tier", bands[i]);
            if (bands[i + 1] != null) {
                band.put(boundName, bands[i + 1]);
            }
            list.add(band);
        }
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("name", method + " policy for tests");
        policy.put("segment", "RETAIL");
        policy.put("method", method);
        policy.put("windowMonths", windowMonths);
        policy.put("bands", list);
        policy.put("growthMonths", growthMonths);
        policy.put("downgradeAfterRuns", downgradeAfterRuns);
        policy.put("minMonthsInTier", minMonthsInTier);
        return policy;
    }

    public static UUID createPolicy(Map<String, Object> policy) {
        return UUID.fromString(as(ADMIN).body(policy).post("/v1/tiering-policies")
                .then().statusCode(201).extract().path("id"));
    }

    /** Starts a run and waits for it to finish; fails unless it completed. */
    public static JsonPath run(UUID policy, String month, boolean dryRun) {
        String id = as(ANALYST).body(Map.of("policyId", policy, "asOfMonth", month, "dryRun", dryRun))
                .post("/v1/tiering-runs").then().statusCode(202).extract().path("id");
        JsonPath run = awaitRun(id);
        assertEquals("COMPLETED", run.getString("status"), "run " + id + ": " + run.getString("failure"));
        return run;
    }

    public static JsonPath awaitRun(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonPath run = as(ANALYST).get("/v1/tiering-runs/" + id).then().statusCode(200).extract().jsonPath();
            String status = run.getString("status");
            if ("COMPLETED".equals(status) || "FAILED".equals(status)) {
                return run;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("run " + id + " still " + status);
            }
            sleep(100);
        }
    }

    /** Sends a bulk value-facts file and waits for its job to finish. */
    public static JsonPath bulk(String contentType, String file) {
        String location = given().header("Authorization", INTEGRATION).contentType(contentType)
                .body(file.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/v1/value-facts").then().statusCode(202).extract().header("Location");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonPath job = as(INTEGRATION).get(location).then().statusCode(200).extract().jsonPath();
            if (List.of("COMPLETED", "FAILED").contains(job.getString("status"))) {
                return job;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("import " + location + " still " + job.getString("status"));
            }
            sleep(100);
        }
    }

    public static JsonPath tier(UUID customer) {
        return as(MANAGER).get("/v1/customers/" + customer + "/tier").then().statusCode(200).extract().jsonPath();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
