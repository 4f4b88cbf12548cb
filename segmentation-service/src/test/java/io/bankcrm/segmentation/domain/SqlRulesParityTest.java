package io.bankcrm.segmentation.domain;

import io.agroal.api.AgroalDataSource;
import io.bankcrm.platform.testing.CrmTestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Domain rules against real PostgreSQL: the SQL each rule generates, evaluated on the same tables of cases
 * ({@link RuleCases}) that the unit tests run through the Java rules. A run applies the SQL; this keeps it equal
 * to the Java that documents and unit-tests the rule.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class SqlRulesParityTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void tierAssignmentSqlAgreesWithJava() throws SQLException {
        assignments(RuleCases.PARETO, RuleCases.PARETO_CASES);
        assignments(RuleCases.PERCENTILE, RuleCases.PERCENTILE_CASES);
        assignments(RuleCases.THRESHOLDS, RuleCases.THRESHOLD_CASES);
    }

    @Test
    void valueScoreSqlAgreesWithJava() throws SQLException {
        for (RuleCases.ScoreCase c : RuleCases.SCORE_CASES) {
            Object score = single("select " + c.score().sql() + " from (select ?::numeric as scale_total,"
                            + " ?::numeric as volume_total, ?::bigint as months_reported, ?::varchar as credit_rating) t",
                    new BigDecimal(c.scaleTotal()), new BigDecimal(c.volumeTotal()), c.months(),
                    c.rating() == null ? null : c.rating().name());
            assertEquals(new BigDecimal(c.expected()), score, c.name());
        }
    }

    @Test
    void flagSqlAgreesWithJava() throws SQLException {
        for (RuleCases.FlagCase c : RuleCases.FLAG_CASES) {
            String columns = IntStream.range(0, c.monthly().size())
                    .mapToObj(i -> "?::numeric as " + ValueFlags.monthlyColumn(i)).collect(Collectors.joining(", "));
            List<Object> args = new ArrayList<>();
            args.add(new BigDecimal(c.contribution()));
            c.monthly().forEach(m -> args.add(new BigDecimal(m)));
            Object flags = single("select " + new ValueFlags(c.growthMonths()).sql()
                    + " from (select ?::numeric as contribution, " + columns + ") t", args.toArray());
            assertEquals(c.expected(), texts(flags), c.name());
        }
    }

    @Test
    void hysteresisSqlAgreesWithJava() throws SQLException {
        for (RuleCases.HysteresisCase c : RuleCases.HYSTERESIS_CASES) {
            Hysteresis h = c.rules();
            List<Object[]> rows = rows("select move, " + h.rankSql() + ", " + h.belowBarRunsSql() + " from (select *, "
                            + h.moveSql() + " as move from (select ?::integer as cur_rank, ?::integer as target_rank,"
                            + " ?::integer as below_bar_runs, ?::boolean as min_time_met) t) m",
                    c.currentRank(), c.targetRank(), c.belowBarRuns(), c.minTimeMet());
            Object[] r = rows.get(0);
            assertEquals(List.of(c.move().name(), c.rank(), c.expectedBelowBarRuns()),
                    List.of(r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue()), c.name());
        }
        for (RuleCases.TimeInTierCase c : RuleCases.TIME_IN_TIER_CASES) {
            Object met = single("select " + c.rules().minTimeMetSql("since_month", c.asOf())
                    + " from (select ?::date as since_month) t", c.since().atDay(1));
            assertEquals(c.expected(), met, c.since() + " to " + c.asOf());
        }
    }

    @Test
    void reasonSqlAgreesWithJava() throws SQLException {
        for (RuleCases.ReasonCase c : RuleCases.REASON_CASES) {
            Reasons.Facts f = c.facts();
            Object reasons = single("select " + c.reasons().sql() + " from (select ?::bigint as contribution_rank,"
                            + " ?::bigint as population, ?::numeric as contribution, ?::numeric as score,"
                            + " ?::varchar as credit_rating, ?::text[] as flags, ?::text as move, ?::integer as cur_rank,"
                            + " ?::integer as below_bar_runs) t",
                    f.contributionRank(), f.population(), f.contribution(), f.score(), f.creditRating(),
                    f.flags().toArray(new String[0]), f.move().name(), f.currentRank(), f.belowBarRuns());
            assertEquals(c.expected(), texts(reasons), c.name());
        }
    }

    private void assignments(TierAssignment rule, List<RuleCases.AssignmentCase> cases) throws SQLException {
        for (RuleCases.AssignmentCase c : cases) {
            RankedCustomer r = c.customer();
            Object rank = single("select " + rule.rankSql() + " from (select ?::numeric as contribution,"
                            + " ?::bigint as contribution_rank, ?::bigint as population, ?::numeric as profit_before,"
                            + " ?::numeric as total_profit, ?::numeric as score) t",
                    r.contribution(), r.contributionRank(), r.population(), r.profitBefore(), r.totalProfit(), r.score());
            assertEquals(c.expectedRank(), ((Number) rank).intValue(), c.name());
        }
    }

    private Object single(String sql, Object... args) throws SQLException {
        return rows(sql, args).get(0)[0];
    }

    private List<Object[]> rows(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    s.setObject(i + 1, args[i]);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[rs.getMetaData().getColumnCount()];
                    for (int i = 0; i < row.length; i++) {
                        Object value = rs.getObject(i + 1);
                        row[i] = value instanceof Array a ? Arrays.asList((Object[]) a.getArray()) : value;
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(Object value) {
        return ((List<Object>) value).stream().map(String::valueOf).toList();
    }
}
