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
import io.bankcrm.segmentation.service.WindowFigures;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    /** segmentation-service's V1 hash-partitions value_fact into 16. */
    private static final int PARTITIONS = 16;
    /**
     * The embedded server's settings for a bulk load beside its defaults: no WAL for a relation written in the
     * transaction that truncated it, and no checkpoint in the middle of the load. The runs write existing tables and
     * log them as usual.
     */
    private static final Map<String, String> SETTINGS = Map.of("wal_level", "minimal", "max_wal_senders", "0",
            "max_wal_size", "8GB", "checkpoint_timeout", "30min");

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
            server = EmbeddedPostgresServer.start(dir.resolve("pg").toAbsolutePath(), 0, SETTINGS);
            server.createDatabaseIfMissing("segmentation_bench");
            url = server.jdbcUrl("segmentation_bench");
        }
        try {
            boolean reuse = Boolean.getBoolean("bench.reuse") && hasData(url, user, password, customers);
            Flyway flyway = Flyway.configure().dataSource(url, user, password).cleanDisabled(false)
                    .locations("classpath:db/platform", "classpath:db/migration").load();
            if (!reuse) {
                flyway.clean();
                flyway.migrate();
            }
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                printServer(c);
                long generatedMs = -1;
                if (reuse) {
                    try (Statement s = c.createStatement()) {
                        s.execute("truncate customer_tier, tier_history, outbox_event");
                    }
                    System.out.println("reusing the value facts and window figures of the last run");
                } else {
                    generatedMs = generate(url, user, password, c, customers);
                }
                TieringPolicy policy = new TieringPolicy(UUID.randomUUID(), 1, "bench", Segment.RETAIL,
                        TieringMethod.PARETO, 12, List.of(new TierBand("PLATINUM", new BigDecimal("50")),
                        new TierBand("GOLD", new BigDecimal("80")), new TierBand("SILVER", new BigDecimal("95")),
                        new TierBand("MASS", null)), null, 3, 3, 3);
                TierLadder ladder = ladder(c, policy.tierCodes());
                YearMonth last = FIRST_MONTH.plusMonths(MONTHS - 1);
                long[] floor = floor(c, policy, last);
                long floorMs = floor[0] + floor[1];
                Map<String, Long> times = new LinkedHashMap<>();
                times.put("first publishing run " + last.minusMonths(1) + " (every customer new)",
                        run(c, spec(policy, ladder, last.minusMonths(1), true)).ms());
                times.put("RE-TIERING: publishing run " + last, run(c, spec(policy, ladder, last, true)).ms());
                Timed dry = run(c, spec(policy, ladder, last, false));
                times.put("dry run " + last, dry.ms());
                Timed fullScan = run(c, spec(policy, ladder, last, false).withFullScan());
                times.put("dry run " + last + " by the full scan (for comparison)", fullScan.ms());
                check(c, spec(policy, ladder, last, false), dry.report(), fullScan.report());
                System.out.println();
                System.out.printf("%,d customers, %,d value facts, %d cores, load average %s%n", customers,
                        (long) customers * MONTHS, Runtime.getRuntime().availableProcessors(), loadAverage());
                if (generatedMs >= 0) {
                    System.out.printf("%-62s %7.1f s%n", "data generation", generatedMs / 1000.0);
                }
                System.out.printf("%-62s %7.1f s%n", "floor: aggregate of the window's facts (" + last.minusMonths(
                        policy.windowMonths() - 1L) + " to " + last + ")", floor[0] / 1000.0);
                System.out.printf("%-62s %7.1f s%n", "floor: one ranking (window function) of the figures", floor[1] / 1000.0);
                System.out.printf("%-62s %7.1f s%n", "FLOOR (aggregate + ranking)", floorMs / 1000.0);
                times.forEach((what, ms) -> System.out.printf("%-62s %7.1f s  %5.2f x floor%n", what, ms / 1000.0,
                        ms / (double) floorMs));
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * Retail customers whose monthly profit follows a heavy-tailed (Pareto, alpha about 1.16) distribution with
     * +/-10% monthly noise; one in twenty grows 5% a month and one in twelve costs more than it brings. Set-based:
     * one insert of the customers, a table of what each customer's months share (computed once per customer, with
     * the value_fact partition it falls in), then each of the 16 partitions in a transaction of its own on two
     * connections (two cores): the partition truncated, all 13 months of its customers' facts inserted in key order
     * (no page splits; under {@link #SETTINGS}' wal_level=minimal a relation truncated in its transaction is written
     * without WAL), and its customers' window figures built by the service's own aggregate
     * ({@link WindowFigures#rebuildSql}, the window ending at the last month, every customer's latest) from the
     * partition just written, while it is in memory; then a vacuum analyze of each partition.
     *
     * @return the time it took, in milliseconds
     */
    private static long generate(String url, String user, String password, Connection c, int customers)
            throws Exception {
        long started = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("set synchronous_commit = off");
            s.execute("set work_mem = '" + WORK_MEM + "'");
            // in key order: the primary key grows at its right edge instead of splitting pages all over
            s.execute("insert into customer (customer_id, kind, updated_at) select id, 'INDIVIDUAL', now()"
                    + " from (select md5('bench-' || i)::uuid as id from generate_series(1, " + customers + ") i) g"
                    + " order by id");
            // Which value_fact partition each customer falls in, by PostgreSQL's own routing: a scratch table
            // hash-partitioned like value_fact (same key type, same modulus) puts each customer in the partition of
            // the same remainder. A wrong guess could not go unnoticed: a row inserted straight into a partition
            // is checked against that partition's constraint.
            s.execute("drop table if exists bench_route");
            s.execute("create unlogged table bench_route (customer_id uuid not null) partition by hash (customer_id)");
            for (int p = 0; p < PARTITIONS; p++) {
                s.execute("create unlogged table bench_route_p" + p + " partition of bench_route for values with"
                        + " (modulus " + PARTITIONS + ", remainder " + p + ")");
            }
            s.execute("insert into bench_route select customer_id from customer");
            // float8 for the power (numeric's is slow), the base rounded to 4 decimals; stored by partition, then
            // customer, so that each partition's customers are read in key order from one stretch of the table
            s.execute("drop table if exists bench_customer");
            s.execute("create unlogged table bench_customer as select customer_id, part, i, base, trend,"
                    + " base::float8 as base_f, trend::float8 as trend_f, round(base * 400, 2) as deposit, round(base * 100 * (i % 3), 2) as loan,"
                    + " round(base * 250 * (i % 2), 2) as aum,"
                    + " round(case when i % 12 = 0 then base * 1.6 else 6 + base * 0.1 end, 2) as cost,"
                    + " (i % 40)::int as transactions, 1 + (i % 5)::int as products,"
                    + " (array['AAA','AA','A','BBB','BB','B','CCC'])[1 + (i % 7)::int] as rating"
                    + " from (select customer_id, i, part, round((12 * power(1 - ((i * 2654435761) % 4294967291)::float8"
                    + " / 4294967296.0, -0.86))::numeric, 4) as base, case when i % 20 = 0 then 0.05 else 0 end as trend"
                    + " from (select c.customer_id, row_number() over (order by c.customer_id) as i,"
                    + " substring(r.tableoid::regclass::text from '[0-9]+$')::int as part"
                    + " from customer c join bench_route r on r.customer_id = c.customer_id) n) b"
                    + " order by part, customer_id");
            s.execute("drop table bench_route");
            s.execute("create index on bench_customer (part, customer_id)");
            s.execute("analyze bench_customer");
            System.out.printf("  customers ready (%.0f s)%n", (System.nanoTime() - started) / 1e9);
        }
        // in key order (customer, month), so that the primary key grows at its right edge; the monthly figures in
        // float8 (numeric multiplication is slow), each rounded to the fen by its cast to numeric(19,2)
        String facts = "insert into value_fact_p{part} (customer_id, month, currency, avg_deposit_balance, loan_balance,"
                + " assets_under_management, net_interest_income, fee_income, cost_to_serve, transaction_count,"
                + " transaction_amount, products_held, credit_rating, source, reported_at, updated_at)"
                + " select customer_id, (date '" + FIRST_MONTH.atDay(1) + "' + k * interval '1 month')::date, 'CNY',"
                + " deposit, loan, aum, (base_f * (1 + trend_f * k) * (0.9 + 0.2 * n))::numeric(19,2),"
                + " (base_f * 0.2 * (0.8 + 0.4 * n))::numeric(19,2), cost, transactions,"
                + " (base_f * 30 * (0.5 + n))::numeric(19,2), products, rating, 'bench', now(), now()"
                + " from (select b.*, m.k, ((b.i * 7919 + m.k * 104729) % 1000) / 1000.0::float8 as n"
                + " from bench_customer b cross join generate_series(0, " + (MONTHS - 1) + ") as m(k)"
                + " where b.part = {part}) g order by customer_id, k";
        YearMonth last = FIRST_MONTH.plusMonths(MONTHS - 1);
        long[] factsNanos = new long[PARTITIONS];
        long[] figuresNanos = new long[PARTITIONS];
        long[] vacuumNanos = new long[PARTITIONS];
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                int part = p;
                done.add(workers.submit(() -> {
                    try (Connection own = DriverManager.getConnection(url, user, password);
                         Statement s = own.createStatement()) {
                        own.setAutoCommit(false);
                        long t0 = System.nanoTime();
                        // the runs' work_mem: the partition's aggregate below must not spill to disk
                        s.execute("set local work_mem = '" + WORK_MEM + "'");
                        s.execute("set local synchronous_commit = off");
                        s.execute("truncate value_fact_p" + part);
                        s.execute(facts.replace("{part}", Integer.toString(part)));
                        long t1 = System.nanoTime();
                        s.execute(WindowFigures.rebuildSql(last, "value_fact_p" + part));
                        own.commit();
                        long t2 = System.nanoTime();
                        own.setAutoCommit(true);
                        s.execute("vacuum analyze value_fact_p" + part);
                        factsNanos[part] = t1 - t0;
                        figuresNanos[part] = t2 - t1;
                        vacuumNanos[part] = System.nanoTime() - t2;
                    }
                    return null;
                }));
            }
            for (Future<?> partition : done) {
                partition.get();
            }
        } finally {
            workers.shutdown();
        }
        System.out.printf("  %,d value facts and %,d customers' window figures in %d partitions (%.0f s: facts %.0f s,"
                        + " figures %.0f s, vacuum %.0f s, summed over both connections)%n", (long) customers * MONTHS,
                customers, PARTITIONS, (System.nanoTime() - started) / 1e9, sum(factsNanos) / 1e9,
                sum(figuresNanos) / 1e9, sum(vacuumNanos) / 1e9);
        try (Statement s = c.createStatement()) {
            s.execute("drop table bench_customer");
            s.execute("analyze value_fact");
            s.execute("vacuum analyze " + WindowFigures.TABLE);
            s.execute("vacuum analyze customer");
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("data ready in %.0f s%n", ms / 1000.0);
        return ms;
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }

    /**
     * The floor any re-tiering pays, on the same data and settings as the runs (the engine's work_mem, partitionwise
     * aggregate): one aggregate of the window's facts (each customer's contribution summed over the policy's
     * window) into a temp table, and one ranking of those figures (row_number and the running sum of profit, the
     * window functions a run ranks with). Nothing else: no flags, bands, hysteresis, report or writes.
     *
     * @return {aggregate ms, ranking ms}
     */
    private static long[] floor(Connection c, TieringPolicy policy, YearMonth asOf) throws SQLException {
        YearMonth from = asOf.minusMonths(policy.windowMonths() - 1L);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set local work_mem = '" + WORK_MEM + "'");
            s.execute("set local enable_partitionwise_aggregate = on");
            long started = System.nanoTime();
            s.execute("create temp table floor_figures on commit drop as select customer_id, sum(contribution) as"
                    + " contribution from value_fact where month between date '" + from.atDay(1) + "' and date '"
                    + asOf.atDay(1) + "' group by customer_id");
            long aggregated = System.nanoTime();
            long ranked;
            try (ResultSet rs = s.executeQuery("select count(*), max(r), max(running) from (select row_number() over w"
                    + " as r, sum(greatest(contribution, 0)) over (w rows between unbounded preceding and current row)"
                    + " as running from floor_figures window w as (order by contribution desc, customer_id)) x")) {
                rs.next();
                ranked = System.nanoTime();
                System.out.printf("floor over %,d customers' figures (%s to %s): aggregate %.1f s, ranking %.1f s%n",
                        rs.getLong(1), from, asOf, (aggregated - started) / 1e9, (ranked - aggregated) / 1e9);
            }
            c.commit();
            return new long[] {(aggregated - started) / 1_000_000, (ranked - aggregated) / 1_000_000};
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The 1, 5 and 15 minute load averages (other work on the machine shares its cores), where the OS tells. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f (1 min)", ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    private static boolean hasData(String url, String user, String password, int customers) {
        try {
            // exec:java runs this in a class loader of its own, which DriverManager's start-up scan does not see
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the PostgreSQL JDBC driver is not on the class path", e);
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from customer")) {
            return rs.next() && rs.getLong(1) == customers;
        } catch (SQLException e) {
            return false;
        }
    }

    private static TieringEngine.Spec spec(TieringPolicy policy, TierLadder ladder, YearMonth asOf, boolean publish) {
        return new TieringEngine.Spec(UUID.randomUUID(), policy, ladder, asOf, publish, Instant.now(), "CNY", WORK_MEM);
    }

    private record Timed(long ms, TieringReport report) {
    }

    private static Timed run(Connection c, TieringEngine.Spec spec) throws SQLException {
        c.setAutoCommit(false);
        long started = System.nanoTime();
        TieringEngine engine = new TieringEngine(spec);
        TieringReport report = engine.run(c, phase -> System.out.printf("  %-16s at %6.1f s%n", phase,
                (System.nanoTime() - started) / 1e9), (type, select) -> publishEach(c, type, select));
        c.commit();
        long ms = (System.nanoTime() - started) / 1_000_000;
        c.setAutoCommit(true);
        System.out.printf("%s %s: %,d customers, %,d changed (%,d up, %,d down, %,d held), %,d events, top 20%% bring "
                        + "%s%% of profit, in %.1f s%n  figures: %s%n", spec.publish() ? "publishing run" : "dry run",
                spec.asOf(), report.customers(), report.movements().changed(), report.movements().up(),
                report.movements().down(), report.movements().held(), report.eventsPublished(),
                report.topTwentyPercentProfitShare(), ms / 1000.0, report.facts().note());
        return new Timed(ms, report);
    }

    /**
     * The check on the benchmark's data: every customer's figures as the run reads them from the maintained window
     * figures equal those of the full scan, and the dry run's report equals the full scan's. Fails the benchmark
     * otherwise.
     */
    private static void check(Connection c, TieringEngine.Spec spec, TieringReport maintained, TieringReport full)
            throws SQLException {
        String figures = new TieringEngine(spec).factsSql(c);
        String scanned = new TieringEngine(spec.withFullScan()).factsSql(c);
        long started = System.nanoTime();
        long differing;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from ((" + figures
                + " except all " + scanned + ") union all (" + scanned + " except all " + figures + ")) d")) {
            rs.next();
            differing = rs.getLong(1);
        }
        boolean sameReport = withoutFacts(maintained).equals(withoutFacts(full));
        System.out.printf("check: %,d customers' figures differ between the window figures and the full scan; the dry"
                + " runs' reports are %s (%.0f s)%n", differing, sameReport ? "equal" : "NOT EQUAL",
                (System.nanoTime() - started) / 1e9);
        if (differing != 0 || !sameReport) {
            throw new IllegalStateException("the maintained window figures do not give the full scan's result");
        }
    }

    private static TieringReport withoutFacts(TieringReport r) {
        return new TieringReport(r.customers(), r.skippedUnknownKind(), r.totalContribution(), r.totalProfit(),
                r.belowCostCustomers(), r.belowCostContribution(), r.topTwentyPercentProfitShare(), r.tiers(),
                r.movements(), r.paretoCurve(), r.eventsPublished(), null);
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
                "select version(), current_setting('shared_buffers'), current_setting('max_parallel_workers_per_gather'),"
                        + " current_setting('wal_level'), current_setting('max_wal_size')")) {
            rs.next();
            System.out.printf("%s; shared_buffers %s, parallel workers per gather %s, wal_level %s, max_wal_size %s%n",
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
        }
    }
}
