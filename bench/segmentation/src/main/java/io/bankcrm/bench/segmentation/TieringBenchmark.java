package io.bankcrm.bench.segmentation;

import io.bankcrm.events.EventType;
import io.bankcrm.localstack.EmbeddedPostgresServer;
import io.bankcrm.segmentation.domain.Segment;
import io.bankcrm.segmentation.domain.TierBand;
import io.bankcrm.segmentation.domain.TierLadder;
import io.bankcrm.segmentation.domain.TieringMethod;
import io.bankcrm.segmentation.domain.TieringPolicy;
import io.bankcrm.segmentation.service.TieringEngine;
import io.bankcrm.segmentation.service.TieringReport;
import org.flywaydb.core.Flyway;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Re-tiering 1,000,000 retail customers with segmentation-service's own schema (its Flyway migrations) and its
 * own run ({@link TieringEngine}, the class the service calls), on a real PostgreSQL. It generates the customers
 * and 13 months of value facts with generate_series, then times:
 * <ol>
 * <li>the first publishing run (every customer tiered for the first time: a million tier-changed events);</li>
 * <li>the next month's publishing run: re-tiering, the case the 15-second budget is for;</li>
 * <li>a dry run of the same month.</li>
 * </ol>
 * System properties: {@code bench.customers} (1000000); {@code bench.reuse=true} to keep the data of the last
 * run (same size) and time the runs only; {@code bench.jdbc-url} / {@code bench.user} / {@code bench.password} to
 * use a running server instead of the embedded one under {@code target/pg}.
 */
public final class TieringBenchmark {

    private static final YearMonth FIRST_MONTH = YearMonth.of(2025, 10);
    private static final int MONTHS = 13;
    private static final String WORK_MEM = "256MB";

    private TieringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int customers = Integer.getInteger("bench.customers", 1_000_000);
        String url = System.getProperty("bench.jdbc-url");
        String user = System.getProperty("bench.user", "postgres");
        String password = System.getProperty("bench.password", "postgres");
        EmbeddedPostgresServer server = null;
        if (url == null) {
            // target/ of this module, whatever directory Maven was started from
            Path dir = Path.of(TieringBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent();
            server = EmbeddedPostgresServer.start(dir.resolve("pg").toAbsolutePath(), 0);
            server.createDatabaseIfMissing("segmentation_bench");
            url = server.jdbcUrl("segmentation_bench");
        }
        try {
            boolean reuse = Boolean.getBoolean("bench.reuse") && hasData(url, user, password, customers);
            Flyway flyway = Flyway.configure().dataSource(url, user, password).cleanDisabled(false)
                    .locations("classpath:db/platform", "classpath:db/migration").load();
            if (!reuse) {
                flyway.clean();
            }
            flyway.migrate();
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                printServer(c);
                if (reuse) {
                    try (Statement s = c.createStatement()) {
                        s.execute("truncate customer_tier, tier_history, outbox_event");
                    }
                    System.out.println("reusing the value facts of the last run");
                } else {
                    generate(c, customers);
                }
                TieringPolicy policy = new TieringPolicy(UUID.randomUUID(), 1, "bench", Segment.RETAIL,
                        TieringMethod.PARETO, 12, List.of(new TierBand("PLATINUM", new BigDecimal("50")),
                        new TierBand("GOLD", new BigDecimal("80")), new TierBand("SILVER", new BigDecimal("95")),
                        new TierBand("MASS", null)), null, 3, 3, 3);
                TierLadder ladder = ladder(c, policy.tierCodes());
                YearMonth last = FIRST_MONTH.plusMonths(MONTHS - 1);
                Map<String, Long> times = new LinkedHashMap<>();
                times.put("first publishing run " + last.minusMonths(1) + " (every customer new)",
                        run(c, policy, ladder, last.minusMonths(1), true));
                times.put("RE-TIERING: publishing run " + last, run(c, policy, ladder, last, true));
                times.put("dry run " + last, run(c, policy, ladder, last, false));
                System.out.println();
                System.out.printf("%,d customers, %,d value facts, %d cores%n", customers, (long) customers * MONTHS,
                        Runtime.getRuntime().availableProcessors());
                times.forEach((what, ms) -> System.out.printf("%-60s %7.1f s%n", what, ms / 1000.0));
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * Retail customers whose monthly profit follows a heavy-tailed (Pareto, alpha about 1.16) distribution with
     * +/-10% monthly noise; one in twenty grows 5% a month and one in twelve costs more than it brings. Facts
     * arrive month by month, as the bank's systems would send them.
     */
    private static void generate(Connection c, int customers) throws SQLException {
        long started = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("set synchronous_commit = off");
            s.execute("insert into customer (customer_id, kind, updated_at) select md5('bench-' || i)::uuid,"
                    + " 'INDIVIDUAL', now() from generate_series(1, " + customers + ") i");
            s.execute("create temp table bench_customer as select customer_id,"
                    + " row_number() over (order by customer_id) as i from customer");
            s.execute("alter table bench_customer add column base numeric, add column trend numeric");
            s.execute("update bench_customer set base = 12 * power(1 - ((i * 2654435761) % 4294967291) / 4294967296.0,"
                    + " -0.86), trend = case when i % 20 = 0 then 0.05 else 0 end");
            for (int k = 0; k < MONTHS; k++) {
                YearMonth month = FIRST_MONTH.plusMonths(k);
                s.execute("insert into value_fact (customer_id, month, currency, avg_deposit_balance, loan_balance,"
                        + " assets_under_management, net_interest_income, fee_income, cost_to_serve, transaction_count,"
                        + " transaction_amount, products_held, credit_rating, source, reported_at, updated_at)"
                        + " select customer_id, date '" + month.atDay(1) + "', 'CNY', round(base * 400, 2),"
                        + " round(base * 100 * (i % 3), 2), round(base * 250 * (i % 2), 2),"
                        + " round(base * (1 + trend * " + k + ") * (0.9 + 0.2 * n), 2),"
                        + " round(base * 0.2 * (0.8 + 0.4 * n), 2),"
                        + " round(case when i % 12 = 0 then base * 1.6 else 6 + base * 0.1 end, 2),"
                        + " (i % 40)::int, round(base * 30 * (0.5 + n), 2), 1 + (i % 5)::int,"
                        + " (array['AAA','AA','A','BBB','BB','B','CCC'])[1 + (i % 7)::int], 'bench', now(), now()"
                        + " from (select customer_id, i, base, trend, ((i * 7919 + " + (k * 104729) + ") % 1000) / 1000.0 as n"
                        + " from bench_customer order by customer_id) g");
                System.out.printf("generated %s (%.0f s)%n", month, (System.nanoTime() - started) / 1e9);
            }
            s.execute("vacuum analyze value_fact");
            s.execute("vacuum analyze customer");
        }
        System.out.printf("data ready in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static boolean hasData(String url, String user, String password, int customers) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from customer")) {
            return rs.next() && rs.getLong(1) == customers;
        } catch (SQLException e) {
            return false;
        }
    }

    private static long run(Connection c, TieringPolicy policy, TierLadder ladder, YearMonth asOf, boolean publish)
            throws SQLException {
        c.setAutoCommit(false);
        long started = System.nanoTime();
        TieringEngine engine = new TieringEngine(new TieringEngine.Spec(UUID.randomUUID(), policy, ladder, asOf,
                publish, Instant.now(), "CNY", WORK_MEM));
        TieringReport report = engine.run(c, phase -> System.out.printf("  %-16s at %6.1f s%n", phase,
                (System.nanoTime() - started) / 1e9), (type, select) -> publishEach(c, type, select));
        c.commit();
        long ms = (System.nanoTime() - started) / 1_000_000;
        c.setAutoCommit(true);
        System.out.printf("%s %s: %,d customers, %,d changed (%,d up, %,d down, %,d held), %,d events, top 20%% bring "
                        + "%s%% of profit, in %.1f s%n", publish ? "publishing run" : "dry run", asOf, report.customers(),
                report.movements().changed(), report.movements().up(), report.movements().down(),
                report.movements().held(), report.eventsPublished(), report.topTwentyPercentProfitShare(), ms / 1000.0);
        return ms;
    }

    /** The statement platform's {@code Outbox.publishEach} runs (the service hands the same select to it). */
    private static long publishEach(Connection c, EventType<?> type, String select) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("insert into outbox_event (id, shard, topic, aggregate_type, aggregate_id, type,"
                    + " payload, occurred_at) select gen_random_uuid(), outbox_shard_of(e.key), '" + type.topic()
                    + "', '" + type.aggregateType() + "', e.key, '" + type.type() + "', e.payload, now()"
                    + " from (" + select + ") as e(key, payload)");
        }
    }

    private static TierLadder ladder(Connection c, List<String> codes) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select code, name from tier")) {
            while (rs.next()) {
                names.put(rs.getString(1), rs.getString(2));
            }
        }
        return new TierLadder(codes, names);
    }

    private static void printServer(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select version(), current_setting('shared_buffers'), current_setting('max_parallel_workers_per_gather')")) {
            rs.next();
            System.out.printf("%s; shared_buffers %s, parallel workers per gather %s%n", rs.getString(1),
                    rs.getString(2), rs.getString(3));
        }
    }
}
