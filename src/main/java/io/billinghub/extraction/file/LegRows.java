package io.billinghub.extraction.file;

import io.billinghub.extraction.UsageLeg;
import io.billinghub.platform.PgCopyWriter;
import io.billinghub.rating.RatedLeg;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/** Bulk writes of new legs: staged usage rows and their rated rows, each in one COPY on the caller's transaction. */
final class LegRows {

    private static final List<String> USAGE_COLUMNS = List.of("leg_id", "call_id", "tenant_id", "vendor",
            "start_time", "end_time", "duration_seconds", "billing_duration_seconds", "carrier_name",
            "destination_number", "call_type", "direction", "call_outcome", "raw_payload", "payload_checksum",
            "first_run_id", "last_run_id", "first_seen_at", "last_seen_at");
    private static final List<String> RATED_COLUMNS = List.of("leg_id", "tenant_id", "call_id", "utc_day",
            "start_time", "leg_class", "leg_role", "rating_status", "unrated_reason", "carrier_name", "carrier_id",
            "destination_number", "destination_region", "matched_prefix", "rate_per_minute", "increment_first",
            "increment_next", "raw_seconds", "billed_seconds", "raw_minutes", "billed_minutes", "cost", "currency",
            "reference_version_id", "rated_at", "run_id");

    private LegRows() {
    }

    static void copyUsage(Connection connection, SQLExceptionTranslator translator, List<UsageLeg> legs,
                          List<String> checksums, String runId, Instant now) {
        try (PgCopyWriter copy = new PgCopyWriter(connection, "usage_leg", USAGE_COLUMNS, translator)) {
            for (int i = 0; i < legs.size(); i++) {
                UsageLeg leg = legs.get(i);
                copy.row(leg.legId(), leg.callId(), leg.tenantId(), leg.vendor(), leg.startTime(), leg.endTime(),
                        leg.durationSeconds(), leg.billingDurationSeconds(), leg.carrierName(),
                        leg.destinationNumber(), leg.callType(), leg.direction(), leg.callOutcome(), leg.rawPayload(),
                        checksums.get(i), runId, runId, now, now);
            }
            copy.end();
        }
    }

    static void copyRated(Connection connection, SQLExceptionTranslator translator, List<RatedLeg> legs,
                          String runId, Instant now) {
        try (PgCopyWriter copy = new PgCopyWriter(connection, "rated_leg", RATED_COLUMNS, translator)) {
            for (RatedLeg leg : legs) {
                copy.row(leg.legId(), leg.tenantId(), leg.callId(), leg.utcDay(), leg.startTime(),
                        leg.legClass().name(), leg.legRole(), leg.status().name(),
                        leg.unratedReason() == null ? null : leg.unratedReason().name(), leg.carrierName(),
                        leg.carrierId(), leg.destinationNumber(), leg.destinationRegion(), leg.matchedPrefix(),
                        leg.ratePerMinute(), leg.increment() == null ? null : leg.increment().first(),
                        leg.increment() == null ? null : leg.increment().next(), leg.rawSeconds(),
                        leg.billedSeconds(), leg.rawMinutes(), leg.billedMinutes(), leg.cost(), leg.currency(),
                        leg.referenceVersionId(), now, runId);
            }
            copy.end();
        }
    }
}
