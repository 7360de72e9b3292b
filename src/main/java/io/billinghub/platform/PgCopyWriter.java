package io.billinghub.platform;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Rows streamed into a table with PostgreSQL {@code COPY ... FROM STDIN} (CSV), on the caller's connection and so in
 * its transaction: a bulk load sends buffers, not a statement per row. While a COPY is open the connection can run
 * nothing else: {@link #end()} ends it so that other statements can run (the next row opens another COPY), and
 * {@link #close()} cancels a COPY still open: the caller failed, and what it wrote since must not land.
 *
 * <p>Text is always quoted, quotes doubled: a value holding commas, quotes, backslashes, tabs, line breaks or a lone
 * {@code \.} is stored as written. Null is the unquoted empty field, which COPY CSV reads as NULL.
 */
public final class PgCopyWriter implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final CopyManager copyManager;
    private final String sql;
    private final SQLExceptionTranslator translator;
    private PGCopyOutputStream copy;
    private Writer out;

    /**
     * @param connection the connection of the caller's transaction (a pooled one is unwrapped)
     * @param translator turns a failed COPY into the exception the caller's other statements would throw
     */
    public PgCopyWriter(Connection connection, String table, List<String> columns, SQLExceptionTranslator translator) {
        this.sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format csv)";
        this.translator = translator;
        try {
            this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw translator.translate("COPY", sql, e);
        }
    }

    /** One row, its values in the order of the columns: text, numbers, dates, instants or null. */
    public void row(Object... values) {
        try {
            if (out == null) {
                copy = new PGCopyOutputStream(copyManager.copyIn(sql), BUFFER);
                out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BUFFER);
            }
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                write(values[i]);
            }
            out.write('\n');
        } catch (SQLException e) {
            throw translator.translate("COPY", sql, e);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Ends the open COPY, if any: its rows are in the table, and the connection can run other statements. */
    public void end() {
        if (out == null) {
            return;
        }
        try {
            out.flush();
            copy.endCopy();
        } catch (SQLException e) {
            throw translator.translate("COPY", sql, e);
        } catch (IOException e) {
            throw failed(e);
        } finally {
            out = null;
        }
    }

    /** Cancels a COPY still open (one the caller did not {@link #end()}). */
    @Override
    public void close() {
        if (out != null) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                throw translator.translate("COPY", sql, e);
            } finally {
                out = null;
            }
        }
    }

    private void write(Object value) throws IOException {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            out.write('"');
            if (text.indexOf('"') < 0) {
                out.write(text);
            } else {
                out.write(text.replace("\"", "\"\""));
            }
            out.write('"');
        } else if (value instanceof BigDecimal decimal) {
            out.write(decimal.toPlainString());
        } else if (value instanceof Instant instant) {
            out.write(timestamp(instant));
        } else if (value instanceof LocalDate date) {
            out.write(date(date) + (date.getYear() < 1 ? " BC" : ""));
        } else {
            out.write(value.toString());
        }
    }

    /** UTC, in PostgreSQL's own form, which also reads years past 9999 and before 1 (ISO 8601 signs them). */
    private static String timestamp(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return date(utc.toLocalDate()) + " " + utc.toLocalTime() + "+00" + (utc.getYear() < 1 ? " BC" : "");
    }

    private static String date(LocalDate date) {
        int year = date.getYear();
        if (year >= 1 && year <= 9999) {
            return date.toString();
        }
        return String.format(Locale.ROOT, "%04d-%02d-%02d", year < 1 ? 1 - year : year, date.getMonthValue(),
                date.getDayOfMonth());
    }

    /** The driver reports what the server refused (a value, a constraint) as the cause of an I/O error. */
    private RuntimeException failed(IOException e) {
        return e.getCause() instanceof SQLException refused ? translator.translate("COPY", sql, refused)
                : new UncheckedIOException("COPY failed: " + sql, e);
    }
}
