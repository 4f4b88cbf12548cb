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

    /** The roster facts of a current member of the agreement (what the roster job keeps). */
    public void rosterMember(UUID agreement, UUID customer, String salaryBand, String officerRole) {
        update("insert into roster_member (agreement_id, customer_id, position, officer_role, salary_band, linked_on) "
                + "values (?, ?, 'staff', ?, ?, current_date)", agreement, customer, officerRole, salaryBand);
    }

    /** A RETAIL team of the branch with the members given as staff id and capacity pairs. */
    public UUID retailTeam(String branch, String teamLead, Object... members) {
        UUID id = UUID.randomUUID();
        update("insert into team (id, name, kind, branch, team_lead, sla_minutes, version, created_at, created_by) "
                + "values (?, 'Retail ' || ?, 'RETAIL', ?, ?, 480, 1, now() - interval '1 day', 'test')", id, branch, branch, teamLead);
        for (int i = 0; i < members.length; i += 2) {
            update("insert into team_member (team_id, staff_id, capacity, active) values (?, ?, ?, true)", id,
                    members[i], members[i + 1]);
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
