package io.bankcrm.segmentation.tiering;

import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.segmentation.Api;
import io.bankcrm.segmentation.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A run is deterministic on real PostgreSQL: the same facts, policy and month give the same tiers, flags, reasons
 * and report, whatever order the customers and facts arrived in and by which path (PUT or bulk file), and with
 * ties in contribution.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class DeterminismTest {

    private static final String[] MONTHS = {"2026-07", "2026-08", "2026-09"};

    @Inject
    TestData data;

    @Test
    void theSameInputInAnotherOrderGivesTheSameResult() {
        List<UUID> ids = TestData.customerIds(12);

        data.reset();
        data.retail(ids);
        for (UUID id : ids) {
            for (String month : MONTHS) {
                Api.fact(id, month, contribution(ids.indexOf(id), month));
            }
        }
        Result first = tierAll(ids);

        data.reset();
        List<UUID> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);
        data.retail(reversed);
        StringBuilder file = new StringBuilder();
        for (UUID id : reversed) {
            int n = ids.indexOf(id);
            if (n % 2 == 0) {
                for (int m = MONTHS.length - 1; m >= 0; m--) {
                    // a wrong figure first, then the right one: the month is replaced, not added to
                    Api.fact(id, MONTHS[m], "99999.00");
                    Api.fact(id, MONTHS[m], contribution(n, MONTHS[m]));
                }
            } else {
                for (String month : MONTHS) {
                    file.append(ndjson(id, month, contribution(n, month))).append('\n');
                }
            }
        }
        assertEquals(18, Api.bulk("application/x-ndjson", file.toString()).getInt("rowsAccepted"));
        Result second = tierAll(ids);

        assertEquals(first.customers(), second.customers());
        assertEquals(first.report(), second.report());
    }

    private record Result(List<List<Object>> customers, Map<String, Object> report) {
    }

    private Result tierAll(List<UUID> ids) {
        UUID policy = Api.createPolicy(Api.policy("PARETO", 3, 2, 3, 0, "PLATINUM", 40, "GOLD", 70, "MASS", null));
        JsonPath run = Api.run(policy, "2026-09", false);
        List<List<Object>> customers = new ArrayList<>();
        for (UUID id : ids) {
            JsonPath tier = Api.tier(id);
            customers.add(List.of(id, tier.getString("tier"), tier.getList("flags"), tier.getList("reasons")));
        }
        return new Result(customers, run.getMap("report"));
    }

    /** Contributions with ties: customers 2k and 2k+1 bring the same over the window. */
    private static String contribution(int n, String month) {
        int base = 100 * (12 - n / 2);
        int shift = month.equals(MONTHS[0]) ? -n % 2 * 10 : month.equals(MONTHS[2]) ? n % 2 * 10 : 0;
        return (base + shift) + ".00";
    }

    private static String ndjson(UUID id, String month, String contribution) {
        StringBuilder line = new StringBuilder("{\"customerId\":\"" + id + "\",\"period\":\"" + month + "\"");
        Api.figures(contribution).forEach((k, v) -> line.append(",\"").append(k).append("\":")
                .append(v instanceof String ? "\"" + v + "\"" : v));
        return line.append('}').toString();
    }
}
