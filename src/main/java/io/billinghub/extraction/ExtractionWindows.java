package io.billinghub.extraction;

import io.billinghub.platform.SqlTime;
import java.time.Instant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** What was extracted per tenant and window, and the checksum of the legs staged for it. */
@Repository
public class ExtractionWindows {

    private final NamedParameterJdbcTemplate jdbc;

    public ExtractionWindows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Checksum of the staged window: SHA-256 over every leg's id and payload checksum in legId order, so it is
     * independent of page order and duplicates and changes exactly when a staged record changes.
     */
    public String stagedChecksum(ExtractionWindow window) {
        return jdbc.queryForObject("""
                select encode(sha256(convert_to(coalesce(string_agg(leg_id || ':' || payload_checksum, ','
                    order by leg_id), ''), 'UTF8')), 'hex')
                from usage_leg where tenant_id = :tenant and start_time >= :from and start_time < :to""",
                range(window), String.class);
    }

    public void record(ExtractionWindow window, boolean settled, int pages, int records, String checksum,
                       Instant extractedAt, String runId) {
        jdbc.update("""
                insert into extraction_window (tenant_id, window_start, window_end, status, pages, records, checksum,
                    extracted_at, run_id)
                values (:tenant, :from, :to, :status, :pages, :records, :checksum, :at, :run)
                on conflict (tenant_id, window_start) do update set window_end = excluded.window_end,
                    status = excluded.status, pages = excluded.pages, records = excluded.records,
                    checksum = excluded.checksum, extracted_at = excluded.extracted_at, run_id = excluded.run_id""",
                range(window).addValue("status", settled ? "SETTLED" : "OPEN").addValue("pages", pages)
                        .addValue("records", records).addValue("checksum", checksum)
                        .addValue("at", SqlTime.utc(extractedAt)).addValue("run", runId));
    }

    static MapSqlParameterSource range(ExtractionWindow window) {
        return new MapSqlParameterSource("tenant", window.tenantId())
                .addValue("from", SqlTime.utc(window.start()))
                .addValue("to", SqlTime.utc(window.end()));
    }
}
