package io.bankcrm.segmentation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test data straight in the service's database: a clean slate per test (a run covers every customer of its
 * segment, so tests must not see each other's), customers' kinds, and reads for assertions.
 */
@ApplicationScoped
public class TestData {

    private final AgroalDataSource dataSource;

    public TestData(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void reset() {
        execute("truncate value_fact, customer_window_figures, customer, customer_tier, tier_history, tiering_run, tiering_policy, import_row_error, job");
    }

    /** Ids that sort in the order given (runs break ties by customer id), fresh for each call. */
    public static List<UUID> customerIds(int count) {
        long prefix = ThreadLocalRandom.current().nextLong(0x1000_0000L, 0xFFFF_FFFFL);
        List<UUID> ids = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            ids.add(UUID.fromString(String.format("%08x-0000-4000-8000-%012d", prefix, n)));
        }
        return ids;
    }

    public void retail(List<UUID> ids) {
        kind("INDIVIDUAL", ids);
    }

    public void corporate(List<UUID> ids) {
        kind("CORPORATE", ids);
    }

    private void kind(String kind, List<UUID> ids) {
        for (UUID id : ids) {
            update("insert into customer (customer_id, kind, updated_at) values (?, ?, now())", id, kind);
        }
    }

    public long count(String sql, Object... args) {
        return query(sql, args).isEmpty() ? 0 : ((Number) query(sql, args).get(0)[0]).longValue();
    }

    public List<Object[]> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement s, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
