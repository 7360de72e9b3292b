package io.billinghub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Rows streamed into a table with PostgreSQL {@code COPY ... FROM STDIN} in the binary format, on the caller's
 * connection and so in its transaction: a bulk load sends buffers, not a statement per row, and the server reads
 * values without parsing text. While a COPY is open the connection can run nothing else: {@link #end()} ends it so
 * that other statements can run (the next row opens another COPY), and {@link #close()} cancels a COPY still open:
 * the caller failed, and what it wrote since must not land.
 *
 * <p>The columns' types are read from the catalog when the writer is made, so each value is sent as its column
 * reads it (text, integer, bigint, numeric, date, timestamptz); a Java value its column cannot take fails the row.
 */
public final class PgCopyWriter implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final CopyManager copyManager;
    private final String sql;
    private final SQLExceptionTranslator translator;
    private final PgBinaryRow.Type[] types;
    private final PgBinaryRow row = new PgBinaryRow();
    private PGCopyOutputStream copy;

    /**
     * @param connection the connection of the caller's transaction (a pooled one is unwrapped)
     * @param translator turns a failed COPY into the exception the caller's other statements would throw
     */
    public PgCopyWriter(Connection connection, String table, List<String> columns, SQLExceptionTranslator translator) {
        this.sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format binary)";
        this.translator = translator;
        try {
            this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
            this.types = types(connection, table, columns);
        } catch (SQLException e) {
            throw translator.translate("COPY", sql, e);
        }
    }

    /** One row, its values in the order of the columns: text, numbers, dates, instants or null. */
    public void row(Object... values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException(values.length + " values for the " + types.length + " columns of "
                    + sql);
        }
        try {
            if (copy == null) {
                copy = new PGCopyOutputStream(copyManager.copyIn(sql), BUFFER);
                copy.write(PgBinaryRow.HEADER);
            }
            // the row is built in one reused buffer and handed over in one write: millions of rows per file
            row.start(values.length);
            for (int i = 0; i < values.length; i++) {
                row.put(types[i], values[i]);
            }
            copy.write(row.bytes(), 0, row.length());
        } catch (SQLException e) {
            throw translator.translate("COPY", sql, e);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Ends the open COPY, if any: its rows are in the table, and the connection can run other statements. */
    public void end() {
        if (copy == null) {
            return;
        }
        try {
            copy.write(PgBinaryRow.TRAILER);
            copy.endCopy();
        } catch (SQLException e) {
            throw translator.translate("COPY", sql, e);
        } catch (IOException e) {
            throw failed(e);
        } finally {
            copy = null;
        }
    }

    /** Cancels a COPY still open (one the caller did not {@link #end()}). */
    @Override
    public void close() {
        if (copy != null) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                throw translator.translate("COPY", sql, e);
            } finally {
                copy = null;
            }
        }
    }

    private static PgBinaryRow.Type[] types(Connection connection, String table, List<String> columns)
            throws SQLException {
        Map<String, String> byName = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select attname, atttypid::regtype::text from pg_attribute
                where attrelid = cast(? as regclass) and attnum > 0 and not attisdropped""")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    byName.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        PgBinaryRow.Type[] types = new PgBinaryRow.Type[columns.size()];
        for (int i = 0; i < types.length; i++) {
            String type = byName.get(columns.get(i));
            if (type == null) {
                throw new IllegalArgumentException(table + " has no column " + columns.get(i));
            }
            types[i] = PgBinaryRow.Type.of(type);
        }
        return types;
    }

    /** The driver reports what the server refused (a value, a constraint) as the cause of an I/O error. */
    private RuntimeException failed(IOException e) {
        return e.getCause() instanceof SQLException refused ? translator.translate("COPY", sql, refused)
                : new UncheckedIOException("COPY failed: " + sql, e);
    }
}
