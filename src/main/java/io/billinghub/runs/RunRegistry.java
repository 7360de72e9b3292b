package io.billinghub.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.cluster.ClusterProperties;
import io.billinghub.observability.HubMetrics;
import io.billinghub.platform.SqlTime;
import io.billinghub.security.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Records every run: id, pipeline, period, trigger, phases with their times and balanced counts, input
 * checksums and totals, so any figure the hub produced can be traced to the inputs it came from.
 */
@Repository
public class RunRegistry {

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final ClusterProperties cluster;
    private final AuditLog audit;
    private final HubMetrics metrics;

    public RunRegistry(NamedParameterJdbcTemplate jdbc, ObjectMapper json, Clock clock, ClusterProperties cluster,
                       AuditLog audit, HubMetrics metrics) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.cluster = cluster;
        this.audit = audit;
        this.metrics = metrics;
    }

    /**
     * Starts a run owned by this node and by {@code launch.route()}, whose failure fails the whole run;
     * {@code resumedFrom} is the interrupted run it takes over, if any.
     */
    public String start(RunLaunch launch, String trigger, String resumedFrom) {
        Instant now = clock.instant();
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        String runId = launch.pipeline() + "-" + ID_TIME.format(now) + "-" + HexFormat.of().formatHex(random);
        jdbc.update("""
                insert into pipeline_run (run_id, pipeline, period, trigger, status, started_at, owner_route, node_id,
                    heartbeat_at, request, resumed_from)
                values (:id, :pipeline, :period, :trigger, 'RUNNING', :now, :owner, :node, clock_timestamp(),
                    cast(:request as jsonb), :resumed)""",
                new MapSqlParameterSource("id", runId).addValue("pipeline", launch.pipeline())
                        .addValue("period", launch.period()).addValue("trigger", trigger)
                        .addValue("now", SqlTime.utc(now)).addValue("owner", launch.route())
                        .addValue("node", cluster.nodeId()).addValue("request", write(launch))
                        .addValue("resumed", resumedFrom));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("pipeline", launch.pipeline());
        if (launch.period() != null) {
            details.put("period", launch.period());
        }
        details.put("trigger", trigger);
        if (resumedFrom != null) {
            details.put("resumedFrom", resumedFrom);
        }
        audit.record("run.started", "pipeline_run", runId, details);
        return runId;
    }

    /** The heartbeat of this node's running runs: a run not renewed for a while is taken over by another node. */
    public int renewOwned() {
        return jdbc.update("""
                update pipeline_run set heartbeat_at = clock_timestamp()
                where node_id = :node and status = 'RUNNING'""",
                new MapSqlParameterSource("node", cluster.nodeId()));
    }

    /** Runs still RUNNING whose node has not renewed them for {@code silence}: their node died. */
    public List<OrphanedRun> orphaned(Duration silence) {
        return jdbc.query("""
                select run_id, node_id, request::text as request from pipeline_run
                where status = 'RUNNING'
                  and coalesce(heartbeat_at, '-infinity') < clock_timestamp() - cast(:silence as interval)
                order by started_at, run_id""",
                new MapSqlParameterSource("silence", silence.toMillis() + " milliseconds"),
                (rs, i) -> new OrphanedRun(rs.getString("run_id"), rs.getString("node_id"),
                        readLaunch(rs.getString("request"))));
    }

    /**
     * Ends an orphaned run as INTERRUPTED, unless it was renewed or taken over meanwhile; true for the one node
     * that wins it.
     */
    public boolean interrupt(OrphanedRun orphan, Duration silence, String reason) {
        boolean won = jdbc.update("""
                update pipeline_run set status = 'INTERRUPTED', finished_at = :now, error = :reason
                where run_id = :run and status = 'RUNNING'
                  and coalesce(heartbeat_at, '-infinity') < clock_timestamp() - cast(:silence as interval)""",
                new MapSqlParameterSource("run", orphan.runId()).addValue("reason", reason)
                        .addValue("now", SqlTime.utc(clock.instant()))
                        .addValue("silence", silence.toMillis() + " milliseconds")) == 1;
        if (won) {
            audit.record("run.finished", "pipeline_run", orphan.runId(), Map.of("status", "INTERRUPTED",
                    "node", String.valueOf(orphan.nodeId())));
        }
        return won;
    }

    /** A run whose node stopped renewing it; {@code launch} is empty for runs that cannot be started again. */
    public record OrphanedRun(String runId, String nodeId, RunLaunch launch) {
    }

    /** Records a finished phase; input phases also add to the run's own counts and to the records metrics. */
    public void recordPhase(String runId, Instant startedAt, PhaseCounts counts) {
        MapSqlParameterSource p = new MapSqlParameterSource("run", runId)
                .addValue("phase", counts.phase())
                .addValue("started", SqlTime.utc(startedAt))
                .addValue("finished", SqlTime.utc(clock.instant()))
                .addValue("in", counts.in())
                .addValue("accepted", counts.accepted())
                .addValue("rejected", counts.rejected())
                .addValue("details", write(counts.details()));
        jdbc.update("""
                insert into run_phase (run_id, phase, started_at, finished_at, records_in, records_accepted,
                    records_rejected, details)
                values (:run, :phase, :started, :finished, :in, :accepted, :rejected, cast(:details as jsonb))""", p);
        if (counts.inputPhase()) {
            jdbc.queryForList("""
                    update pipeline_run set records_in = records_in + :in,
                        records_accepted = records_accepted + :accepted, records_rejected = records_rejected + :rejected
                    where run_id = :run
                    returning pipeline""", p, String.class)
                    .forEach(pipeline -> metrics.recordsRead(pipeline, counts.in(), counts.accepted(),
                            counts.rejected()));
        }
    }

    public void recordInput(String runId, String kind, String reference, String checksum) {
        jdbc.update("""
                insert into run_input (run_id, kind, reference, checksum) values (:run, :kind, :ref, :checksum)
                on conflict (run_id, kind, reference) do update set checksum = excluded.checksum""",
                new MapSqlParameterSource("run", runId).addValue("kind", kind).addValue("ref", reference)
                        .addValue("checksum", checksum));
    }

    /** Merges figures into the run's totals (later values of a key replace earlier ones). */
    public void addTotals(String runId, Map<String, Object> totals) {
        jdbc.update("update pipeline_run set totals = totals || cast(:totals as jsonb) where run_id = :run",
                new MapSqlParameterSource("run", runId).addValue("totals", write(totals)));
    }

    /** A unit of the run went to the dead-letter channel; fails the run when it was the run's own route. */
    public void recordFailure(String runId, String failedRoute, String reason) {
        MapSqlParameterSource p = new MapSqlParameterSource("run", runId).addValue("reason", reason)
                .addValue("route", failedRoute).addValue("now", SqlTime.utc(clock.instant()));
        // the status before this update tells whether this failure is the one that ended the run
        List<Boolean> failedNow = jdbc.queryForList("""
                with before as (select status from pipeline_run where run_id = :run)
                update pipeline_run set failures = failures + 1, error = coalesce(error, :reason),
                    status = case when owner_route = :route and status = 'RUNNING' then 'FAILED' else status end,
                    finished_at = case when owner_route = :route and status = 'RUNNING' then :now else finished_at end
                where run_id = :run
                returning (select status from before) = 'RUNNING' and status = 'FAILED'""", p, Boolean.class);
        if (failedNow.contains(Boolean.TRUE)) {
            audit.record("run.finished", "pipeline_run", runId, Map.of("status", "FAILED"));
        }
    }

    /** Ends a running run as failed: a unit it cannot do without went to the exception queue. */
    public void fail(String runId, String reason) {
        if (jdbc.update("""
                update pipeline_run set status = 'FAILED', finished_at = :now, error = coalesce(error, :reason)
                where run_id = :run and status = 'RUNNING'""",
                new MapSqlParameterSource("run", runId).addValue("reason", reason)
                        .addValue("now", SqlTime.utc(clock.instant()))) == 1) {
            audit.record("run.finished", "pipeline_run", runId, Map.of("status", "FAILED"));
        }
    }

    public void finish(String runId) {
        jdbc.queryForList("""
                update pipeline_run set finished_at = :now,
                    status = case when failures > 0 then 'COMPLETED_WITH_FAILURES' else 'SUCCEEDED' end
                where run_id = :run and status = 'RUNNING'
                returning status""", new MapSqlParameterSource("run", runId)
                .addValue("now", SqlTime.utc(clock.instant())), String.class)
                .forEach(status -> audit.record("run.finished", "pipeline_run", runId, Map.of("status", status)));
    }

    /** The error of a run that ended FAILED; empty for any other run, or none. */
    public Optional<String> failure(String runId) {
        if (runId == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("select coalesce(error, 'failed') from pipeline_run where run_id = :run"
                + " and status = 'FAILED'", new MapSqlParameterSource("run", runId), String.class).stream().findFirst();
    }

    public Optional<RunRecord> find(String runId) {
        MapSqlParameterSource p = new MapSqlParameterSource("run", runId);
        List<RunRecord.Phase> phases = jdbc.query("""
                select phase, started_at, finished_at, records_in, records_accepted, records_rejected,
                    details::text as details
                from run_phase where run_id = :run order by id""", p, (rs, i) -> new RunRecord.Phase(
                rs.getString("phase"), SqlTime.instant(rs, "started_at"), SqlTime.instant(rs, "finished_at"),
                rs.getLong("records_in"), rs.getLong("records_accepted"), rs.getLong("records_rejected"),
                read(rs.getString("details"))));
        List<RunRecord.Input> inputs = jdbc.query(
                "select kind, reference, checksum from run_input where run_id = :run order by kind, reference", p,
                (rs, i) -> new RunRecord.Input(rs.getString("kind"), rs.getString("reference"),
                        rs.getString("checksum")));
        return jdbc.query("select * , totals::text as totals_text from pipeline_run where run_id = :run", p,
                (rs, i) -> record(rs, phases, inputs)).stream().findFirst();
    }

    public List<RunRecord> list(String pipeline, String period, int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource("pipeline", pipeline).addValue("period", period)
                .addValue("limit", limit);
        return jdbc.query("""
                select *, totals::text as totals_text from pipeline_run
                where (cast(:pipeline as text) is null or pipeline = :pipeline)
                  and (cast(:period as text) is null or period = :period)
                order by started_at desc, run_id desc limit :limit""", p,
                (rs, i) -> record(rs, List.of(), List.of()));
    }

    private RunRecord record(ResultSet rs, List<RunRecord.Phase> phases, List<RunRecord.Input> inputs)
            throws SQLException {
        return new RunRecord(rs.getString("run_id"), rs.getString("pipeline"), rs.getString("period"),
                rs.getString("trigger"), RunStatus.valueOf(rs.getString("status")),
                SqlTime.instant(rs, "started_at"), SqlTime.instant(rs, "finished_at"), rs.getLong("records_in"),
                rs.getLong("records_accepted"), rs.getLong("records_rejected"), rs.getInt("failures"),
                read(rs.getString("totals_text")), rs.getString("error"), rs.getString("node_id"),
                rs.getString("resumed_from"), phases, inputs);
    }

    private RunLaunch readLaunch(String text) {
        try {
            return text == null ? null : json.readValue(text, RunLaunch.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored run request is not JSON", e);
        }
    }

    private String write(Object values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("run details are not serialisable", e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored run details are not JSON", e);
        }
    }
}
