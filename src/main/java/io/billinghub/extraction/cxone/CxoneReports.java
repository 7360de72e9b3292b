package io.billinghub.extraction.cxone;

import io.billinghub.platform.SqlTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The reports requested from CXone. CXone keeps a completed report for 24 hours: a retry within that time reuses
 * it (or keeps polling one still processing) instead of requesting a new, overlapping report.
 */
@Repository
public class CxoneReports {

    /** A report as last seen. */
    public record Report(String reportId, String status, Instant submittedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public CxoneReports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The report of this exact window still usable at {@code now}: complete within the reuse time, or pending. */
    public Optional<Report> reusable(ReportWindow window, Instant now, Duration reuse) {
        return jdbc.query("""
                select report_id, status, submitted_at from cxone_report
                where tenant_id = :tenant and window_start = :from and window_end = :to
                  and (status = 'COMPLETE' and completed_at > :completedAfter
                       or status in ('QUEUED', 'PROCESSING') and submitted_at > :submittedAfter)
                order by submitted_at desc limit 1""",
                new MapSqlParameterSource("tenant", window.tenantId()).addValue("from", SqlTime.utc(window.start()))
                        .addValue("to", SqlTime.utc(window.end()))
                        .addValue("completedAfter", SqlTime.utc(now.minus(reuse)))
                        .addValue("submittedAfter", SqlTime.utc(now.minus(reuse))),
                (rs, i) -> new Report(rs.getString(1), rs.getString(2), SqlTime.instant(rs, "submitted_at")))
                .stream().findFirst();
    }

    /** A new report; an id CXone hands out again (after purging its reports) starts over. */
    public void submitted(ReportWindow window, String reportId, String status, Instant at, String runId) {
        jdbc.update("""
                insert into cxone_report (report_id, tenant_id, window_start, window_end, status, submitted_at, run_id)
                values (:id, :tenant, :from, :to, :status, :at, :run)
                on conflict (report_id) do update set tenant_id = excluded.tenant_id,
                    window_start = excluded.window_start, window_end = excluded.window_end, status = excluded.status,
                    submitted_at = excluded.submitted_at, completed_at = null, polls = 0, run_id = excluded.run_id""",
                new MapSqlParameterSource("id", reportId).addValue("tenant", window.tenantId())
                        .addValue("from", SqlTime.utc(window.start())).addValue("to", SqlTime.utc(window.end()))
                        .addValue("status", status).addValue("at", SqlTime.utc(at)).addValue("run", runId));
    }

    public void polled(String reportId, String status, Instant at) {
        jdbc.update("""
                update cxone_report set status = :status, polls = polls + 1,
                    completed_at = case when :status = 'COMPLETE' then coalesce(completed_at, :at) else completed_at end
                where report_id = :id""",
                new MapSqlParameterSource("id", reportId).addValue("status", status)
                        .addValue("at", SqlTime.utc(at)));
    }

    /** Records a finished extraction of the window (a report, or the published connector's own extraction id). */
    public void extracted(ReportWindow window, String extractionId, int pages, long lines, String checksum,
                          Instant at, String runId) {
        jdbc.update("""
                insert into cxone_extraction (tenant_id, period, window_start, window_end, report_id, pages, lines,
                    checksum, extracted_at, run_id)
                values (:tenant, :period, :from, :to, :report, :pages, :lines, :checksum, :at, :run)""",
                new MapSqlParameterSource("tenant", window.tenantId()).addValue("period", window.period().toString())
                        .addValue("from", SqlTime.utc(window.start()))
                        .addValue("to", SqlTime.utc(window.end()))
                        .addValue("report", extractionId).addValue("pages", pages)
                        .addValue("lines", lines).addValue("checksum", checksum)
                        .addValue("at", SqlTime.utc(at)).addValue("run", runId));
    }
}
