package io.billinghub.extraction.file;

import io.billinghub.extraction.UsageLeg;
import io.billinghub.extraction.UsageStaging;
import io.billinghub.rating.RatedLeg;
import io.billinghub.rating.RatedLegStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Writes a file's legs on several connections at once, each a lane with its own thread and transaction: a COPY keeps
 * one database backend busy, and a chunk's legs then load on as many. A leg goes to the lane its id hashes to, so a
 * leg repeated in the file, or staged before, is looked up and written where its earlier row is visible (another
 * lane's uncommitted row would be invisible, and writing it again there would wait on that lane's lock).
 *
 * <p>The lanes commit one after the other once every chunk is written ({@link #commit()}). Should the process stop
 * between two commits, the file is not done: taken again, the legs of the lanes that committed are found staged and
 * take the upsert path (unchanged), the others are COPYed.
 */
final class LegWriters implements AutoCloseable {

    private final List<Lane> lanes = new ArrayList<>();
    private final SQLExceptionTranslator translator;
    private boolean committed;

    LegWriters(DataSource dataSource, SQLExceptionTranslator translator, int lanes) {
        this.translator = translator;
        try {
            for (int i = 0; i < lanes; i++) {
                Connection connection = dataSource.getConnection();
                try {
                    this.lanes.add(new Lane(connection, i));
                } catch (SQLException e) {
                    connection.close();
                    throw e;
                }
            }
        } catch (SQLException e) {
            close();
            throw translator.translate("usage file legs connection", null, e);
        }
    }

    /**
     * Queues a chunk (its legs in call order, {@code rated.get(i)} rating {@code legs.get(i)}); waits while a lane
     * still writes the chunk before (memory: at most one chunk in the lanes while the next is rated).
     */
    void write(List<UsageLeg> legs, List<RatedLeg> rated, String runId, Instant now) {
        List<List<UsageLeg>> laneLegs = new ArrayList<>(lanes.size());
        List<List<RatedLeg>> laneRated = new ArrayList<>(lanes.size());
        for (int i = 0; i < lanes.size(); i++) {
            laneLegs.add(new ArrayList<>(legs.size() / lanes.size() + 16));
            laneRated.add(new ArrayList<>(legs.size() / lanes.size() + 16));
        }
        for (int i = 0; i < legs.size(); i++) {
            int lane = Math.floorMod(legs.get(i).legId().hashCode(), lanes.size());
            laneLegs.get(lane).add(legs.get(i));
            laneRated.get(lane).add(rated.get(i));
        }
        for (int i = 0; i < lanes.size(); i++) {
            lanes.get(i).write(laneLegs.get(i), laneRated.get(i), runId, now);
        }
    }

    /**
     * Waits until every queued leg is written (failing as the writing failed), commits the lanes one after the other
     * and returns what they did.
     */
    UsageStaging.StageCounts commit() {
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        for (Lane lane : lanes) {
            lane.await();
            inserted += lane.inserted;
            updated += lane.updated;
            unchanged += lane.unchanged;
        }
        for (Lane lane : lanes) {
            try {
                lane.connection.commit();
            } catch (SQLException e) {
                throw translator.translate("commit of usage file legs", null, e);
            }
        }
        committed = true;
        return new UsageStaging.StageCounts(inserted, updated, unchanged);
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (Lane lane : lanes) {
            try {
                lane.close(committed);
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** One connection, its thread and its transaction; its counts are written on its thread, read after await. */
    private final class Lane {

        private final Connection connection;
        private final JdbcTemplate jdbc;
        private final RatedLegStore upserts;
        private final ExecutorService thread;
        private Future<?> previous;
        private int inserted;
        private int updated;
        private int unchanged;

        Lane(Connection connection, int index) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            this.upserts = new RatedLegStore(jdbc);
            this.thread = Executors.newSingleThreadExecutor(task -> {
                Thread writer = new Thread(task, "usage-file-legs-" + index);
                writer.setDaemon(true);
                return writer;
            });
        }

        void write(List<UsageLeg> legs, List<RatedLeg> rated, String runId, Instant now) {
            await();
            previous = thread.submit(() -> store(legs, rated, runId, now));
        }

        /**
         * COPY for legs never staged, the upsert path for the others (staged before, or repeated in this file):
         * their rating is replaced, and the file's version of the leg when its line changed. Most chunks hold new
         * legs only: they are COPYed at once, and the chunk's legs looked up only when that fails on a leg staged
         * before (the COPY is undone to its savepoint).
         */
        private void store(List<UsageLeg> legs, List<RatedLeg> rated, String runId, Instant now) {
            if (legs.isEmpty()) {
                return;
            }
            try {
                Savepoint before = connection.setSavepoint();
                try {
                    // by carrier: a carrier's legs of a day then lie together, not spread over every page of the
                    // day, for its reconciliation to read (the order is free: a chunk COPYed whole has no leg twice)
                    List<Integer> byCarrier = new ArrayList<>(legs.size());
                    for (int i = 0; i < legs.size(); i++) {
                        byCarrier.add(i);
                    }
                    byCarrier.sort(Comparator.comparing(i -> rated.get(i).carrierName(),
                            Comparator.nullsFirst(Comparator.naturalOrder())));
                    LegRows.copy(connection, translator, byCarrier.stream().map(legs::get).toList(),
                            byCarrier.stream().map(rated::get).toList(), runId, now);
                    connection.releaseSavepoint(before);
                    inserted += legs.size();
                    return;
                } catch (DuplicateKeyException staged) {
                    connection.rollback(before);
                }
            } catch (SQLException e) {
                throw translator.translate("savepoint of usage file legs", null, e);
            }
            storeLookingUp(legs, rated, runId, now);
        }

        private void storeLookingUp(List<UsageLeg> legs, List<RatedLeg> rated, String runId, Instant now) {
            Map<String, String> staged = staged(legs);
            List<UsageLeg> newLegs = new ArrayList<>(legs.size());
            List<RatedLeg> newRated = new ArrayList<>(legs.size());
            List<RatedLeg> ratedAgain = new ArrayList<>();
            List<UsageLeg> changed = new ArrayList<>();
            for (int i = 0; i < legs.size(); i++) {
                UsageLeg leg = legs.get(i);
                boolean known = staged.containsKey(leg.legId());
                String before = staged.put(leg.legId(), leg.rawPayload());
                if (!known) {
                    newLegs.add(leg);
                    newRated.add(rated.get(i));
                } else {
                    ratedAgain.add(rated.get(i));
                    if (leg.rawPayload().equals(before)) {
                        unchanged++;
                    } else {
                        changed.add(leg);
                    }
                }
            }
            LegRows.copy(connection, translator, newLegs, newRated, runId, now);
            inserted += newLegs.size();
            upserts.upsert(ratedAgain, runId, now);
            LegRows.updateSources(jdbc, changed);
            updated += changed.size();
        }

        /** The legs staged already, with the line each was staged from (one indexed lookup). */
        private Map<String, String> staged(List<UsageLeg> legs) {
            Map<String, String> staged = new HashMap<>();
            jdbc.query(con -> {
                PreparedStatement ps = con.prepareStatement(
                        "select leg_id, raw_payload from rated_leg where leg_id = any(?)");
                ps.setArray(1, con.createArrayOf("text", legs.stream().map(UsageLeg::legId).toArray()));
                return ps;
            }, rs -> {
                staged.put(rs.getString(1), rs.getString(2));
            });
            return staged;
        }

        void await() {
            if (previous == null) {
                return;
            }
            try {
                previous.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing usage file legs", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("usage file legs could not be written", e.getCause());
            }
        }

        void close(boolean committed) {
            thread.shutdownNow();
            try {
                // a lane still writing when another failed: its connection is ours again once it stops
                thread.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                if (!committed) {
                    connection.rollback();
                }
                connection.setAutoCommit(true);
                connection.close();
            } catch (SQLException e) {
                throw translator.translate("usage file legs connection", null, e);
            }
        }
    }
}
