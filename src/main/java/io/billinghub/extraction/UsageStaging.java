package io.billinghub.extraction;

import io.billinghub.platform.Checksums;
import io.billinghub.platform.SqlTime;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stages raw legs idempotently on legId: one set-based upsert per page. A re-run window, a retried page or a
 * duplicated page updates nothing unless the vendor's record really changed (payload checksum).
 */
@Repository
public class UsageStaging {

    /** What an upsert did: inserted + updated + unchanged = legs given. */
    public record StageCounts(int inserted, int updated, int unchanged) {
    }

    private final JdbcTemplate jdbc;

    public UsageStaging(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public StageCounts upsert(List<UsageLeg> legs, String runId, Instant now) {
        // The same legId twice in one statement would make PostgreSQL refuse the upsert: keep the last copy.
        Map<String, UsageLeg> unique = new LinkedHashMap<>();
        legs.forEach(leg -> unique.put(leg.legId(), leg));
        if (unique.isEmpty()) {
            return new StageCounts(0, 0, 0);
        }
        List<UsageLeg> batch = List.copyOf(unique.values());
        int[] counts = new int[2];
        jdbc.query((Connection con) -> statement(con, batch, runId, SqlTime.utc(now)), rs -> {
            counts[rs.getBoolean(1) ? 0 : 1]++;
        });
        return new StageCounts(counts[0], counts[1], legs.size() - counts[0] - counts[1]);
    }

    private static PreparedStatement statement(Connection con, List<UsageLeg> batch, String runId,
                                               OffsetDateTime now) throws SQLException {
        PreparedStatement ps = con.prepareStatement("""
                insert into usage_leg (leg_id, call_id, tenant_id, vendor, start_time, end_time, duration_seconds,
                    billing_duration_seconds, carrier_name, destination_number, call_type, direction, call_outcome,
                    raw_payload, payload_checksum, first_run_id, last_run_id, first_seen_at, last_seen_at)
                select u.leg_id, u.call_id, u.tenant_id, u.vendor, u.start_time, u.end_time, u.duration,
                    u.billing_duration, u.carrier, u.destination, u.call_type, u.direction, u.outcome, u.raw,
                    u.checksum, ?, ?, ?, ?
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]::timestamptz[], ?::text[]::timestamptz[],
                    ?::int[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    as u(leg_id, call_id, tenant_id, vendor, start_time, end_time, duration, billing_duration,
                         carrier, destination, call_type, direction, outcome, raw, checksum)
                on conflict (leg_id) do update set call_id = excluded.call_id, tenant_id = excluded.tenant_id,
                    vendor = excluded.vendor, start_time = excluded.start_time, end_time = excluded.end_time,
                    duration_seconds = excluded.duration_seconds,
                    billing_duration_seconds = excluded.billing_duration_seconds,
                    carrier_name = excluded.carrier_name, destination_number = excluded.destination_number,
                    call_type = excluded.call_type, direction = excluded.direction,
                    call_outcome = excluded.call_outcome, raw_payload = excluded.raw_payload,
                    payload_checksum = excluded.payload_checksum, last_run_id = excluded.last_run_id,
                    last_seen_at = excluded.last_seen_at
                where usage_leg.payload_checksum <> excluded.payload_checksum
                returning (xmax = 0) as inserted""");
        int n = batch.size();
        String[][] text = new String[11][n];
        String[] starts = new String[n];
        String[] ends = new String[n];
        Integer[] durations = new Integer[n];
        Integer[] billing = new Integer[n];
        for (int i = 0; i < n; i++) {
            UsageLeg leg = batch.get(i);
            text[0][i] = leg.legId();
            text[1][i] = leg.callId();
            text[2][i] = leg.tenantId();
            text[3][i] = leg.vendor();
            text[4][i] = leg.carrierName();
            text[5][i] = leg.destinationNumber();
            text[6][i] = leg.callType();
            text[7][i] = leg.direction();
            text[8][i] = leg.callOutcome();
            text[9][i] = leg.rawPayload();
            text[10][i] = Checksums.sha256(leg.rawPayload());
            // instants travel as ISO-8601 text with Z: unambiguous whatever the session time zone
            starts[i] = leg.startTime().toString();
            ends[i] = leg.endTime() == null ? null : leg.endTime().toString();
            durations[i] = leg.durationSeconds();
            billing[i] = leg.billingDurationSeconds();
        }
        ps.setString(1, runId);
        ps.setString(2, runId);
        ps.setObject(3, now);
        ps.setObject(4, now);
        int p = 5;
        for (int column = 0; column < 4; column++) {
            ps.setArray(p++, array(con, "text", text[column]));
        }
        ps.setArray(p++, array(con, "text", starts));
        ps.setArray(p++, array(con, "text", ends));
        ps.setArray(p++, array(con, "int4", durations));
        ps.setArray(p++, array(con, "int4", billing));
        for (int column = 4; column < 11; column++) {
            ps.setArray(p++, array(con, "text", text[column]));
        }
        return ps;
    }

    private static Array array(Connection con, String type, Object[] values) throws SQLException {
        return con.createArrayOf(type, values);
    }
}
