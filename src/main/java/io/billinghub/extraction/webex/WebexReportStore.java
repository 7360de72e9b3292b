package io.billinghub.extraction.webex;

import io.billinghub.platform.SqlTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The reports requested from Webex and the rows of the downloaded ones. A report's rows are replaced whole by each
 * download (the caller's transaction), so a retried download never adds a row twice.
 */
@Repository
public class WebexReportStore {

    /** A row rejected after staging because it repeats an earlier row's identity. */
    public record Duplicate(long recordNo, long firstRecordNo, String raw) {
    }

    /** The download in use for a partner scope, level and period. */
    public record Extraction(String partnerId, String scopeOrgId, ReportType type, String reportId, long rowsIn,
                             long accepted, long rejected, String checksum) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public WebexReportStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records what the hub learnt about a report (created, listed, polled, deleted). */
    public void seen(WebexReportJob job, BillingWindow window, String reportId, String status, String errors,
                     Instant now, String runId) {
        jdbc.update("""
                insert into webex_report (report_id, partner_id, scope_org_id, sub_partner, report_type, billing_start,
                    billing_end, status, errors, first_seen_at, updated_at, run_id)
                values (:id, :partner, :scope, :sub, :type, :start, :end, :status, cast(:errors as jsonb), :now, :now,
                    :run)
                on conflict (report_id) do update set status = excluded.status,
                    errors = coalesce(excluded.errors, webex_report.errors), updated_at = excluded.updated_at""",
                new MapSqlParameterSource("id", reportId).addValue("partner", job.partnerId())
                        .addValue("scope", job.scopeOrgId()).addValue("sub", job.subPartnerOrgId() != null)
                        .addValue("type", job.type().name()).addValue("start", window.start())
                        .addValue("end", window.end()).addValue("status", status).addValue("errors", errors)
                        .addValue("now", SqlTime.utc(now)).addValue("run", runId));
    }

    /** The scope (partner or sub-partner org) of a report the hub has seen. */
    public Optional<String> scopeOf(String reportId) {
        return jdbc.query("select scope_org_id from webex_report where report_id = :id",
                new MapSqlParameterSource("id", reportId), (rs, i) -> rs.getString(1)).stream().findFirst();
    }

    public void deleted(String reportId, Instant now) {
        jdbc.update("update webex_report set status = 'DELETED', deleted_at = :now, updated_at = :now"
                + " where report_id = :id",
                new MapSqlParameterSource("id", reportId).addValue("now", SqlTime.utc(now)));
    }

    /** Removes the rows of an earlier download of the report (inside the download's transaction). */
    public void clearRows(String reportId) {
        jdbc.update("delete from webex_report_row where report_id = :id", new MapSqlParameterSource("id", reportId));
    }

    public void insertRows(String reportId, ReportType type, List<WebexReportRow> rows) {
        jdbc.batchUpdate("""
                insert into webex_report_row (report_id, record_no, identity, partner_org_id, partner_name,
                    subscription_id, service_name, sku, description, consumption_start, consumption_end, quantity,
                    customer_org_id, customer_external_id, subscriber_id, user_id, workspace_id, location_id,
                    license_id, raw)
                values (:report, :record, :identity, :partnerOrg, :partnerName, :subscription, :service, :sku,
                    :description, :start, :end, :quantity, :customerOrg, :external, :subscriber, :user, :workspace,
                    :location, :license, :raw)""", rows.stream().map(r -> new MapSqlParameterSource("report", reportId)
                        .addValue("record", r.recordNo()).addValue("identity", r.identity(type))
                        .addValue("partnerOrg", r.partnerOrgId()).addValue("partnerName", r.partnerName())
                        .addValue("subscription", r.subscriptionId()).addValue("service", r.serviceName())
                        .addValue("sku", r.sku()).addValue("description", r.description())
                        .addValue("start", r.consumptionStart()).addValue("end", r.consumptionEnd())
                        .addValue("quantity", r.quantity()).addValue("customerOrg", r.customerOrgId())
                        .addValue("external", r.customerExternalId()).addValue("subscriber", r.subscriberId())
                        .addValue("user", r.userId()).addValue("workspace", r.workspaceId())
                        .addValue("location", r.locationId()).addValue("license", r.licenseId())
                        .addValue("raw", r.raw()))
                .toArray(MapSqlParameterSource[]::new));
    }

    /**
     * Removes every row repeating the identity of an earlier row of the report (rows are unique per package,
     * location and licence id) and hands each to {@code rejected}: the first occurrence is kept, never both.
     */
    public int removeDuplicates(String reportId, Consumer<Duplicate> rejected) {
        List<Duplicate> duplicates = new ArrayList<>();
        jdbc.query("""
                select record_no, first_record, raw from (
                    select record_no, raw, min(record_no) over (partition by identity) as first_record
                    from webex_report_row where report_id = :id) r
                where record_no <> first_record order by record_no""", new MapSqlParameterSource("id", reportId),
                rs -> {
                    duplicates.add(new Duplicate(rs.getLong(1), rs.getLong(2), rs.getString(3)));
                });
        if (duplicates.isEmpty()) {
            return 0;
        }
        jdbc.update("delete from webex_report_row where report_id = :id and record_no in (:records)",
                new MapSqlParameterSource("id", reportId)
                        .addValue("records", duplicates.stream().map(Duplicate::recordNo).toList()));
        duplicates.forEach(rejected);
        return duplicates.size();
    }

    /** A checksum of the staged rows, in file order: the input identity recorded with the run. */
    public String checksum(String reportId) {
        return jdbc.queryForObject("""
                select encode(sha256(convert_to(coalesce(string_agg(raw, E'\\n' order by record_no), ''), 'UTF8')),
                    'hex') from webex_report_row where report_id = :id""", new MapSqlParameterSource("id", reportId),
                String.class);
    }

    public void recordExtraction(String runId, WebexReportJob job, String reportId, long rowsIn, long accepted,
                                 long rejected, String checksum, Instant now) {
        jdbc.update("""
                insert into webex_extraction (run_id, partner_id, scope_org_id, report_type, period, report_id,
                    rows_in, accepted, rejected, checksum, extracted_at)
                values (:run, :partner, :scope, :type, :period, :report, :in, :accepted, :rejected, :checksum, :now)""",
                new MapSqlParameterSource("run", runId).addValue("partner", job.partnerId())
                        .addValue("scope", job.scopeOrgId()).addValue("type", job.type().name())
                        .addValue("period", job.period()).addValue("report", reportId).addValue("in", rowsIn)
                        .addValue("accepted", accepted).addValue("rejected", rejected).addValue("checksum", checksum)
                        .addValue("now", SqlTime.utc(now)));
    }

    public boolean extractedInRun(String runId, WebexReportJob job) {
        Boolean found = jdbc.queryForObject("""
                select exists (select 1 from webex_extraction where run_id = :run and partner_id = :partner
                    and scope_org_id = :scope and report_type = :type and period = :period)""",
                new MapSqlParameterSource("run", runId).addValue("partner", job.partnerId())
                        .addValue("scope", job.scopeOrgId()).addValue("type", job.type().name())
                        .addValue("period", job.period()), Boolean.class);
        return Boolean.TRUE.equals(found);
    }

    /** The latest download of each partner scope and level for the period. */
    public List<Extraction> latest(String period) {
        return jdbc.query("""
                select distinct on (partner_id, scope_org_id, report_type) partner_id, scope_org_id, report_type,
                    report_id, rows_in, accepted, rejected, checksum
                from webex_extraction where period = :period
                order by partner_id, scope_org_id, report_type, extraction_id desc""",
                new MapSqlParameterSource("period", period),
                (rs, i) -> new Extraction(rs.getString(1), rs.getString(2), ReportType.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getString(8)));
    }

    /**
     * The reports the hub created, reused or deleted for a billing period (for finance's view of the run). Their
     * errors as JSON text: a jsonb column would reach Jackson as the driver's PGobject, written as its bean fields.
     */
    public List<Map<String, Object>> reports(LocalDate start) {
        return jdbc.queryForList("""
                select report_id, partner_id, scope_org_id, sub_partner, report_type, billing_start, billing_end,
                    status, cast(errors as text) as errors, first_seen_at, updated_at, deleted_at, run_id
                from webex_report where cast(:start as date) is null or billing_start = :start
                order by first_seen_at, report_id""", new MapSqlParameterSource("start", start));
    }
}
