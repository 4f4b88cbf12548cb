package io.bankcrm.platform.testing.hostile;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** The number of rows in every table of a service's database: what "nothing stored" is checked against. */
public final class StoredRows {

    private StoredRows() {
    }

    /** Rows per table of the {@code public} schema (Flyway's history left out). */
    public static Map<String, Long> count(DataSource database) {
        String sql = """
                select table_name,
                       (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I', table_name),
                                                            false, true, '')))[1]::text::bigint as n
                from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'""";
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            Map<String, Long> counts = new TreeMap<>();
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the stored rows", e);
        }
    }
}
