package io.billinghub.exceptions;

import io.billinghub.platform.SqlTime;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays many cases one after the other in the background, recording each outcome as it comes, so that a long
 * replay shows its progress (GET it again) instead of holding a request open. One case at a time: replays go into
 * the routes the hub's own work uses, and a burst of them must not crowd that work out. Runs as the user who asked
 * (their name on every case and audit event).
 */
@Service
public class BulkReplays {

    public static final int MAX_CASES = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(BulkReplays.class);

    public enum Status { RUNNING, FINISHED }

    public record Item(int position, long caseId, String outcome, String message, Long newCaseId,
                       Instant finishedAt) {
    }

    public record Progress(String id, String requestedBy, Instant requestedAt, int total, int succeeded, int failed,
                           Status status, Instant finishedAt, List<Item> items) {
    }

    private final ReplayService replays;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate snapshot;
    private final Clock clock;
    private final ExecutorService worker = new DelegatingSecurityContextExecutorService(
            Executors.newSingleThreadExecutor(task -> new Thread(task, "bulk-replay")));

    public BulkReplays(ReplayService replays, NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.replays = replays;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        // the request and its items read as of one moment, so the counts always agree with the items listed
        this.snapshot = new TransactionTemplate(tx.getTransactionManager());
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** Records the request and starts it; a case named twice is replayed once. */
    public Progress start(List<Long> caseIds, String by) {
        List<Long> cases = List.copyOf(new LinkedHashSet<>(caseIds));
        if (cases.isEmpty() || cases.size() > MAX_CASES) {
            throw new IllegalArgumentException("a bulk replay takes 1 to " + MAX_CASES + " case ids, not "
                    + cases.size());
        }
        String id = UUID.randomUUID().toString();
        tx.executeWithoutResult(status -> {
            jdbc.update("""
                    insert into bulk_replay (id, requested_by, requested_at, total, status)
                    values (:id, :by, :now, :total, 'RUNNING')""", new MapSqlParameterSource("id", id)
                    .addValue("by", by).addValue("now", SqlTime.utc(clock.instant())).addValue("total", cases.size()));
            MapSqlParameterSource[] items = new MapSqlParameterSource[cases.size()];
            for (int i = 0; i < cases.size(); i++) {
                items[i] = new MapSqlParameterSource("id", id).addValue("position", i + 1)
                        .addValue("caseId", cases.get(i));
            }
            jdbc.batchUpdate("insert into bulk_replay_item (replay_id, position, case_id) values (:id, :position, "
                    + ":caseId)", items);
        });
        worker.submit(() -> run(id, cases, by));
        return find(id).orElseThrow();
    }

    private void run(String id, List<Long> cases, String by) {
        for (int i = 0; i < cases.size(); i++) {
            long caseId = cases.get(i);
            ReplayService.Outcome outcome;
            try {
                outcome = replays.replay(caseId, by);
            } catch (ReplayService.NotReplayableException | NoSuchElementException e) {
                outcome = new ReplayService.Outcome(caseId, false, null, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Bulk replay {}: case {} could not be replayed", id, caseId, e);
                outcome = new ReplayService.Outcome(caseId, false, null, "replay failed: " + e.getClass()
                        .getSimpleName());
            }
            record(id, i + 1, outcome, i == cases.size() - 1);
        }
    }

    private void record(String id, int position, ReplayService.Outcome outcome, boolean last) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", id).addValue("position", position)
                .addValue("outcome", outcome.succeeded() ? "SUCCEEDED" : "FAILED")
                .addValue("message", outcome.message()).addValue("newCase", outcome.newCaseId())
                .addValue("now", SqlTime.utc(clock.instant())).addValue("ok", outcome.succeeded() ? 1 : 0)
                .addValue("last", last);
        tx.executeWithoutResult(status -> {
            jdbc.update("""
                    update bulk_replay_item set outcome = :outcome, message = :message, new_case_id = :newCase,
                        finished_at = :now
                    where replay_id = :id and position = :position""", p);
            jdbc.update("""
                    update bulk_replay set succeeded = succeeded + :ok, failed = failed + 1 - :ok,
                        status = case when :last then 'FINISHED' else status end,
                        finished_at = case when :last then cast(:now as timestamptz) end
                    where id = :id""", p);
        });
    }

    public Optional<Progress> find(String id) {
        return snapshot.execute(status -> read(id));
    }

    private Optional<Progress> read(String id) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", id);
        List<Item> items = jdbc.query("""
                select position, case_id, outcome, message, new_case_id, finished_at from bulk_replay_item
                where replay_id = :id order by position""", p, (rs, i) -> new Item(rs.getInt("position"),
                rs.getLong("case_id"), rs.getString("outcome"), rs.getString("message"),
                rs.getObject("new_case_id", Long.class), SqlTime.instant(rs, "finished_at")));
        return jdbc.query("""
                select id, requested_by, requested_at, total, succeeded, failed, status, finished_at
                from bulk_replay where id = :id""", p, (rs, i) -> new Progress(rs.getString("id"),
                rs.getString("requested_by"), SqlTime.instant(rs, "requested_at"), rs.getInt("total"),
                rs.getInt("succeeded"), rs.getInt("failed"), Status.valueOf(rs.getString("status")),
                SqlTime.instant(rs, "finished_at"), items)).stream().findFirst();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
