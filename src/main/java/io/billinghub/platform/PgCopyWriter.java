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
    private static final long YEAR_1 = LocalDate.of(1, 1, 1).toEpochDay() * 86_400;
    private static final long YEAR_10000 = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400;

    private final CopyManager copyManager;
    private final String sql;
    private final SQLExceptionTranslator translator;
    private final StringBuilder row = new StringBuilder(512);
    private PGCopyOutputStream copy;
    private Writer out;
    private char[] chars = new char[1024];
    private long lastDay = Long.MIN_VALUE;
    private String lastDate;

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
            // the row is built in one reused buffer and handed over in one write: millions of rows per file
            row.setLength(0);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    row.append(',');
                }
                write(values[i]);
            }
            row.append('\n');
            if (chars.length < row.length()) {
                chars = new char[row.length() * 2];
            }
            row.getChars(0, row.length(), chars, 0);
            out.write(chars, 0, row.length());
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

    private void write(Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            row.append('"');
            if (text.indexOf('"') < 0) {
                row.append(text);
            } else {
                row.append(text.replace("\"", "\"\""));
            }
            row.append('"');
        } else if (value instanceof Integer number) {
            row.append(number.intValue());
        } else if (value instanceof Long number) {
            row.append(number.longValue());
        } else if (value instanceof BigDecimal decimal) {
            row.append(decimal.toPlainString());
        } else if (value instanceof Instant instant) {
            appendTimestamp(instant);
        } else if (value instanceof LocalDate date) {
            row.append(date(date)).append(date.getYear() < 1 ? " BC" : "");
        } else {
            row.append(value);
        }
    }

    /** Whole seconds of years 1 to 9999 (every time a file carries) by hand; anything else as {@link #timestamp}. */
    private void appendTimestamp(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (instant.getNano() != 0 || seconds < YEAR_1 || seconds >= YEAR_10000) {
            row.append(timestamp(instant));
            return;
        }
        long day = Math.floorDiv(seconds, 86_400);
        if (day != lastDay) {
            lastDay = day;
            lastDate = LocalDate.ofEpochDay(day).toString();
        }
        int second = (int) Math.floorMod(seconds, 86_400);
        row.append(lastDate).append(' ');
        twoDigits(second / 3_600);
        row.append(':');
        twoDigits(second / 60 % 60);
        row.append(':');
        twoDigits(second % 60);
        row.append("+00");
    }

    private void twoDigits(int value) {
        row.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
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
