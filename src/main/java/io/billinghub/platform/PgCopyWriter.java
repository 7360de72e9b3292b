package io.billinghub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes rows into one {@code COPY ... FROM STDIN} (text format) on the caller's connection, so they are part of
 * its transaction: bulk loads without a round trip per row. Values are escaped as the text format requires
 * (backslash, tab, newline, carriage return); null is {@code \N}. Instants are written in UTC with {@code Z}.
 */
public final class PgCopyWriter implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 16;

    private final PGCopyOutputStream out;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean rowStarted;
    private boolean finished;

    /** @param copySql e.g. {@code copy usage_leg (leg_id, call_id) from stdin} */
    public PgCopyWriter(Connection connection, String copySql) throws SQLException {
        this.out = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, FLUSH_AT);
    }

    public PgCopyWriter text(String value) {
        separate();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    public PgCopyWriter number(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    public PgCopyWriter number(Integer value) {
        return value == null ? text(null) : number(value.longValue());
    }

    public PgCopyWriter decimal(BigDecimal value) {
        return text(value == null ? null : value.toPlainString());
    }

    public PgCopyWriter instant(Instant value) {
        return text(value == null ? null : value.toString());
    }

    public PgCopyWriter date(LocalDate value) {
        return text(value == null ? null : value.toString());
    }

    /** Ends the current row. */
    public void endRow() {
        buffer.append('\n');
        rowStarted = false;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends what is left and ends the COPY; returns the rows the server took. */
    public long finish() {
        flush();
        try {
            finished = true;
            return out.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY was refused: " + e.getMessage(), e);
        }
    }

    /** Abandons an unfinished COPY (the transaction is rolled back by its owner). */
    @Override
    public void close() {
        if (!finished && out.isActive()) {
            try {
                out.cancelCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("COPY could not be cancelled", e);
            }
        }
    }

    private void separate() {
        if (rowStarted) {
            buffer.append('\t');
        }
        rowStarted = true;
    }

    private void flush() {
        try {
            out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("COPY data could not be sent", e);
        }
        buffer.setLength(0);
    }
}
