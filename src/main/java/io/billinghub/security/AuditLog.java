package io.billinghub.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.platform.Checksums;
import io.billinghub.platform.HashChain;
import io.billinghub.platform.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only audit trail (table audit_event, V8). The actor is the authenticated REST user of the current
 * request, or the hub itself for what its routes and schedules do. Each event is hashed with its predecessor's
 * hash, so {@link #verify()} finds a row changed or removed behind the database triggers' back.
 */
@Repository
public class AuditLog {

    /** The actor of everything no user asked for: schedules, routes, the start-up load. */
    public static final String HUB = "billing-hub";
    private static final TypeReference<TreeMap<String, String>> DETAILS = new TypeReference<>() {
    };
    private static final String SELECT = """
            select id, occurred_at, actor, action, subject_type, subject_id, details::text as details, previous_hash,
                hash
            from audit_event
            """;

    /** One stored event. */
    public record Event(long id, Instant occurredAt, String actor, String action, String subjectType,
                        String subjectId, Map<String, String> details, String previousHash, String hash) {
    }

    /** The chain check: intact, or the first event whose hash does not match. */
    public record Verification(boolean intact, int events, Long firstBrokenEventId, String reason) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditLog(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** Appends an event by the current actor. Details are plain strings, so the hash has one canonical input. */
    public void record(String action, String subjectType, String subjectId, Map<String, String> details) {
        String actor = currentActor();
        tx.executeWithoutResult(status -> {
            // one writer at a time, so the chain has one head
            jdbc.queryForObject("select pg_advisory_xact_lock(hashtext('audit-event-chain'))",
                    new MapSqlParameterSource(), Object.class);
            String previous = jdbc.query("select hash from audit_event order by id desc limit 1",
                    (rs, i) -> rs.getString(1)).stream().findFirst().orElse(HashChain.GENESIS);
            // microseconds: what timestamptz keeps, so the hash recomputed from the stored row matches
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Event event = new Event(0, now, actor, action, subjectType, subjectId, new TreeMap<>(details), previous,
                    null);
            jdbc.update("""
                    insert into audit_event (occurred_at, actor, action, subject_type, subject_id, details,
                        previous_hash, hash)
                    values (:now, :actor, :action, :subjectType, :subjectId, cast(:details as jsonb), :previous,
                        :hash)""", new MapSqlParameterSource("now", SqlTime.utc(now)).addValue("actor", actor)
                    .addValue("action", action).addValue("subjectType", subjectType)
                    .addValue("subjectId", subjectId).addValue("details", write(event.details()))
                    .addValue("previous", previous).addValue("hash", hash(event)));
        });
    }

    /** The events of a subject (or every subject of a type, or all), newest first. */
    public List<Event> events(String subjectType, String subjectId, int limit) {
        return jdbc.query(SELECT + """
                where (cast(:type as text) is null or subject_type = :type)
                  and (cast(:id as text) is null or subject_id = :id)
                order by id desc limit :limit""", new MapSqlParameterSource("type", subjectType)
                .addValue("id", subjectId).addValue("limit", limit), this::event);
    }

    public Verification verify() {
        List<Event> all = jdbc.query(SELECT + "order by id", this::event);
        return HashChain.check(all, Event::id, Event::previousHash, Event::hash, this::hash)
                .map(broken -> new Verification(false, all.size(), broken.rowId(), broken.reason()))
                .orElse(new Verification(true, all.size(), null, "every event matches its hash and the chain"));
    }

    /** The authenticated user of the current request, or the hub itself. */
    static String currentActor() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken ? HUB
                : user.getName();
    }

    private Event event(ResultSet rs, int row) throws SQLException {
        return new Event(rs.getLong("id"), SqlTime.instant(rs, "occurred_at"), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                read(rs.getString("details")), rs.getString("previous_hash"), rs.getString("hash"));
    }

    private String hash(Event e) {
        return Checksums.sha256(String.join("|", e.previousHash(), e.occurredAt().toString(), e.actor(), e.action(),
                e.subjectType(), e.subjectId(), write(e.details())));
    }

    /** Details in key order: the same text whether written now or read back from jsonb. */
    private String write(Map<String, String> details) {
        try {
            return json.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details are not serialisable", e);
        }
    }

    private Map<String, String> read(String details) {
        try {
            return json.readValue(details, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit details are not JSON", e);
        }
    }
}
