package io.bankcrm.crosssell;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Facts straight in the service's database (what the events would have brought), and reads for assertions. */
@ApplicationScoped
public class TestData {

    private final AgroalDataSource dataSource;

    public TestData(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public UUID corporate(String branch) {
        UUID id = UUID.randomUUID();
        update("insert into customer_fact (customer_id, kind, status, home_branch, updated_at) values (?, 'CORPORATE', 'ACTIVE', ?, now())",
                id, branch);
        return id;
    }

    /** An individual customer with MARKETING consent on {@code channels} (none: no consent). */
    public UUID individual(String branch, String tier, String... channels) {
        UUID id = UUID.randomUUID();
        update("insert into customer_fact (customer_id, kind, status, home_branch, tier, updated_at) values (?, 'INDIVIDUAL', 'ACTIVE', ?, ?, now())",
                id, branch, tier);
        for (String channel : channels) {
            update("insert into marketing_consent (customer_id, channel, granted, changed_at) values (?, ?, true, now())",
                    id, channel);
        }
        return id;
    }

    public long count(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String text(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
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

    private static void bind(PreparedStatement s, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
