package io.billinghub.extraction.file;

import io.billinghub.extraction.UsageLeg;
import io.billinghub.platform.PgCopyWriter;
import io.billinghub.platform.SqlTime;
import io.billinghub.rating.RatedLeg;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * A file's legs as rows of {@code rated_leg}: each leg as the file gave it (its fields and its line) beside its
 * rating, one row per leg (V16). The lists given are parallel: {@code rated.get(i)} rates {@code legs.get(i)}.
 */
final class LegRows {

    private static final List<String> COLUMNS = List.of("leg_id", "tenant_id", "call_id", "utc_day",
            "start_time", "leg_class", "leg_role", "rating_status", "unrated_reason", "carrier_name", "carrier_id",
            "destination_number", "destination_region", "matched_prefix", "rate_per_minute", "increment_first",
            "increment_next", "raw_seconds", "billed_seconds", "raw_minutes", "billed_minutes", "cost", "currency",
            "reference_version_id", "rated_at", "run_id", "vendor", "end_time", "duration_seconds",
            "billing_duration_seconds", "call_type", "direction", "call_outcome", "raw_payload");

    private LegRows() {
    }

    /** New legs, in one COPY on the caller's transaction. */
    static void copy(Connection connection, SQLExceptionTranslator translator, List<UsageLeg> legs,
                     List<RatedLeg> rated, String runId, Instant now) {
        try (PgCopyWriter copy = new PgCopyWriter(connection, "rated_leg", COLUMNS, translator)) {
            for (int i = 0; i < legs.size(); i++) {
                UsageLeg source = legs.get(i);
                RatedLeg leg = rated.get(i);
                copy.row(leg.legId(), leg.tenantId(), leg.callId(), leg.utcDay(), leg.startTime(),
                        leg.legClass().name(), leg.legRole(), leg.status().name(),
                        leg.unratedReason() == null ? null : leg.unratedReason().name(), leg.carrierName(),
                        leg.carrierId(), leg.destinationNumber(), leg.destinationRegion(), leg.matchedPrefix(),
                        leg.ratePerMinute(), leg.increment() == null ? null : leg.increment().first(),
                        leg.increment() == null ? null : leg.increment().next(), leg.rawSeconds(),
                        leg.billedSeconds(), leg.rawMinutes(), leg.billedMinutes(), leg.cost(), leg.currency(),
                        leg.referenceVersionId(), now, runId, source.vendor(), source.endTime(),
                        source.durationSeconds(), source.billingDurationSeconds(), source.callType(),
                        source.direction(), source.callOutcome(), source.rawPayload());
            }
            copy.end();
        }
    }

    /**
     * The file's version of legs whose rows exist (their rating is upserted by {@code RatedLegStore}): the
     * columns the rating leaves alone.
     */
    static void updateSources(JdbcTemplate jdbc, List<UsageLeg> legs) {
        jdbc.batchUpdate("""
                update rated_leg set vendor = ?, end_time = ?, duration_seconds = ?, billing_duration_seconds = ?,
                    call_type = ?, direction = ?, call_outcome = ?, raw_payload = ?
                where leg_id = ?""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                UsageLeg leg = legs.get(i);
                ps.setString(1, leg.vendor());
                ps.setObject(2, leg.endTime() == null ? null : SqlTime.utc(leg.endTime()));
                ps.setInt(3, leg.durationSeconds());
                ps.setInt(4, leg.billingDurationSeconds());
                ps.setString(5, leg.callType());
                ps.setString(6, leg.direction());
                ps.setString(7, leg.callOutcome());
                ps.setString(8, leg.rawPayload());
                ps.setString(9, leg.legId());
            }

            @Override
            public int getBatchSize() {
                return legs.size();
            }
        });
    }
}
