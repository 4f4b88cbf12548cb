package io.bankcrm.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedPostgresServerTest {

    private static final Path DATA = Path.of("target", "local-stack-test", "pg");

    @Test
    void startsCreatesDatabaseRunsSqlAndKeepsDataAcrossRestarts() throws Exception {
        int port;
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(DATA, 0)) {
            port = pg.port();
            assertTrue(port > 0);
            assertEquals("jdbc:postgresql://localhost:" + port + "/crm_test", pg.jdbcUrl("crm_test"));
            pg.createDatabaseIfMissing("crm_test");
            pg.createDatabaseIfMissing("crm_test"); // idempotent
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("crm_test"), pg.user(), pg.password());
                 Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS greeting");
                s.execute("CREATE TABLE greeting (id int PRIMARY KEY, text varchar(40) NOT NULL)");
                s.execute("INSERT INTO greeting VALUES (1, 'hello')");
                try (ResultSet rs = s.executeQuery("SELECT text, current_setting('server_version_num')::int FROM greeting")) {
                    assertTrue(rs.next());
                    assertEquals("hello", rs.getString(1));
                    assertTrue(rs.getInt(2) >= 170000, "PostgreSQL 17 expected");
                }
            }
        }
        // same data directory, fixed port this time: the table is still there
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(DATA, port);
             Connection c = DriverManager.getConnection(pg.jdbcUrl("crm_test"), pg.user(), pg.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM greeting")) {
            assertEquals(port, pg.port());
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
    }
}
