package io.billinghub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;

/** What goes in by COPY comes back as written: text with CSV's special characters, numbers, dates and instants. */
class PgCopyWriterTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void valuesComeBackAsWritten() throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("create table copied (n integer, t text, d numeric(18, 6), day date, at timestamptz,"
                    + " big bigint)");
            try (PgCopyWriter copy = new PgCopyWriter(connection, "copied", List.of("n", "t", "d", "day", "at", "big"),
                    new SQLErrorCodeSQLExceptionTranslator())) {
                copy.row(1, "a \"quoted\", comma\\backslash\ttab\nline", new BigDecimal("0.009600"),
                        LocalDate.parse("2026-10-20"), Instant.parse("2026-10-20T10:00:00Z"), 12_345_678_901L);
                copy.row(2, "\\.", null, null, Instant.parse("1999-12-31T23:59:59Z"), null);
                // a fraction of a second and a year past 9999 take the general path
                copy.row(3, "", new BigDecimal("-1E-6"), LocalDate.parse("+10000-01-01"),
                        Instant.parse("2026-03-29T01:00:00.123456Z"), -1L);
                copy.row(4, null, null, null, Instant.parse("+10000-01-01T00:00:00Z"), null);
                copy.end();
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("select n, t, d, day, to_char(at at time zone 'UTC',"
                    + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), big from copied order by n")) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                            + "|" + rs.getString(5) + "|" + rs.getString(6));
                }
            }
            assertThat(rows).containsExactly(
                    "1|a \"quoted\", comma\\backslash\ttab\nline|0.009600|2026-10-20|2026-10-20T10:00:00.000000"
                            + "|12345678901",
                    "2|\\.|null|null|1999-12-31T23:59:59.000000|null",
                    "3||-0.000001|10000-01-01|2026-03-29T01:00:00.123456|-1",
                    "4|null|null|null|10000-01-01T00:00:00.000000|null");
        }
    }
}
