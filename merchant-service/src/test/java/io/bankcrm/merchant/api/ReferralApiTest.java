package io.bankcrm.merchant.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.events.Topics;
import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.merchant.service.Settlements;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.KafkaProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.bankcrm.merchant.api.Merchants.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Referrals end to end on the real PostgreSQL and Kafka, customer-service stood in for by {@link FakeCustomerService}
 * (system-tests' CardSpendingFlowIT runs the real one): a sign-up registers a PROSPECT as a system caller with an
 * Idempotency-Key derived from the referral id and keeps none of the applicant's data; activation and a first
 * purchase convert it with the split in force then (frozen against later changes), published without personal data;
 * a closure within the clawback window claws it back; both reach the day's settlement statement, reconciling.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
@QuarkusTestResource(FakeCustomerService.class)
class ReferralApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    EntityManager em;

    @Inject
    Settlements settlements;

    @Test
    void aSignUpIsAProspectInCustomerServiceAndConvertsWithTheSplitFrozenThen() throws Exception {
        String merchant = CardFixtures.activeShop().merchant();
        String code = code();
        Response created = as("merchant-ops").body(programme(merchant, code, 30, 70)).post("/v1/referral-programmes");
        created.then().statusCode(201).body("terms.bankShare", equalTo(30)).body("version", equalTo(0));
        String programme = created.path("id");
        String idNumber = residentId();
        Map<String, Object> signUp = signUp(code, "陈静", idNumber, "13905912345");

        String key = "card-app-" + UUID.randomUUID();
        Response first = as("integration").header("Idempotency-Key", key).body(signUp).post("/v1/referrals");
        first.then().statusCode(201).body("status", equalTo("SIGNED_UP")).body("merchantId", equalTo(merchant))
                .body("commission", nullValue());
        String referral = first.path("id");
        String prospect = first.path("prospectCustomerId");
        assertEquals(FakeCustomerService.BY_ID_NUMBER.get(idNumber).toString(), prospect);
        FakeCustomerService.Received call = FakeCustomerService.RECEIVED.stream()
                .filter(r -> idNumber.equals(r.body().path("idNumber").asText())).findFirst().orElseThrow();
        assertEquals("referral-" + referral, call.idempotencyKey());
        assertEquals("Bearer merchant-service-token", call.authorization());
        assertEquals("PROSPECT", call.body().path("status").asText());
        assertEquals("INDIVIDUAL", call.body().path("kind").asText());
        assertEquals("MERCHANT_REFERRAL", call.body().path("sourceChannel").asText());

        // the same sign-up again replays it; the key with another applicant is refused
        as("integration").header("Idempotency-Key", key).body(signUp).post("/v1/referrals").then().statusCode(200)
                .body("id", equalTo(referral)).body("prospectCustomerId", equalTo(prospect));
        as("integration").header("Idempotency-Key", key).body(signUp(code, "陈静", residentId(), "13905912345"))
                .post("/v1/referrals").then().statusCode(422);

        // the split changes before the conversion: the conversion takes the one in force then, and keeps it
        String etag = as("merchant-ops").get("/v1/referral-programmes/" + programme).then().statusCode(200)
                .extract().header("ETag");
        as("merchant-ops").header("If-Match", etag).body(terms(40, 60)).put("/v1/referral-programmes/" + programme)
                .then().statusCode(200).body("version", equalTo(1)).header("ETag", "\"1\"");
        Instant activated = Instant.now().minusSeconds(120);
        cardEvent(referral, "FIRST_PURCHASE", activated).then().statusCode(409)
                .body("type", equalTo("https://problems.bankcrm.io/illegal-referral-step"));
        cardEvent(referral, "ACTIVATED", activated).then().statusCode(200).body("status", equalTo("ACTIVATED"));
        try (KafkaProbe probe = KafkaProbe.on(Topics.MERCHANT)) {
            cardEvent(referral, "FIRST_PURCHASE", activated.plusSeconds(60)).then().statusCode(200)
                    .body("status", equalTo("CONVERTED")).body("commission.total", equalTo(100.00f))
                    .body("commission.bankPart", equalTo(40.00f)).body("commission.merchantPart", equalTo(60.00f))
                    .body("commission.programmeVersion", equalTo(1));
            String event = KafkaProbe.value(probe.await(r -> referral.equals(r.key())
                    && "crm.merchant.referral-converted".equals(KafkaProbe.header(r, "ce_type")), 1,
                    Duration.ofSeconds(30)).get(0));
            JsonNode data = new ObjectMapper().readTree(event);
            assertEquals(prospect, data.path("customerId").asText());
            assertEquals(0, new BigDecimal("60.00").compareTo(data.path("merchantPart").decimalValue()));
            assertEquals(1, data.path("programmeVersion").asInt());
            assertFalse(event.contains(idNumber) || event.contains("陈静") || event.contains("13905912345"), event);
        }
        as("merchant-ops").header("If-Match", "\"1\"").body(terms(20, 80)).put("/v1/referral-programmes/" + programme)
                .then().statusCode(200);
        long version = as("merchant-ops").get("/v1/referrals/" + referral).then().statusCode(200)
                .body("commission.bankPart", equalTo(40.00f)).extract().<Integer>path("version");
        // a repeated first purchase changes nothing; a closure within the clawback window claws it back
        cardEvent(referral, "FIRST_PURCHASE", Instant.now()).then().statusCode(200).body("version", equalTo((int) version));
        cardEvent(referral, "CLOSED", Instant.now()).then().statusCode(200).body("status", equalTo("CLAWED_BACK"))
                .body("endedAt", org.hamcrest.Matchers.notNullValue());

        // the applicant's data is in no table of merchant-service
        for (String value : List.of(idNumber, "陈静", "13905912345")) {
            assertEquals(0, hitsInEveryTable(value), value + " is stored in merchant-service");
        }
    }

    @Test
    void theSamePersonSignedUpAgainIsTheCustomerRegisteredBefore() {
        String merchant = CardFixtures.activeShop().merchant();
        String code = code();
        as("merchant-ops").body(programme(merchant, code, 30, 70)).post("/v1/referral-programmes").then().statusCode(201);
        String idNumber = residentId();
        String first = as("integration").body(signUp(code, "林峰", idNumber, "13805910000")).post("/v1/referrals")
                .then().statusCode(201).extract().path("prospectCustomerId");
        as("integration").body(signUp(code, "林峰", idNumber, "13805910000")).post("/v1/referrals").then()
                .statusCode(201).body("prospectCustomerId", equalTo(first));
        // a code is one programme's
        as("merchant-ops").body(programme(merchant, code, 50, 50)).post("/v1/referral-programmes").then()
                .statusCode(409).body("existingProgrammeId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void refusedSignUpsStoreNothing() {
        String merchant = CardFixtures.activeShop().merchant();
        String code = code();
        as("merchant-ops").body(programme(merchant, code, 30, 70)).post("/v1/referral-programmes").then().statusCode(201);
        long before = count("select count(*) from referral");
        as("integration").body(signUp("NOSUCHCODE1", "陈静", residentId(), "13905912345")).post("/v1/referrals")
                .then().statusCode(400).body("errors[0].field", equalTo("code"));
        as("integration").body(signUp(code, "4111 1111 1111 1111", residentId(), "13905912345")).post("/v1/referrals")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("applicant.fullName"));
        as("integration").body(signUp(code, "陈静", "35010219850101001", "13905912345")).post("/v1/referrals").then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("applicant.idNumber"));
        as("merchant-ops").body(Map.of("merchantId", merchant, "code", code(), "terms", Map.of("rewardPerCard", 50,
                        "bankShare", 30, "merchantShare", 60, "conversionDays", 30, "clawbackDays", 30,
                        "validFrom", TODAY.toString())))
                .post("/v1/referral-programmes").then().statusCode(400).body("errors[0].field", equalTo("bankShare"));
        String later = code();
        Map<String, Object> future = programme(merchant, later, 30, 70);
        ((Map<String, Object>) future.get("terms")).put("validFrom", TODAY.plusDays(3).toString());
        as("merchant-ops").body(future).post("/v1/referral-programmes").then().statusCode(201);
        as("integration").body(signUp(later, "陈静", residentId(), "13905912345")).post("/v1/referrals").then()
                .statusCode(409).body("type", equalTo("https://problems.bankcrm.io/referral-programme-closed"));
        FakeCustomerService.DOWN.set(true);
        try {
            as("integration").body(signUp(code, "陈静", residentId(), "13905912345")).post("/v1/referrals").then()
                    .statusCode(503);
        } finally {
            FakeCustomerService.DOWN.set(false);
        }
        assertEquals(before, count("select count(*) from referral"));
        as("integration").get("/v1/referrals/" + UUID.randomUUID()).then().statusCode(404);
        cardEvent(UUID.randomUUID().toString(), "ACTIVATED", Instant.now()).then().statusCode(404);
        String referral = as("integration").body(signUp(code, "陈静", residentId(), "13905912345"))
                .post("/v1/referrals").then().statusCode(201).extract().path("id");
        cardEvent(referral, "ACTIVATED", Instant.now().plusSeconds(3600)).then().statusCode(400)
                .body("errors[0].field", equalTo("at"));
    }

    @Test
    void commissionsAndClawbacksAreOnTheDaysStatementAndReconcile() throws Exception {
        String merchant = CardFixtures.activeShop().merchant();
        String code = code();
        as("merchant-ops").body(programme(merchant, code, 30, 70)).post("/v1/referral-programmes").then().statusCode(201);
        String kept = convertedReferral(code);
        String clawedBack = convertedReferral(code);
        cardEvent(clawedBack, "CLOSED", Instant.now()).then().statusCode(200).body("status", equalTo("CLAWED_BACK"));
        LocalDate day = LocalDate.of(2010, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(1500));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update referral set commission_settlement_day = ?2,
                            clawback_settlement_day = case when clawback_settlement_day is null then null else cast(?2 as date) end
                        where merchant_id = ?1""")
                .setParameter(1, UUID.fromString(merchant)).setParameter(2, day).executeUpdate());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> settlements.submit(day, "test")).isPresent());
        String path = "/v1/merchants/" + merchant + "/settlements?date=" + day;
        JsonNode statement = awaitStatement(path);
        // 70.00 + 70.00 earned, 70.00 taken back: 70.00 payable
        assertEquals(0, new BigDecimal("140.00").compareTo(new BigDecimal(statement.path("referralCommissions").asText())));
        assertEquals(0, new BigDecimal("70.00").compareTo(new BigDecimal(statement.path("referralClawbacks").asText())));
        assertEquals(0, new BigDecimal("70.00").compareTo(new BigDecimal(statement.path("netPayable").asText())));
        assertEquals(3, statement.path("lineCount").asInt());
        String where = "merchant_id = '" + merchant + "'";
        assertEquals(0, new BigDecimal(statement.path("referralCommissions").asText()).compareTo(decimal(
                "select coalesce(sum(merchant_part), 0) from referral where commission_settlement_day = '" + day
                        + "' and " + where)));
        assertEquals(0, new BigDecimal(statement.path("referralClawbacks").asText()).compareTo(decimal(
                "select coalesce(sum(merchant_part), 0) from referral where clawback_settlement_day = '" + day
                        + "' and " + where)));
        assertFalse(kept.equals(clawedBack));
    }

    private String convertedReferral(String code) {
        String id = as("integration").body(signUp(code, "王芳", residentId(), "13705910000")).post("/v1/referrals")
                .then().statusCode(201).extract().path("id");
        cardEvent(id, "ACTIVATED", Instant.now().minusSeconds(60)).then().statusCode(200);
        cardEvent(id, "FIRST_PURCHASE", Instant.now()).then().statusCode(200).body("status", equalTo("CONVERTED"))
                .body("commission.merchantPart", equalTo(70.00f));
        return id;
    }

    private static JsonNode awaitStatement(String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Response r = as("merchant-ops").get(path);
            if (r.statusCode() == 200) {
                return new ObjectMapper().readTree(r.asString());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no statement at " + path + ": " + r.asString());
            }
            Thread.sleep(250);
        }
    }

    private static Response cardEvent(String referral, String type, Instant at) {
        return as("integration").body(Map.of("type", type, "at", at.toString()))
                .post("/v1/referrals/" + referral + "/card-events");
    }

    static Map<String, Object> programme(String merchant, String code, int bank, int merchantShare) {
        return new java.util.HashMap<>(Map.of("merchantId", merchant, "code", code,
                "terms", new java.util.HashMap<>(terms(bank, merchantShare))));
    }

    static Map<String, Object> terms(int bank, int merchantShare) {
        return Map.of("rewardPerCard", new BigDecimal("100.00"), "bankShare", bank, "merchantShare", merchantShare,
                "conversionDays", 60, "clawbackDays", 90, "validFrom", TODAY.minusDays(1).toString());
    }

    static Map<String, Object> signUp(String code, String name, String idNumber, String mobile) {
        return Map.of("code", code, "applicant", Map.of("fullName", name, "idNumber", idNumber, "mobile", mobile));
    }

    static String code() {
        return "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
    }

    static String residentId() {
        String first17 = "3501021985" + String.format("%02d", 1 + ThreadLocalRandom.current().nextInt(12))
                + String.format("%02d", 1 + ThreadLocalRandom.current().nextInt(28))
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private BigDecimal decimal(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> new BigDecimal(em.createNativeQuery(sql)
                .getSingleResult().toString()));
    }

    private long hitsInEveryTable(String value) {
        @SuppressWarnings("unchecked")
        List<String> tables = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select table_name from information_schema.tables where table_schema = 'public' "
                        + "and table_type = 'BASE TABLE'").getResultList());
        assertTrue(tables.contains("referral"), tables.toString());
        long hits = 0;
        for (String table : tables) {
            hits += count("select count(*) from \"" + table + "\" t where t::text like '%" + value + "%'");
        }
        return hits;
    }
}
