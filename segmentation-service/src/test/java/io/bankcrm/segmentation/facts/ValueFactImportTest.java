package io.bankcrm.segmentation.facts;

import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.segmentation.Api;
import io.bankcrm.segmentation.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.bankcrm.segmentation.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Bulk value-facts files through the platform's import jobs, on real PostgreSQL: good rows stored, bad rows
 * reported by row and field, and a file sent again replacing rather than adding.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class ValueFactImportTest {

    private static final String HEADER = "customerId,period,avgDepositBalance,loanBalance,assetsUnderManagement,"
            + "netInterestIncome,feeIncome,costToServe,transactionCount,transactionAmount,productsHeld,creditRating,"
            + "currency\n";

    @Inject
    TestData data;

    private List<UUID> c;

    @BeforeEach
    void cleanSlate() {
        data.reset();
        c = TestData.customerIds(6);
    }

    @Test
    void aFileWithGoodAndBadRowsStoresTheGoodOnesAndReportsTheBadOnes() {
        String csv = HEADER
                + c.get(0) + ",2026-09,1000.00,0,0,50.00,5.00,10.00,3,300.00,2,A,CNY\n"
                + c.get(1) + ",2026-09,2000.00,500.00,0,80.00,0,20.50,1,10.00,1,,CNY\n"
                + c.get(2) + ",2026-13,1000.00,0,0,50.00,5.00,10.00,3,300.00,2,A,CNY\n"
                + c.get(3) + ",2026-09,-5.00,0,0,50.00,5.00,10.00,3,300.00,2,A,CNY\n"
                + c.get(4) + ",2026-09,1000.00,0,0,50.00,5.00,10.00,3,300.00,2,ZZZ,USD\n"
                + c.get(5) + ",2026-09,lots,0,0,50.00,5.00,10.00,3,300.00,2,A,CNY\n"
                + ",2026-09,1000.00,0,0,50.00,5.00,10.00,3,300.00,2,A,CNY\n";
        JsonPath job = Api.bulk("text/csv", csv);
        assertEquals("COMPLETED", job.getString("status"));
        assertEquals(7, job.getInt("totalRows"));
        assertEquals(2, job.getInt("rowsAccepted"));
        assertEquals(5, job.getInt("rowsRejected"));

        JsonPath errors = as(Api.INTEGRATION).get("/v1/value-facts/imports/" + job.getString("id") + "/errors")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(3, 4, 5, 5, 6, 7), errors.getList("items.row", Integer.class));
        assertEquals(List.of("period", "avgDepositBalance", "creditRating", "currency", "avgDepositBalance",
                "customerId"), errors.getList("items.field"));

        JsonPath stored = as(Api.MANAGER).get("/v1/customers/" + c.get(0) + "/value-facts/2026-09")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("45.00", stored.getString("contribution"));
        assertEquals(3, stored.getInt("transactionCount"));
        Object unrated = as(Api.MANAGER).get("/v1/customers/" + c.get(1) + "/value-facts/2026-09")
                .then().statusCode(200).extract().path("creditRating");
        assertNull(unrated);
        as(Api.MANAGER).get("/v1/customers/" + c.get(2) + "/value-facts/2026-09").then().statusCode(404);

        // the same file again: each month is replaced, nothing is counted twice
        assertEquals(2, Api.bulk("text/csv", csv).getInt("rowsAccepted"));
        JsonPath again = as(Api.MANAGER).get("/v1/customers/" + c.get(0) + "/value-facts").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, again.getList("items").size());
        assertEquals("45.00", again.getString("items[0].contribution"));
        assertEquals(3, again.getInt("items[0].transactionCount"));
        assertEquals(2, again.getInt("items[0].version"));
    }

    @Test
    void ndjsonLinesAreRowsToo() {
        String ndjson = "{\"customerId\":\"" + c.get(0) + "\",\"period\":\"2026-08\",\"avgDepositBalance\":1.00,"
                + "\"loanBalance\":0,\"assetsUnderManagement\":0,\"netInterestIncome\":7.00,\"feeIncome\":0,"
                + "\"costToServe\":2.00,\"transactionCount\":0,\"transactionAmount\":0,\"productsHeld\":1,"
                + "\"currency\":\"CNY\"}\n{not json\n";
        JsonPath job = Api.bulk("application/x-ndjson", ndjson);
        assertEquals(1, job.getInt("rowsAccepted"));
        assertEquals(1, job.getInt("rowsRejected"));
        assertEquals("5.00", as(Api.MANAGER).get("/v1/customers/" + c.get(0) + "/value-facts/2026-08")
                .then().extract().jsonPath().getString("contribution"));
    }

    @Test
    void aFileWithAnUnknownColumnOrAnotherFormatIsRefusedAtOnce() {
        given().header("Authorization", Api.INTEGRATION).contentType("text/csv")
                .body("customerId,period,bonus\n".getBytes(StandardCharsets.UTF_8))
                .post("/v1/value-facts").then().statusCode(400).body("errors[0].field", equalTo("header"));
        given().header("Authorization", Api.INTEGRATION).contentType("application/xml")
                .body("<facts/>".getBytes(StandardCharsets.UTF_8))
                .post("/v1/value-facts").then().statusCode(415);
    }
}
