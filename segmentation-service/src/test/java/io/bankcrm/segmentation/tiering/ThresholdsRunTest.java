package io.bankcrm.segmentation.tiering;

import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.segmentation.Api;
import io.bankcrm.segmentation.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A THRESHOLDS run on real PostgreSQL: the value score of scale, volume and rating against minimum scores. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class ThresholdsRunTest {

    @Inject
    TestData data;

    @Test
    void scoresDecideTheTiers() {
        data.reset();
        List<UUID> c = TestData.customerIds(3);
        data.retail(c);
        for (String month : List.of("2026-09", "2026-10")) {
            Api.fact(c.get(0), month, figures("100000.00", "10000.00", "AAA"));
            Api.fact(c.get(1), month, figures("50000.00", "5000.00", "A"));
        }
        Api.fact(c.get(2), "2026-10", figures("0.00", "0.00", "D"));
        Map<String, Object> policy = Api.policy("THRESHOLDS", 2, 1, 3, 0,
                "PLATINUM", 80, "GOLD", 60, "SILVER", 40, "MASS", null);
        policy.put("score", Map.of("scaleWeight", 0.5, "volumeWeight", 0.3, "ratingWeight", 0.2,
                "scaleFullMarks", 100000, "volumeFullMarks", 10000));
        Api.run(Api.createPolicy(policy), "2026-10", false);

        assertEquals(List.of("PLATINUM", "SILVER", "MASS"), c.stream().map(id -> Api.tier(id).getString("tier")).toList());
        assertEquals(List.of("value score 56.00 of 100", "contribution 20.00 CNY over 2 months", "credit rating A"),
                Api.tier(c.get(1)).getList("reasons"));
        assertEquals("value score 100.00 of 100", Api.tier(c.get(0)).getList("reasons").get(0));
    }

    private static Map<String, Object> figures(String deposits, String transactions, String rating) {
        Map<String, Object> figures = Api.figures("10.00");
        figures.put("avgDepositBalance", deposits);
        figures.put("transactionAmount", transactions);
        figures.put("creditRating", rating);
        return figures;
    }
}
