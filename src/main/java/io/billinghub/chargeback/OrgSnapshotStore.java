package io.billinghub.chargeback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.allocation.TenantSnapshot;
import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.extraction.org.OrgResource;
import io.billinghub.platform.SqlTime;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Organisation snapshots in SQL: one extraction per tenant and run, its records keyed by resource and vendor id (a
 * retried page replaces its records), marked COMPLETE only when every resource was paged to the end. Allocation
 * reads the latest complete extraction of each tenant, never a partial one.
 */
@Repository
public class OrgSnapshotStore {

    /** A complete extraction: which, as of when. */
    public record Extraction(String extractionId, String vendor, String tenantId, Instant snapshotAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public OrgSnapshotStore(NamedParameterJdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param stateObservedAt when the organisation is read through an API giving only the current state: the instant
     *                        it is read (the start of the extraction); null when the API answers as of snapshotAt
     */
    public void begin(String extractionId, String runId, YearMonth period, String vendor, String tenantId,
                      Instant snapshotAt, Instant stateObservedAt) {
        jdbc.update("""
                insert into org_extraction (extraction_id, run_id, period, vendor, tenant_id, snapshot_at, status,
                    started_at, state_observed_at)
                values (:id, :run, :period, :vendor, :tenant, :snapshot, 'RUNNING', :now, :observed)
                on conflict (extraction_id) do update set status = 'RUNNING', started_at = excluded.started_at,
                    state_observed_at = excluded.state_observed_at""",
                new MapSqlParameterSource("id", extractionId).addValue("run", runId)
                        .addValue("period", period.toString()).addValue("vendor", vendor)
                        .addValue("tenant", tenantId).addValue("snapshot", SqlTime.utc(snapshotAt))
                        .addValue("now", SqlTime.utc(clock.instant()))
                        .addValue("observed", stateObservedAt == null ? null : SqlTime.utc(stateObservedAt)));
    }

    /** Stores a page's records; a retried page replaces what it stored before. */
    public void stage(String extractionId, OrgResource resource, List<OrgRecord> records) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (OrgRecord r : records) {
            rows.add(new MapSqlParameterSource("id", extractionId).addValue("resource", resource.name())
                    .addValue("key", r.key()).addValue("payload", write(r)));
        }
        jdbc.batchUpdate("""
                insert into org_record (extraction_id, resource, record_key, payload)
                values (:id, :resource, :key, cast(:payload as jsonb))
                on conflict (extraction_id, resource, record_key) do update set payload = excluded.payload""",
                rows.toArray(MapSqlParameterSource[]::new));
    }

    public void complete(String extractionId, long recordsIn, long accepted, long rejected,
                         Map<String, Object> counts) {
        jdbc.update("""
                update org_extraction set status = 'COMPLETE', completed_at = :now, records_in = :in,
                    accepted = :accepted, rejected = :rejected, counts = cast(:counts as jsonb)
                where extraction_id = :id""", new MapSqlParameterSource("id", extractionId)
                .addValue("now", SqlTime.utc(clock.instant())).addValue("in", recordsIn)
                .addValue("accepted", accepted).addValue("rejected", rejected).addValue("counts", write(counts)));
    }

    /** Whether the run completed an extraction of the tenant. */
    public boolean completedInRun(String runId, String vendor, String tenantId) {
        Integer n = jdbc.queryForObject("""
                select count(*) from org_extraction where run_id = :run and vendor = :vendor and tenant_id = :tenant
                  and status = 'COMPLETE'""", new MapSqlParameterSource("run", runId).addValue("vendor", vendor)
                .addValue("tenant", tenantId), Integer.class);
        return n != null && n > 0;
    }

    /** The latest complete extraction of each tenant for the period. */
    public List<Extraction> latest(YearMonth period) {
        return jdbc.query("""
                select distinct on (vendor, tenant_id) extraction_id, vendor, tenant_id, snapshot_at
                from org_extraction where period = :period and status = 'COMPLETE'
                order by vendor, tenant_id, completed_at desc""",
                new MapSqlParameterSource("period", period.toString()),
                (rs, i) -> new Extraction(rs.getString(1), rs.getString(2), rs.getString(3),
                        SqlTime.instant(rs, "snapshot_at")));
    }

    public TenantSnapshot snapshot(Extraction extraction) {
        List<OrgRecord> records = jdbc.query("""
                select payload from org_record where extraction_id = :id order by resource, record_key""",
                new MapSqlParameterSource("id", extraction.extractionId()), (rs, i) -> read(rs.getString(1)));
        return TenantSnapshot.of(extraction.vendor(), extraction.tenantId(), records);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private OrgRecord read(String text) {
        try {
            return json.readValue(text, OrgRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored organisation record unreadable", e);
        }
    }
}
