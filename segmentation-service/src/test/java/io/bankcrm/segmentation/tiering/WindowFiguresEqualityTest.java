package io.bankcrm.segmentation.tiering;

import io.agroal.api.AgroalDataSource;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.segmentation.Api;
import io.bankcrm.segmentation.TestData;
import io.bankcrm.segmentation.domain.RuleCases;
import io.bankcrm.segmentation.domain.Segment;
import io.bankcrm.segmentation.domain.TierBand;
import io.bankcrm.segmentation.domain.TierLadder;
import io.bankcrm.segmentation.domain.TieringMethod;
import io.bankcrm.segmentation.domain.TieringPolicy;
import io.bankcrm.segmentation.domain.ValueFigures;
import io.bankcrm.segmentation.domain.ValueScore;
import io.bankcrm.segmentation.service.TieringEngine;
import io.bankcrm.segmentation.service.TieringReport;
import io.bankcrm.segmentation.service.TieringReport.FactsSource;
import io.bankcrm.segmentation.service.ValueFactImport;
import io.bankcrm.segmentation.service.ValueFactRow;
import io.bankcrm.segmentation.service.ValueFacts;
import io.bankcrm.segmentation.service.WindowFigures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The maintained window figures give exactly the run a full recomputation gives (@QuarkusTest, real PostgreSQL):
 * facts arrive by every path (PUT, bulk rows, card spending at the month's first and last instant), months are
 * replaced, customers stop reporting, report a month ahead, exist only through card spending or have figures near
 * the largest amount; for several as-of months (the window moving) and policies (PARETO, PERCENTILE, THRESHOLDS),
 * a publishing run on the maintained figures and the same run by the full scan yield the same per-customer
 * figures, ranking, tiers, flags, hysteresis, reasons, tier-changed events and report. A policy with another
 * window is computed by the full scan, and its report says so.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class WindowFiguresEqualityTest {

    private static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");
    /** Near the largest monthly figure: twelve of them overflow numeric(19,2), one overflows bigint cents. */
    private static final String LARGE = "99999999999999900.00";

    @Inject
    TestData data;

    @Inject
    ValueFacts facts;

    @Inject
    ValueFactImport bulk;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void runsOnMaintainedFiguresEqualTheFullRecomputation() throws Exception {
        data.reset();
        List<UUID> retail = TestData.customerIds(30);
        data.retail(retail);
        List<UUID> corporate = TestData.customerIds(3);
        data.corporate(corporate);
        UUID unknownKind = TestData.customerIds(1).get(0);

        TieringPolicy pareto = policy(TieringMethod.PARETO, 12, 3, null, "PLATINUM", "40", "GOLD", "70", "SILVER", "90", "MASS", null);
        TieringPolicy percentile = policy(TieringMethod.PERCENTILE, 12, 6, null, "GOLD", "25", "SILVER", "60", "MASS", null);
        TieringPolicy thresholds = policy(TieringMethod.THRESHOLDS, 12, 2, RuleCases.SCORE, "GOLD", "10", "SILVER", "1", "MASS", null);
        for (YearMonth m = YearMonth.of(2025, 8); m.isBefore(YearMonth.of(2026, 8)); m = m.plusMonths(1)) {
            report(retail, m);
        }
        try (Connection c = dataSource.getConnection()) {
            Map<String, String> names = tierNames(c);
            // month by month, as the bank's systems send them: the windows move with the reported months
            for (YearMonth asOf = YearMonth.of(2026, 8); !asOf.isAfter(YearMonth.of(2026, 11)); asOf = asOf.plusMonths(1)) {
                report(retail, asOf);
                changesOf(retail, corporate, unknownKind, asOf);
                assertEquals(0, data.count("select count(*) from (" + storedFiguresDifferingFromFacts() + ") d"),
                        asOf + ": every customer's maintained figures are those of its facts");
                for (TieringPolicy policy : List.of(pareto, percentile, thresholds)) {
                    Outcome maintained = run(c, spec(policy, names, asOf), false);
                    Outcome full = run(c, spec(policy, names, asOf).withFullScan(), false);
                    String what = policy.method() + " " + asOf;
                    assertEquals(FactsSource.WINDOW_FIGURES, maintained.source().source(), what);
                    assertTrue(maintained.source().fromFigures() >= 25 && maintained.source().recomputed() > 0,
                            what + ": " + maintained.source());
                    assertEquals(FactsSource.FULL_SCAN, full.source().source(), what);
                    assertEquals(full.facts(), maintained.facts(), what + ": the figures ranked");
                    assertEquals(full.result(), maintained.result(), what + ": ranking, tiers, flags, hysteresis");
                    assertEquals(full.written(), maintained.written(), what + ": history, reasons, tiers stored");
                    assertEquals(full.events(), maintained.events(), what + ": tier-changed events");
                    assertEquals(full.report(), maintained.report(), what + ": the report and its curve");
                }
                // published, so the next month meets tiers and hysteresis
                run(c, spec(pareto, names, asOf), true);
            }
            // a dry run of a month whose window no customer's figures end at: every customer recomputed, same run
            YearMonth past = YearMonth.of(2026, 3);
            Outcome dry = run(c, dry(spec(pareto, names, past)), false);
            assertEquals(0, dry.source().fromFigures(), dry.source().note());
            assertEquals(run(c, dry(spec(pareto, names, past)).withFullScan(), false).result(), dry.result());

            // customer 7: twelve months of 99,999,999,999,999,900.00 + 12.30 fees - 2.00 cost, to the fen
            String twelveLarge = new BigDecimal(LARGE).add(new BigDecimal("10.30")).multiply(BigDecimal.valueOf(12))
                    .toPlainString();
            Outcome october = run(c, spec(pareto, names, YearMonth.of(2026, 11)), false);
            assertTrue(october.facts().stream().anyMatch(row -> row.get(0).equals(retail.get(7))
                    && row.get(1).equals(twelveLarge)), twelveLarge + " in " + october.facts());

            TieringPolicy sixMonths = policy(TieringMethod.PARETO, 6, 3, null, "GOLD", "50", "MASS", null);
            FactsSource source = run(c, spec(sixMonths, names, YearMonth.of(2026, 10)), false).source();
            assertEquals(FactsSource.FULL_SCAN, source.source());
            assertTrue(source.note().contains("window of 6 months is not the maintained 12-month window"), source.note());

            upgradeBackfillGivesTheSameRuns(c, names, List.of(pareto, percentile, thresholds));
        }
    }

    /**
     * A database upgraded to V3 with these facts already stored: the migration's backfill (its own insert, run into
     * a scratch copy of the table) gives figures that agree with their facts, and runs on them equal the full scan.
     */
    private void upgradeBackfillGivesTheSameRuns(Connection c, Map<String, String> names, List<TieringPolicy> policies)
            throws Exception {
        String migration;
        try (var in = getClass().getClassLoader().getResourceAsStream("db/migration/V3__customer_window_figures.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String backfill = migration.substring(migration.indexOf("insert into " + WindowFigures.TABLE));
        try (Statement s = c.createStatement()) {
            s.execute("create schema v3_upgrade");
            s.execute("create table v3_upgrade." + WindowFigures.TABLE + " (like public." + WindowFigures.TABLE
                    + " including all)");
            // the unqualified table names of the migration and of the engine now mean the scratch table
            s.execute("set search_path = v3_upgrade, public");
            try {
                assertEquals(data.count("select count(distinct customer_id) from value_fact"), s.executeUpdate(backfill),
                        "one row per customer with facts");
                assertEquals(0, data.count("select count(*) from v3_upgrade." + WindowFigures.TABLE + " f where not exists"
                        + " (select 1 from public." + WindowFigures.TABLE + " m where m.customer_id = f.customer_id)"),
                        "the backfill has figures for the customers the service maintains");
                try (ResultSet rs = s.executeQuery("select count(*) from (" + storedFiguresDifferingFromFacts() + ") d")) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), "every backfilled row's figures are those of its facts");
                }
                for (YearMonth asOf : List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11))) {
                    for (TieringPolicy policy : policies) {
                        Outcome backfilled = run(c, dry(spec(policy, names, asOf)), false);
                        Outcome full = run(c, dry(spec(policy, names, asOf)).withFullScan(), false);
                        String what = "after the V3 backfill, " + policy.method() + " " + asOf;
                        assertEquals(FactsSource.WINDOW_FIGURES, backfilled.source().source(), what);
                        // the facts end with 2026-11: most customers' windows end there, a few at 2026-10
                        assertTrue(backfilled.source().fromFigures() >= (asOf.getMonthValue() == 11 ? 25 : 1),
                                what + ": " + backfilled.source());
                        assertEquals(full.facts(), backfilled.facts(), what + ": the figures ranked");
                        assertEquals(full.result(), backfilled.result(), what + ": ranking, tiers, flags");
                        assertEquals(full.report(), backfilled.report(), what + ": the report");
                    }
                }
            } finally {
                s.execute("reset search_path");
                s.execute("drop schema v3_upgrade cascade");
            }
        }
    }

    /**
     * The month's reported figures, by PUT-like calls and bulk rows: customer 3 stops after 2025-09, 4 starts in
     * 2026-06, 5 only spends by card, 7 reports near the largest amounts, 9 (2026-10) and 12 are replaced.
     */
    private void report(List<UUID> retail, YearMonth m) {
        for (int n = 0; n < retail.size(); n++) {
            UUID id = retail.get(n);
            if (n == 5 || (n == 3 && m.isAfter(YearMonth.of(2025, 9))) || (n == 4 && m.isBefore(YearMonth.of(2026, 6)))) {
                continue;
            }
            String nii = n == 7 ? LARGE : Integer.toString((n * 37 + m.getMonthValue() * (n % 3 == 0 ? 11 : -7)) % 900
                    + 50 * (n % 4));
            String cost = n % 9 == 0 ? "400.00" : Integer.toString(n % 5);
            ValueFigures f = figures(nii, cost, rating(n, m));
            if (n % 2 == 0) {
                facts.replace(id, m, f, "test", null);
            } else {
                bulk.apply(new ValueFactRow(id, m.toString(), f.avgDepositBalance(), f.loanBalance(),
                        f.assetsUnderManagement(), f.netInterestIncome(), f.feeIncome(), f.costToServe(),
                        f.transactionCount(), f.transactionAmount(), f.productsHeld(), f.creditRating(),
                        f.currency()), "tester");
            }
        }
    }

    /** What else happens in the month: replacements, card spending at the months' edges, a month reported early. */
    private void changesOf(List<UUID> retail, List<UUID> corporate, UUID unknownKind, YearMonth m) {
        Instant start = m.atDay(1).atStartOfDay(BANK_ZONE).toInstant();
        for (int n : new int[] {1, 2, 5, 8, 5, 21}) {
            facts.addCardSpending(retail.get(n), new BigDecimal("120.50"), "CNY", start);
            // the last instant of the month before: a month inside the window changes
            facts.addCardSpending(retail.get(n), new BigDecimal("80.25"), "CNY", start.minusNanos(1000));
            facts.addCardSpending(retail.get(n), new BigDecimal("10.00"), "CNY",
                    m.plusMonths(1).atDay(1).atStartOfDay(BANK_ZONE).toInstant().minusSeconds(1));
        }
        // months replaced: the window's first month, the month itself, and one just outside the window
        for (int n = 10; n < 16; n++) {
            facts.replace(retail.get(n), m.minusMonths(11), figures("-55.00", "3.00", null), "test", null);
            facts.replace(retail.get(n), m, figures("777.77", "1.00", "BBB"), "test", null);
            facts.replace(retail.get(n), m.minusMonths(12), figures("9999.00", "0.00", "AAA"), "test", null);
        }
        Api.fact(retail.get(17), m.toString(), "12345.67");
        Api.fact(retail.get(17), m.toString(), "2345.67");
        if (m.equals(YearMonth.of(2026, 10))) {
            // reported a month early, and card spending of a month not reported yet
            facts.replace(retail.get(6), m.plusMonths(1), figures("321.00", "0.00", "A"), "test", null);
            facts.addCardSpending(retail.get(9), new BigDecimal("5.00"), "CNY", m.plusMonths(1).atDay(1)
                    .atStartOfDay(BANK_ZONE).toInstant());
            facts.replace(retail.get(12), m.minusMonths(4), figures(LARGE, "0.00", "AAA"), "test", null);
        }
        for (UUID id : corporate) {
            facts.replace(id, m, figures("5000.00", "0.00", "AA"), "test", null);
        }
        if (m.getMonthValue() % 2 == 0) {
            facts.replace(unknownKind, m, figures("100.00", "0.00", "A"), "test", null);
        }
    }

    private static TieringEngine.Spec dry(TieringEngine.Spec s) {
        return new TieringEngine.Spec(s.runId(), s.policy(), s.ladder(), s.asOf(), false, s.at(), s.currency(),
                s.workMem());
    }

    /** One run on {@code c}, committed or rolled back, with what it computed and would write. */
    private Outcome run(Connection c, TieringEngine.Spec spec, boolean commit) throws SQLException {
        c.setAutoCommit(false);
        try {
            TieringEngine engine = new TieringEngine(spec);
            List<List<Object>> events = new ArrayList<>();
            TieringReport report = engine.run(c, TieringEngine.Progress.NONE, (type, select) -> {
                events.addAll(rows(c, "select e.* from (" + select + ") e"));
                return events.size();
            });
            Outcome outcome = new Outcome(report.facts(), rows(c, "select * from tr_facts order by customer_id"),
                    rows(c, "select * from tr_result order by customer_id"),
                    spec.publish() ? rows(c, "select * from tr_written order by customer_id") : List.of(), events,
                    withoutSource(report));
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
            return outcome;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private record Outcome(FactsSource source, List<List<Object>> facts, List<List<Object>> result,
                           List<List<Object>> written, List<List<Object>> events, TieringReport report) {
    }

    private static TieringReport withoutSource(TieringReport r) {
        return new TieringReport(r.customers(), r.skippedUnknownKind(), r.totalContribution(), r.totalProfit(),
                r.belowCostCustomers(), r.belowCostContribution(), r.topTwentyPercentProfitShare(), r.tiers(),
                r.movements(), r.paretoCurve(), r.eventsPublished(), null);
    }

    /** Stored figures that a recomputation from the facts of the row's own window would not give. */
    private static String storedFiguresDifferingFromFacts() {
        StringBuilder monthly = new StringBuilder();
        for (int back = 0; back <= WindowFigures.GROWTH_MONTHS; back++) {
            monthly.append(back == 0 ? "" : ", ").append("coalesce(sum(v.contribution) filter (where v.month = cast(f.window_end - interval '")
                    .append(back).append(" months' as date)), 0)");
        }
        return "select f.customer_id from customer_window_figures f left join lateral (select"
                + " coalesce(sum(v.contribution), 0) as contribution, array[" + monthly + "] as monthly,"
                + " max(v.credit_rating) filter (where v.month = f.window_end) as credit_rating,"
                + " coalesce(sum(v.avg_deposit_balance + v.loan_balance + v.assets_under_management), 0) as scale_total,"
                + " coalesce(sum(v.transaction_amount + v.card_transaction_amount), 0) as volume_total,"
                + " count(v.month) as months_reported from value_fact v where v.customer_id = f.customer_id"
                + " and v.month between cast(f.window_end - interval '11 months' as date) and f.window_end) e on true"
                + " where (f.contribution, f.monthly, f.credit_rating, f.scale_total, f.volume_total, f.months_reported)"
                + " is distinct from (e.contribution, e.monthly, e.credit_rating, e.scale_total, e.volume_total,"
                + " e.months_reported)"
                + " union all select distinct v.customer_id from value_fact v where not exists"
                + " (select 1 from customer_window_figures f where f.customer_id = v.customer_id)";
    }

    private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    // numbers by value and scale as text; arrays as their text
                    row.add(value instanceof java.sql.Array || value instanceof BigDecimal ? String.valueOf(
                            value instanceof BigDecimal b ? b.toPlainString() : rs.getString(i)) : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static TieringEngine.Spec spec(TieringPolicy policy, Map<String, String> names, YearMonth asOf) {
        return new TieringEngine.Spec(UUID.nameUUIDFromBytes((policy.id() + asOf.toString()).getBytes()), policy,
                new TierLadder(policy.tierCodes(), names), asOf, true, Instant.parse("2026-12-01T00:00:00Z").truncatedTo(ChronoUnit.MICROS), "CNY", "64MB");
    }

    private static TieringPolicy policy(TieringMethod method, int window, int growth, ValueScore score, String... bands) {
        List<TierBand> tiers = new ArrayList<>();
        for (int i = 0; i < bands.length; i += 2) {
            tiers.add(new TierBand(bands[i], bands[i + 1] == null ? null : new BigDecimal(bands[i + 1])));
        }
        return new TieringPolicy(UUID.nameUUIDFromBytes((method + "/" + window).getBytes()), 1, "equality",
                Segment.RETAIL, method, window, tiers, score, growth, 2, 1);
    }

    private static Map<String, String> tierNames(Connection c) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select code, name from tier")) {
            while (rs.next()) {
                names.put(rs.getString(1), rs.getString(2));
            }
        }
        return names;
    }

    private static String rating(int n, YearMonth m) {
        String[] ratings = {"AAA", "AA", "A", "BBB", "BB", "B", "CCC"};
        return (n + m.getMonthValue()) % 8 == 7 ? null : ratings[(n + m.getMonthValue()) % 7];
    }

    private static ValueFigures figures(String nii, String cost, String rating) {
        return new ValueFigures(new BigDecimal("15000.00"), new BigDecimal(nii.length() % 3 * 1000 + ".00"),
                new BigDecimal("2500.50"), new BigDecimal(nii).setScale(2), new BigDecimal("12.30"),
                new BigDecimal(cost).setScale(2), 7L, new BigDecimal("432.10"), 2, rating, "CNY");
    }
}
