package io.bankcrm.bench.crosssell;

import io.bankcrm.localstack.EmbeddedKafkaBroker;
import io.bankcrm.localstack.EmbeddedPostgresServer;
import io.bankcrm.platform.testing.TestTokens;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Launches one campaign over {@code bench.customers} (100,000) target customers in the packaged crosssell-service
 * (its jar, prod profile, configured by environment variables as in production) on an embedded PostgreSQL 17 and
 * Kafka 4.1, and times the launch job from the service's own job record (started → finished) and from the client
 * (the POST of the launch → the first GET that shows it COMPLETED).
 *
 * <p>The data, generated set-based with {@code generate_series} in the service's own schema after its Flyway
 * migrations ran: 20 branches, each with a RETAIL team of 8 members (capacities 1 to 3); the target customers
 * (individuals, tiers PLATINUM/GOLD/SILVER, MARKETING consent by SMS, a current roster member with a salary band of
 * 5,000 or more, so the personal loan's rule admits them), one in twenty of them with an open personal-loan lead
 * already (skipped by the launch), and as many customers again who are not targeted (no consent, or tier MASS).
 *
 * <p>Arguments: the service's {@code quarkus-run.jar} and a working directory. System properties:
 * {@code bench.customers} (100000).
 */
public final class CampaignLaunchBenchmark {

    private static final int BRANCHES = 20;
    private static final int MEMBERS = 8;

    private CampaignLaunchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath().normalize();
        Path work = Path.of(args[1]).toAbsolutePath().resolve("bench-crosssell");
        int customers = Integer.getInteger("bench.customers", 100_000);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package crosssell-service first");
        }
        deleteRecursively(work);
        Files.createDirectories(work);
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(work.resolve("pg"), 0);
             EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(work.resolve("kafka"), 0)) {
            pg.createDatabaseIfMissing("crosssell");
            String url = pg.jdbcUrl("crosssell");
            int port = freePort();
            Process service = start(jar, work, url, pg, kafka, port);
            try {
                String base = "http://localhost:" + port;
                awaitReady(service, base, work.resolve("crosssell-service.log"));
                Instant generating = Instant.now();
                try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password())) {
                    generate(c, customers);
                }
                double generation = seconds(generating, Instant.now());
                System.out.printf("generated %,d target and %,d other customers in %.1f s%n", customers, customers,
                        generation);
                run(base, url, pg, customers, generation);
            } finally {
                service.destroy();
                if (!service.waitFor(30, TimeUnit.SECONDS)) {
                    service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static void run(String base, String url, EmbeddedPostgresServer pg, int customers, double generation)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String lead = "Bearer " + TestTokens.token("tl-bench", "team-lead");
        String body = """
                {"name": "Bench: personal loans", "product": "PERSONAL_LOAN",
                 "target": {"kind": "INDIVIDUAL", "tiers": ["PLATINUM", "GOLD", "SILVER"], "consentChannels": ["SMS", "APP"]},
                 "startsOn": "%s", "endsOn": "%s", "budget": {"amount": "100000.00", "currency": "CNY"}}"""
                .formatted(LocalDate.now(), LocalDate.now().plusDays(90));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/campaigns"))
                .header("Authorization", lead).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating the campaign: " + created.statusCode() + " " + created.body());
        }
        String id = field(created.body(), "id");
        String etag = created.headers().firstValue("ETag").orElseThrow();
        Instant posted = Instant.now();
        HttpResponse<String> launched = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/campaigns/" + id + "/launch"))
                .header("Authorization", lead).header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (launched.statusCode() != 202) {
            throw new IllegalStateException("launching: " + launched.statusCode() + " " + launched.body());
        }
        String view;
        while (true) {
            view = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/campaigns/" + id))
                    .header("Authorization", lead).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            String status = field(view, "status", view.indexOf("\"launch\""));
            if ("COMPLETED".equals(status) || "FAILED".equals(status) || "CANCELLED".equals(status)) {
                break;
            }
            Thread.sleep(100);
        }
        Instant seen = Instant.now();
        String launch = view.substring(view.indexOf("\"launch\""));
        if (!"COMPLETED".equals(field(launch, "status"))) {
            throw new IllegalStateException("the launch did not complete: " + view);
        }
        double server = seconds(Instant.parse(field(launch, "startedAt")), Instant.parse(field(launch, "finishedAt")));
        double client = seconds(posted, seen);
        long leads;
        long history;
        long events;
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password()); Statement s = c.createStatement()) {
            leads = count(s, "select count(*) from lead where campaign_id = '" + id + "'");
            history = count(s, "select count(*) from lead_history h join lead l on l.id = h.lead_id where l.campaign_id = '"
                    + id + "'");
            events = count(s, "select count(*) from outbox_event where type = 'crm.crosssell.lead-created'"
                    + " and payload ->> 'campaignId' = '" + id + "'");
        }
        double floor = floor(url, pg, id);
        System.out.println();
        System.out.println("campaign launch benchmark, " + Runtime.getRuntime().availableProcessors() + " cores, load average "
                + loadAverage());
        System.out.printf("  target customers            %,d (and %,d not targeted)%n", customers, customers);
        System.out.printf("  job result                  %s%n", launch.substring(launch.indexOf("\"result\"") + 9,
                launch.indexOf('}', launch.indexOf("\"result\"")) + 1));
        System.out.printf("  leads / history / events    %,d / %,d / %,d%n", leads, history, events);
        System.out.printf("  launch job (started→finished, the service's record)   %.1f s%n", server);
        System.out.printf("  launch as the client sees it (POST → COMPLETED seen)  %.1f s   (budget: 30 s)%n", client);
        System.out.printf("  floor: the same rows written by plain inserts         %.1f s   (launch job %.2f x floor)%n",
                floor, server / floor);
        System.out.printf("  data generation                                       %.1f s%n", generation);
    }

    /**
     * The floor any launch pays on this machine now: the same number of leads (another product, a real lead's
     * explanation), their two history lines each and their outbox events, written by plain {@code insert … select}
     * with no targeting, rules or assignment, in one transaction that is rolled back.
     */
    private static double floor(String url, EmbeddedPostgresServer pg, String campaign) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password()); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            Instant start = Instant.now();
            s.execute("create temp table floor_lead on commit drop as select gen_random_uuid() as id, l.customer_id,"
                    + " l.priority_explanation from lead l where l.campaign_id = '" + campaign + "'");
            s.execute("insert into lead (id, customer_id, product_code, source, campaign_id, team_id, assignee, status,"
                    + " furthest, priority, priority_explanation, sla_due_at, approval_required, version, created_at,"
                    + " created_by, updated_at) select f.id, f.customer_id, 'CREDIT_CARD', 'CAMPAIGN', '" + campaign
                    + "', null, 'rm-floor', 'NEW', 'NEW', 50, f.priority_explanation, now(), false, 1, now(), 'floor',"
                    + " now() from floor_lead f");
            s.execute("insert into lead_history (lead_id, kind, at, actor, to_status, reason) select id, 'CREATED', now(),"
                    + " 'floor', 'NEW', 'floor' from floor_lead");
            s.execute("insert into lead_history (lead_id, kind, at, actor, to_assignee, reason) select id, 'ASSIGNED',"
                    + " now(), 'floor', 'rm-floor', 'floor' from floor_lead");
            s.execute("insert into outbox_event (id, shard, topic, aggregate_type, aggregate_id, type, payload, occurred_at)"
                    + " select gen_random_uuid(), outbox_shard_of(id::text), 'crm.crosssell.v1', 'lead', id::text,"
                    + " 'floor', jsonb_build_object('leadId', id, 'customerId', customer_id), now() from floor_lead");
            double seconds = seconds(start, Instant.now());
            c.rollback();
            return seconds;
        }
    }

    /** The service's schema is there once it is ready; the data goes straight into its tables. */
    private static void generate(Connection c, int customers) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("insert into customer_fact (customer_id, kind, status, home_branch, updated_at)"
                    + " values ('00000000-0000-4000-8000-000000000001', 'CORPORATE', 'ACTIVE', 'BR01', now())");
            s.execute("insert into agreement (id, kind, corporate_id, branch, relationship_manager, account, pay_day,"
                    + " expected_headcount, fee_amount, fee_currency, contact_needs_approval, status, version, created_at,"
                    + " created_by, updated_at) values ('00000000-0000-4000-8000-000000000002', 'PAYROLL',"
                    + " '00000000-0000-4000-8000-000000000001', 'BR01', 'rm-bench', '6222020200000001', 10, " + customers
                    + ", 0.50, 'CNY', false, 'ACTIVE', 1, now(), 'bench', now())");
            for (int b = 1; b <= BRANCHES; b++) {
                String team = "00000000-0000-4000-9000-" + String.format("%012d", b);
                s.execute("insert into team (id, name, kind, branch, team_lead, sla_minutes, version, created_at, created_by)"
                        + " values ('" + team + "', 'Retail BR" + b + "', 'RETAIL', 'BR" + String.format("%02d", b)
                        + "', 'tl-" + b + "', 480, 1, now(), 'bench')");
                s.execute("insert into team_member (team_id, staff_id, capacity, active) select '" + team
                        + "', 'rm-" + b + "-' || m, 1 + m % 3, true from generate_series(1, " + MEMBERS + ") m");
            }
            // the targets (i <= customers) and the others, ids spread over every slice
            s.execute("create temp table gen as select i, (md5('bench-' || i)::uuid) as id from generate_series(1, "
                    + 2 * customers + ") i");
            s.execute("insert into customer_fact (customer_id, kind, status, home_branch, tier, tier_changed_at, updated_at)"
                    + " select id, 'INDIVIDUAL', 'ACTIVE', 'BR' || lpad((1 + i % " + BRANCHES + ")::text, 2, '0'),"
                    + " case when i > " + customers + " and i % 2 = 0 then 'MASS'"
                    + "      else (array['PLATINUM', 'GOLD', 'SILVER'])[1 + i % 3] end, now(), now() from gen");
            s.execute("insert into marketing_consent (customer_id, channel, granted, changed_at)"
                    + " select id, 'SMS', i <= " + customers + " or i % 2 = 0, now() from gen");
            s.execute("insert into marketing_consent (customer_id, channel, granted, changed_at)"
                    + " select id, 'EMAIL', true, now() from gen where i % 4 = 0");
            s.execute("insert into roster_member (agreement_id, customer_id, position, officer_role, salary_band, linked_on)"
                    + " select '00000000-0000-4000-8000-000000000002', id, 'staff', null,"
                    + " (array['BAND_5K_10K', 'BAND_10K_20K', 'BAND_20K_50K', 'ABOVE_50K'])[1 + i % 4], current_date from gen");
            s.execute("insert into lead (id, customer_id, product_code, source, status, furthest, priority,"
                    + " priority_explanation, approval_required, version, created_at, created_by, updated_at)"
                    + " select gen_random_uuid(), id, 'PERSONAL_LOAN', 'MANUAL', 'NEW', 'NEW', 50,"
                    + " '{\"total\":50,\"components\":[]}', false, 1, now(), 'bench', now() from gen"
                    + " where i <= " + customers + " and i % 20 = 0");
            s.execute("analyze");
        }
    }

    private static Process start(Path jar, Path work, String url, EmbeddedPostgresServer pg, EmbeddedKafkaBroker kafka,
                                 int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(work.resolve("crosssell-service.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", url);
        env.put("QUARKUS_DATASOURCE_USERNAME", pg.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.publicKeyFile().toString());
        env.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
        env.put("CRM_IMPORTS_SPOOL_DIR", work.resolve("spool").toString());
        env.put("CRM_PII_ENCRYPTION_KEY", "YmVuY2gtY3Jvc3NzZWxsLWVuY3J5cHRpb24ta2V5MzI=");
        env.put("CRM_PII_HASH_KEY", "YmVuY2gtY3Jvc3NzZWxsLWJsaW5kLWluZGV4LWszMiE=");
        return builder.start();
    }

    private static void awaitReady(Process service, String base, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(240);
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new IllegalStateException("crosssell-service exited; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("crosssell-service was not ready within 240 s; see " + log);
    }

    private static String field(String json, String name) {
        return field(json, name, 0);
    }

    /** The first string (or number) value of {@code name} at or after {@code from}; enough for the bench's reads. */
    private static String field(String json, String name, int from) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"([^\"]*)\"|([-0-9.]+)|null)").matcher(json);
        if (!m.find(Math.max(0, from))) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "(unknown)";
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
