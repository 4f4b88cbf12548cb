package io.bankcrm.segmentation.tiering;

import io.bankcrm.segmentation.Api;
import io.bankcrm.segmentation.TestData;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Four retail customers A, B, C, D under a PERCENTILE policy: the top half is GOLD, the rest MASS, over a
 * one-month window, downgrading after 2 runs below the bar. Month by month:
 * <pre>
 *            A    B    C    D     computed GOLD
 * 2026-06  100   90   10    5     A B
 * 2026-07    5   90  100   10     C B   (A dips once)
 * 2026-08  100    4   90   10     A C   (A is back, B dips)
 * 2026-09  100    4   90   10     A C   (B stays below)
 * </pre>
 */
final class FourCustomers {

    static final Map<String, int[]> MONTHS = Map.of(
            "2026-06", new int[]{100, 90, 10, 5},
            "2026-07", new int[]{5, 90, 100, 10},
            "2026-08", new int[]{100, 4, 90, 10},
            "2026-09", new int[]{100, 4, 90, 10});

    final UUID a;
    final UUID b;
    final UUID c;
    final UUID d;
    final UUID policy;

    FourCustomers(TestData data) {
        List<UUID> ids = TestData.customerIds(4);
        a = ids.get(0);
        b = ids.get(1);
        c = ids.get(2);
        d = ids.get(3);
        data.retail(ids);
        policy = Api.createPolicy(Api.policy("PERCENTILE", 1, 1, 2, 0, "GOLD", 50, "MASS", null));
    }

    List<UUID> all() {
        return List.of(a, b, c, d);
    }

    /** Reports the month's facts of the four. */
    void report(String month) {
        int[] values = MONTHS.get(month);
        for (int i = 0; i < 4; i++) {
            Api.fact(all().get(i), month, values[i] + ".00");
        }
    }
}
