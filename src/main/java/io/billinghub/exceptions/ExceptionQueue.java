package io.billinghub.exceptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.observability.HubMetrics;
import io.billinghub.platform.SqlTime;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The exception queue in PostgreSQL: every dead letter, rejected record and reconciliation discrepancy, with its
 * source, position, reason and original content, worked through by finance (OPEN → ACKNOWLEDGED → RESOLVED).
 */
@Repository
public class ExceptionQueue {

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionQueue.class);

    private static final String COLUMNS = """
            id, type, status, pipeline, source, source_position, route_id, endpoint, replay_endpoint, reason,
            cause_class, run_id, correlation_id, dedupe_key, context::text as context, headers::text as headers,
            payload_type, octet_length(payload) as payload_bytes, created_at, updated_at, acknowledged_at,
            acknowledged_by, resolved_at, resolved_by, resolution, resolution_note, replay_count, last_replayed_at,
            replay_of""";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final HubMetrics metrics;

    public ExceptionQueue(NamedParameterJdbcTemplate jdbc, ObjectMapper json, Clock clock, HubMetrics metrics) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Opens a case, or refreshes the evidence of the open case with the same type and dedupe key. A problem that
     * finance resolved as ACCEPTED stays accepted while it is found again unchanged (same reason): a re-read or
     * re-run does not reopen it. Only a case opened counts in the cases-raised metric.
     *
     * @return the case id
     */
    public long raise(NewException e) {
        if (e.dedupeKey() != null) {
            List<Long> accepted = jdbc.queryForList("""
                    select id from exception_item where type = :type and dedupe_key = :key and status = 'RESOLVED'
                      and resolution = 'ACCEPTED' and reason = :reason order by id desc limit 1""",
                    new MapSqlParameterSource("type", e.type().name()).addValue("key", e.dedupeKey())
                            .addValue("reason", reason(e)), Long.class);
            if (!accepted.isEmpty()) {
                return accepted.get(0);
            }
        }
        OffsetDateTime now = SqlTime.utc(clock.instant());
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("type", e.type().name())
                .addValue("pipeline", e.pipeline())
                .addValue("source", e.source())
                .addValue("position", e.sourcePosition())
                .addValue("routeId", e.routeId())
                .addValue("endpoint", e.endpoint())
                .addValue("replayEndpoint", e.replayEndpoint())
                .addValue("reason", reason(e))
                .addValue("causeClass", e.causeClass())
                .addValue("runId", e.runId())
                .addValue("correlationId", e.correlationId())
                .addValue("dedupeKey", e.dedupeKey())
                .addValue("context", toJson(e.context()))
                .addValue("payload", e.payload())
                .addValue("payloadType", e.payloadType())
                .addValue("headers", toJson(e.headers()))
                .addValue("now", now);
        long id = jdbc.queryForObject("""
                insert into exception_item (type, pipeline, source, source_position, route_id, endpoint,
                    replay_endpoint, reason, cause_class, run_id, correlation_id, dedupe_key, context, payload,
                    payload_type, headers, created_at, updated_at)
                values (:type, :pipeline, :source, :position, :routeId, :endpoint, :replayEndpoint, :reason,
                    :causeClass, :runId, :correlationId, :dedupeKey, cast(:context as jsonb), :payload, :payloadType,
                    cast(:headers as jsonb), :now, :now)
                on conflict (type, dedupe_key) where dedupe_key is not null and status <> 'RESOLVED'
                do update set reason = excluded.reason, context = excluded.context, run_id = excluded.run_id,
                    payload = coalesce(excluded.payload, exception_item.payload), updated_at = excluded.updated_at
                returning id, xmax = 0 as opened""", p, (rs, i) -> {
                    // xmax is 0 on a row this statement inserted, set on one its ON CONFLICT branch updated
                    if (rs.getBoolean("opened")) {
                        metrics.casesOpened(e.type().name(), e.pipeline(), 1);
                    }
                    return rs.getLong("id");
                });
        LOG.info("Exception queue case {} {}: {} [{} {}]", id, e.type(), e.reason(), e.source(),
                e.sourcePosition() == null ? "" : e.sourcePosition());
        return id;
    }

    /**
     * Raises many cases with one statement per round, each case exactly as {@link #raise} would: a case found
     * again unchanged after finance ACCEPTED it is left alone, an open case with the same type and key has its
     * evidence refreshed, any other is opened. A key repeated in the list is raised again in a later round, as a
     * second {@code raise} call would (one statement cannot update a row twice). Callers pass a few thousand at a
     * time. Only the cases opened count in the cases-raised metric.
     *
     * @return the cases opened or refreshed
     */
    public int raiseAll(List<NewException> cases) {
        List<List<NewException>> rounds = new ArrayList<>();
        Map<List<String>, Integer> raised = new HashMap<>();
        for (NewException e : cases) {
            int round = e.dedupeKey() == null ? 0
                    : raised.merge(List.of(e.type().name(), e.dedupeKey()), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(e);
        }
        int written = 0;
        for (List<NewException> round : rounds) {
            written += raiseRound(round);
        }
        return written;
    }

    private int raiseRound(List<NewException> round) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("type", column(round, e -> e.type().name()))
                .addValue("pipeline", column(round, NewException::pipeline))
                .addValue("source", column(round, NewException::source))
                .addValue("position", column(round, NewException::sourcePosition))
                .addValue("routeId", column(round, NewException::routeId))
                .addValue("endpoint", column(round, NewException::endpoint))
                .addValue("replayEndpoint", column(round, NewException::replayEndpoint))
                .addValue("reason", column(round, ExceptionQueue::reason))
                .addValue("causeClass", column(round, NewException::causeClass))
                .addValue("runId", column(round, NewException::runId))
                .addValue("correlationId", column(round, NewException::correlationId))
                .addValue("dedupeKey", column(round, NewException::dedupeKey))
                .addValue("context", column(round, e -> toJson(e.context())))
                .addValue("payload", round.stream().map(NewException::payload).toArray(byte[][]::new))
                .addValue("payloadType", column(round, NewException::payloadType))
                .addValue("headers", column(round, e -> toJson(e.headers())))
                .addValue("now", SqlTime.utc(clock.instant()));
        // the same statement as raise, fed by arrays (one row per case, in the order given)
        Map<List<String>, Long> opened = new HashMap<>();
        List<Boolean> written = jdbc.query("""
                insert into exception_item (type, pipeline, source, source_position, route_id, endpoint,
                    replay_endpoint, reason, cause_class, run_id, correlation_id, dedupe_key, context, payload,
                    payload_type, headers, created_at, updated_at)
                select c.type, c.pipeline, c.source, c.source_position, c.route_id, c.endpoint, c.replay_endpoint,
                    c.reason, c.cause_class, c.run_id, c.correlation_id, c.dedupe_key, cast(c.context as jsonb),
                    c.payload, c.payload_type, cast(c.headers as jsonb), :now, :now
                from unnest(cast(:type as text[]), cast(:pipeline as text[]), cast(:source as text[]),
                    cast(:position as text[]), cast(:routeId as text[]), cast(:endpoint as text[]),
                    cast(:replayEndpoint as text[]), cast(:reason as text[]), cast(:causeClass as text[]),
                    cast(:runId as text[]), cast(:correlationId as text[]), cast(:dedupeKey as text[]),
                    cast(:context as text[]), cast(:payload as bytea[]), cast(:payloadType as text[]),
                    cast(:headers as text[])) with ordinality
                    as c (type, pipeline, source, source_position, route_id, endpoint, replay_endpoint, reason,
                        cause_class, run_id, correlation_id, dedupe_key, context, payload, payload_type, headers, n)
                where c.dedupe_key is null or not exists (
                    select 1 from exception_item a where a.type = c.type and a.dedupe_key = c.dedupe_key
                      and a.status = 'RESOLVED' and a.resolution = 'ACCEPTED' and a.reason = c.reason)
                order by c.n
                on conflict (type, dedupe_key) where dedupe_key is not null and status <> 'RESOLVED'
                do update set reason = excluded.reason, context = excluded.context, run_id = excluded.run_id,
                    payload = coalesce(excluded.payload, exception_item.payload), updated_at = excluded.updated_at
                returning type, coalesce(pipeline, ''), xmax = 0 as opened""", p, (rs, i) -> {
                    if (rs.getBoolean(3)) {
                        opened.merge(List.of(rs.getString(1), rs.getString(2)), 1L, Long::sum);
                    }
                    return rs.getBoolean(3);
                });
        opened.forEach((key, count) -> metrics.casesOpened(key.get(0), key.get(1).isEmpty() ? null : key.get(1),
                count));
        Map<ExceptionType, Long> byType = round.stream()
                .collect(Collectors.groupingBy(NewException::type, TreeMap::new, Collectors.counting()));
        LOG.info("Exception queue: {} cases opened or refreshed of {} raised {}", written.size(), round.size(),
                byType);
        return written.size();
    }

    private static String[] column(List<NewException> cases, Function<NewException, String> field) {
        return cases.stream().map(field).toArray(String[]::new);
    }

    private static String reason(NewException e) {
        return e.reason() == null ? "(no reason given)" : e.reason();
    }

    /** Closes an open case whose condition has disappeared (a re-rated leg, a re-reconciled day). */
    public int autoResolve(ExceptionType type, String dedupeKey, String note) {
        return jdbc.update("""
                update exception_item set status = 'RESOLVED', resolution = 'AUTO_RESOLVED', resolution_note = :note,
                    resolved_by = 'billing-hub', resolved_at = :now, updated_at = :now
                where type = :type and dedupe_key = :key and status <> 'RESOLVED'""",
                new MapSqlParameterSource("type", type.name()).addValue("key", dedupeKey).addValue("note", note)
                        .addValue("now", SqlTime.utc(clock.instant())));
    }

    /**
     * Auto-resolves the open cases of these types whose key starts with {@code scope} but is not among
     * {@code stillPresent}: what a re-run of that scope no longer finds. One statement, the keys as one array
     * (hashed against the open cases), whatever their number. The scope is a range of the open cases' key index
     * (byte order: every key starting with it sorts from it to the same text with its last character one higher),
     * so a day's pass reads that day's cases, not every open case.
     */
    public int autoResolveAbsent(Collection<ExceptionType> types, String scope, Set<String> stillPresent,
                                 String note) {
        // every caller ends its scope with a separator ('|'): one higher is then one byte higher in UTF-8
        if (scope.isEmpty() || scope.charAt(scope.length() - 1) >= 0x7f) {
            throw new IllegalArgumentException("a scope of cases must end with an ASCII character: '" + scope + "'");
        }
        String above = scope.substring(0, scope.length() - 1) + (char) (scope.charAt(scope.length() - 1) + 1);
        return jdbc.update("""
                update exception_item e set status = 'RESOLVED', resolution = 'AUTO_RESOLVED',
                    resolution_note = :note, resolved_by = 'billing-hub', resolved_at = :now, updated_at = :now
                where e.type in (:types) and e.dedupe_key ~>=~ :scope and e.dedupe_key ~<~ :above
                  and e.status <> 'RESOLVED'
                  and not exists (select 1 from unnest(cast(:present as text[])) as present (dedupe_key)
                                  where present.dedupe_key = e.dedupe_key)""",
                new MapSqlParameterSource("types", types.stream().map(Enum::name).toList())
                        .addValue("scope", scope).addValue("above", above)
                        .addValue("present", stillPresent.toArray(String[]::new)).addValue("note", note)
                        .addValue("now", SqlTime.utc(clock.instant())));
    }

    public List<ExceptionItem> list(ExceptionFilter filter) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from exception_item where true");
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (filter.status() != null) {
            sql.append(" and status = :status");
            p.addValue("status", filter.status().name());
        }
        if (filter.type() != null) {
            sql.append(" and type = :type");
            p.addValue("type", filter.type().name());
        }
        if (filter.pipeline() != null) {
            sql.append(" and pipeline = :pipeline");
            p.addValue("pipeline", filter.pipeline());
        }
        if (filter.source() != null) {
            sql.append(" and source = :source");
            p.addValue("source", filter.source());
        }
        if (filter.runId() != null) {
            sql.append(" and run_id = :runId");
            p.addValue("runId", filter.runId());
        }
        if (filter.createdFrom() != null) {
            sql.append(" and created_at >= :from");
            p.addValue("from", SqlTime.utc(filter.createdFrom()));
        }
        if (filter.createdTo() != null) {
            sql.append(" and created_at < :to");
            p.addValue("to", SqlTime.utc(filter.createdTo()));
        }
        sql.append(" order by id desc limit :limit offset :offset");
        p.addValue("limit", filter.limit()).addValue("offset", filter.offset());
        return jdbc.query(sql.toString(), p, rowMapper());
    }

    /**
     * Every case, in any status, whose dedupe key starts with {@code keyPrefix}: the findings of one scope (for
     * example one carrier's reconciled day), oldest first.
     */
    public List<ExceptionItem> inScope(String keyPrefix, int limit) {
        return jdbc.query("select " + COLUMNS + """
                 from exception_item where left(dedupe_key, length(:prefix)) = :prefix
                order by id limit :limit""", new MapSqlParameterSource("prefix", keyPrefix).addValue("limit", limit),
                rowMapper());
    }

    /** Open (not resolved) case counts by type, for the queue's summary. */
    public Map<String, Long> openCountsByType() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("select type, count(*) as n from exception_item where status <> 'RESOLVED' group by type",
                rs -> {
                    counts.put(rs.getString("type"), rs.getLong("n"));
                });
        return counts;
    }

    public Optional<ExceptionItem> find(long id) {
        return jdbc.query("select " + COLUMNS + " from exception_item where id = :id",
                new MapSqlParameterSource("id", id), rowMapper()).stream().findFirst();
    }

    public Optional<byte[]> payload(long id) {
        return jdbc.query("select payload from exception_item where id = :id and payload is not null",
                new MapSqlParameterSource("id", id), (rs, i) -> rs.getBytes(1)).stream().findFirst();
    }

    /** OPEN → ACKNOWLEDGED. Returns false when the case is not open. */
    public boolean acknowledge(long id, String by) {
        return jdbc.update("""
                update exception_item set status = 'ACKNOWLEDGED', acknowledged_by = :by, acknowledged_at = :now,
                    updated_at = :now
                where id = :id and status = 'OPEN'""",
                new MapSqlParameterSource("id", id).addValue("by", by).addValue("now", SqlTime.utc(clock.instant())))
                == 1;
    }

    /** OPEN/ACKNOWLEDGED → RESOLVED with a resolution kind and note. Returns false when already resolved. */
    public boolean resolve(long id, String by, Resolution resolution, String note) {
        return jdbc.update("""
                update exception_item set status = 'RESOLVED', resolution = :resolution, resolution_note = :note,
                    resolved_by = :by, resolved_at = :now, updated_at = :now
                where id = :id and status <> 'RESOLVED'""",
                new MapSqlParameterSource("id", id).addValue("by", by).addValue("resolution", resolution.name())
                        .addValue("note", note).addValue("now", SqlTime.utc(clock.instant()))) == 1;
    }

    /**
     * Records a successful replay. A replay can make its own case disappear while it runs (a re-rated leg closes
     * its UNRATED_LEG case): that auto-resolution is replaced, so the case says who replayed it.
     */
    public boolean resolveReplayed(long id, String by, String note, Instant replayStarted) {
        return jdbc.update("""
                update exception_item set status = 'RESOLVED', resolution = 'REPLAYED', resolution_note = :note,
                    resolved_by = :by, resolved_at = :now, updated_at = :now
                where id = :id and (status <> 'RESOLVED'
                    or resolution = 'AUTO_RESOLVED' and resolved_at >= :started)""",
                new MapSqlParameterSource("id", id).addValue("by", by).addValue("note", note)
                        .addValue("now", SqlTime.utc(clock.instant()))
                        .addValue("started", SqlTime.utc(replayStarted))) == 1;
    }

    /**
     * Claims a case for replay: counts the attempt unless the case is resolved. Two concurrent replays of one case
     * may both run; every route a replay can reach is idempotent on its stable keys, so the second changes nothing.
     */
    public boolean claimReplay(long id) {
        return jdbc.update("""
                update exception_item set replay_count = replay_count + 1, last_replayed_at = :now, updated_at = :now
                where id = :id and status <> 'RESOLVED' and replay_endpoint is not null""",
                new MapSqlParameterSource("id", id).addValue("now", SqlTime.utc(clock.instant()))) == 1;
    }

    /** Links a case raised during a replay to the case being replayed. */
    public void linkReplay(long newCaseId, long replayOf) {
        jdbc.update("update exception_item set replay_of = :of where id = :id and id <> :of",
                new MapSqlParameterSource("id", newCaseId).addValue("of", replayOf));
    }

    private String toJson(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values == null ? Map.of() : values);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("exception context is not serialisable", ex);
        }
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text == null ? "{}" : text);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored exception context is not JSON", ex);
        }
    }

    private RowMapper<ExceptionItem> rowMapper() {
        return (rs, i) -> new ExceptionItem(
                rs.getLong("id"),
                ExceptionType.valueOf(rs.getString("type")),
                ExceptionStatus.valueOf(rs.getString("status")),
                rs.getString("pipeline"),
                rs.getString("source"),
                rs.getString("source_position"),
                rs.getString("route_id"),
                rs.getString("endpoint"),
                rs.getString("replay_endpoint"),
                rs.getString("reason"),
                rs.getString("cause_class"),
                rs.getString("run_id"),
                rs.getString("correlation_id"),
                rs.getString("dedupe_key"),
                readJson(rs.getString("context")),
                readJson(rs.getString("headers")),
                rs.getString("payload_type"),
                (Integer) rs.getObject("payload_bytes"),
                SqlTime.instant(rs, "created_at"),
                SqlTime.instant(rs, "updated_at"),
                SqlTime.instant(rs, "acknowledged_at"),
                rs.getString("acknowledged_by"),
                SqlTime.instant(rs, "resolved_at"),
                rs.getString("resolved_by"),
                rs.getString("resolution") == null ? null : Resolution.valueOf(rs.getString("resolution")),
                rs.getString("resolution_note"),
                rs.getInt("replay_count"),
                SqlTime.instant(rs, "last_replayed_at"),
                (Long) rs.getObject("replay_of"));
    }


}
