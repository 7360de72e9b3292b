package io.billinghub.rating;

import io.billinghub.platform.SqlTime;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Rated legs in SQL, one row per legId: re-rating replaces the row, so a leg is never counted twice. */
@Repository
public class RatedLegStore {

    private final JdbcTemplate jdbc;

    public RatedLegStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(List<RatedLeg> legs, String runId, Instant ratedAt) {
        jdbc.batchUpdate("""
                insert into rated_leg (leg_id, tenant_id, call_id, utc_day, start_time, leg_class, leg_role,
                    rating_status, unrated_reason, carrier_name, carrier_id, destination_number, destination_region,
                    matched_prefix, rate_per_minute, increment_first, increment_next, raw_seconds, billed_seconds,
                    raw_minutes, billed_minutes, cost, currency, reference_version_id, rated_at, run_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (leg_id) do update set tenant_id = excluded.tenant_id, call_id = excluded.call_id,
                    utc_day = excluded.utc_day, start_time = excluded.start_time, leg_class = excluded.leg_class,
                    leg_role = excluded.leg_role, rating_status = excluded.rating_status,
                    unrated_reason = excluded.unrated_reason, carrier_name = excluded.carrier_name,
                    carrier_id = excluded.carrier_id, destination_number = excluded.destination_number,
                    destination_region = excluded.destination_region, matched_prefix = excluded.matched_prefix,
                    rate_per_minute = excluded.rate_per_minute, increment_first = excluded.increment_first,
                    increment_next = excluded.increment_next, raw_seconds = excluded.raw_seconds,
                    billed_seconds = excluded.billed_seconds, raw_minutes = excluded.raw_minutes,
                    billed_minutes = excluded.billed_minutes, cost = excluded.cost, currency = excluded.currency,
                    reference_version_id = excluded.reference_version_id, rated_at = excluded.rated_at,
                    run_id = excluded.run_id""", legs, 1000, (ps, leg) -> bind(ps, leg, runId, ratedAt));
    }

    private static void bind(PreparedStatement ps, RatedLeg leg, String runId, Instant ratedAt) throws SQLException {
        ps.setString(1, leg.legId());
        ps.setString(2, leg.tenantId());
        ps.setString(3, leg.callId());
        ps.setObject(4, leg.utcDay());
        ps.setObject(5, SqlTime.utc(leg.startTime()));
        ps.setString(6, leg.legClass().name());
        ps.setString(7, leg.legRole());
        ps.setString(8, leg.status().name());
        ps.setString(9, leg.unratedReason() == null ? null : leg.unratedReason().name());
        ps.setString(10, leg.carrierName());
        ps.setString(11, leg.carrierId());
        ps.setString(12, leg.destinationNumber());
        ps.setString(13, leg.destinationRegion());
        ps.setString(14, leg.matchedPrefix());
        ps.setBigDecimal(15, leg.ratePerMinute());
        setInteger(ps, 16, leg.increment() == null ? null : leg.increment().first());
        setInteger(ps, 17, leg.increment() == null ? null : leg.increment().next());
        ps.setInt(18, leg.rawSeconds());
        ps.setInt(19, leg.billedSeconds());
        ps.setBigDecimal(20, leg.rawMinutes());
        ps.setBigDecimal(21, leg.billedMinutes());
        ps.setBigDecimal(22, leg.cost());
        ps.setString(23, leg.currency());
        ps.setLong(24, leg.referenceVersionId());
        ps.setObject(25, SqlTime.utc(ratedAt));
        ps.setString(26, runId);
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
