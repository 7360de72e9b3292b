package io.billinghub.extraction.file;

import io.billinghub.rating.RatedLeg;
import io.billinghub.rating.RatedLegStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Writes a file's rated legs on a connection and thread of their own, in a transaction committed right after the one
 * that stages the usage legs: the two COPYs run on two database backends at once. Every rated row of the file goes
 * through here (new legs by COPY, legs rated before by upsert), so the staging transaction never touches a rated row
 * this one holds. Should the process stop between the two commits, the file is not done: taken again, its legs are
 * found staged and are rated on the upsert path.
 */
final class RatedRowsWriter implements AutoCloseable {

    private final Connection connection;
    private final SQLExceptionTranslator translator;
    private final RatedLegStore upserts;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread writer = new Thread(task, "usage-file-rated-rows");
        writer.setDaemon(true);
        return writer;
    });
    private Future<?> previous;
    private boolean committed;

    RatedRowsWriter(DataSource dataSource, SQLExceptionTranslator translator) {
        try {
            this.connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw translator.translate("rated legs connection", null, e);
        }
        this.translator = translator;
        this.upserts = new RatedLegStore(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
    }

    /** Queues a chunk's rated rows; waits while the one before the last is still being written (memory). */
    void write(List<RatedLeg> copied, List<RatedLeg> upserted, String runId, Instant now) {
        await(previous);
        previous = thread.submit(() -> {
            LegRows.copyRated(connection, translator, copied, runId, now);
            if (!upserted.isEmpty()) {
                upserts.upsert(upserted, runId, now);
            }
        });
    }

    /** Waits until every queued row is written, failing as the writing failed. */
    void finish() {
        await(previous);
    }

    void commit() {
        finish();
        try {
            connection.commit();
            committed = true;
        } catch (SQLException e) {
            throw translator.translate("commit of rated legs", null, e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!committed) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException e) {
            throw translator.translate("rated legs connection", null, e);
        }
    }

    private static void await(Future<?> task) {
        if (task == null) {
            return;
        }
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing rated legs", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("rated legs could not be written", e.getCause());
        }
    }
}
