package io.billinghub.extraction.file;

import io.billinghub.extraction.UsageLeg;
import io.billinghub.platform.PgCopyWriter;
import io.billinghub.rating.RatedLeg;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Bulk writes of new legs: staged usage rows and their rated rows, each in one COPY on the caller's transaction. */
final class LegRows {

    private LegRows() {
    }

    static long copyUsage(Connection connection, List<UsageLeg> legs, List<String> checksums, String runId,
                          Instant now) throws SQLException {
        try (PgCopyWriter copy = new PgCopyWriter(connection, """
                copy usage_leg (leg_id, call_id, tenant_id, vendor, start_time, end_time, duration_seconds,
                    billing_duration_seconds, carrier_name, destination_number, call_type, direction, call_outcome,
                    raw_payload, payload_checksum, first_run_id, last_run_id, first_seen_at, last_seen_at)
                from stdin""")) {
            for (int i = 0; i < legs.size(); i++) {
                UsageLeg leg = legs.get(i);
                copy.text(leg.legId()).text(leg.callId()).text(leg.tenantId()).text(leg.vendor())
                        .instant(leg.startTime()).instant(leg.endTime()).number(leg.durationSeconds())
                        .number(leg.billingDurationSeconds()).text(leg.carrierName()).text(leg.destinationNumber())
                        .text(leg.callType()).text(leg.direction()).text(leg.callOutcome()).text(leg.rawPayload())
                        .text(checksums.get(i)).text(runId).text(runId).instant(now).instant(now)
                        .endRow();
            }
            return copy.finish();
        }
    }

    static long copyRated(Connection connection, List<RatedLeg> legs, String runId, Instant now)
            throws SQLException {
        try (PgCopyWriter copy = new PgCopyWriter(connection, """
                copy rated_leg (leg_id, tenant_id, call_id, utc_day, start_time, leg_class, leg_role, rating_status,
                    unrated_reason, carrier_name, carrier_id, destination_number, destination_region, matched_prefix,
                    rate_per_minute, increment_first, increment_next, raw_seconds, billed_seconds, raw_minutes,
                    billed_minutes, cost, currency, reference_version_id, rated_at, run_id)
                from stdin""")) {
            for (RatedLeg leg : legs) {
                copy.text(leg.legId()).text(leg.tenantId()).text(leg.callId()).date(leg.utcDay())
                        .instant(leg.startTime()).text(leg.legClass().name()).text(leg.legRole())
                        .text(leg.status().name())
                        .text(leg.unratedReason() == null ? null : leg.unratedReason().name())
                        .text(leg.carrierName()).text(leg.carrierId()).text(leg.destinationNumber())
                        .text(leg.destinationRegion()).text(leg.matchedPrefix()).decimal(leg.ratePerMinute())
                        .number(leg.increment() == null ? null : leg.increment().first())
                        .number(leg.increment() == null ? null : leg.increment().next())
                        .number(leg.rawSeconds()).number(leg.billedSeconds()).decimal(leg.rawMinutes())
                        .decimal(leg.billedMinutes()).decimal(leg.cost()).text(leg.currency())
                        .number(leg.referenceVersionId()).instant(now).text(runId)
                        .endRow();
            }
            return copy.finish();
        }
    }
}
