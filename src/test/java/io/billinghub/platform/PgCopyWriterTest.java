package io.billinghub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * What goes in by binary COPY comes back as written: text with any character, numbers at every scale, dates and
 * instants; a value its column cannot take is refused before anything is sent.
 */
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
                // numeric: zero, a negative scale, 18 digits (beyond the long split), every group boundary
                copy.row(5, "zero", new BigDecimal("0.000000"), null, null, 0L);
                copy.row(6, "thousand", new BigDecimal("1E+3"), null, null, null);
                copy.row(7, "eighteen digits", new BigDecimal("-123456789012.345678"), null, null, null);
                copy.row(8, "groups", new BigDecimal("10000.0001"), null, null, null);
                copy.row(9, "rounded by the column", new BigDecimal("0.12345650"), null, null, null);
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
                    "4|null|null|null|10000-01-01T00:00:00.000000|null",
                    "5|zero|0.000000|null|null|0",
                    "6|thousand|1000.000000|null|null|null",
                    "7|eighteen digits|-123456789012.345678|null|null|null",
                    "8|groups|10000.000100|null|null|null",
                    // numeric(18, 6) rounds half away from zero, as it does text
                    "9|rounded by the column|0.123457|null|null|null");
        }
    }

    @Test
    void refusesColumnsItCannotEncode() throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("create table odd (flag boolean, n integer)");
            var translator = new SQLErrorCodeSQLExceptionTranslator();
            assertThatThrownBy(() -> new PgCopyWriter(connection, "odd", List.of("flag"), translator))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("boolean");
            assertThatThrownBy(() -> new PgCopyWriter(connection, "odd", List.of("missing"), translator))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("odd has no column missing");
            try (PgCopyWriter copy = new PgCopyWriter(connection, "odd", List.of("n"), translator)) {
                assertThatThrownBy(() -> copy.row(1, 2)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("2 values for the 1 columns");
            }
        }
    }
}
