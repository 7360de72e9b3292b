package io.billinghub.extraction.cxone;

import io.billinghub.extraction.UsageStaging;
import io.billinghub.platform.Checksums;
import io.billinghub.platform.SqlTime;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stages CXone lines idempotently on tenant and lineId, raw payload kept: a retried page or a re-run extraction
 * changes no line's content unless CXone really changed the line (CXone keeps lineId stable across report
 * regenerations).
 */
@Repository
public class CxoneStaging {

    private static final String[] COLUMNS = {"line_id", "tenant_id", "report_id", "usage_date", "user_id", "user_name",
        "phone_number", "feature_type", "direction", "duration_seconds", "cost_amount", "currency", "tax_amount",
        "tax_rate", "cost_center_id", "prorated", "credit_memo_id", "corrects_line_id", "licence_type",
        "service_start", "service_end", "raw_payload", "payload_checksum"};
    private static final String[] TYPES = {"text", "text", "text", "timestamptz", "text", "text", "text", "text",
        "text", "int4", "numeric", "text", "numeric", "numeric", "text", "bool", "text", "text", "text", "date",
        "date", "text", "text"};

    private final JdbcTemplate jdbc;

    public CxoneStaging(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Upserts the page's lines. Every line is stamped with the report that returned it (the transformation reads
     * the latest report's lines); it counts as updated only when CXone changed its content.
     */
    public UsageStaging.StageCounts upsert(List<CxoneUsageLine> lines, String runId, Instant now) {
        Map<String, CxoneUsageLine> unique = new LinkedHashMap<>();
        lines.forEach(line -> unique.put(line.lineId(), line));
        if (unique.isEmpty()) {
            return new UsageStaging.StageCounts(0, 0, lines.size());
        }
        List<CxoneUsageLine> batch = List.copyOf(unique.values());
        int[] counts = new int[2];
        jdbc.query((Connection con) -> statement(con, batch, runId, now), rs -> {
            if (rs.getBoolean("inserted")) {
                counts[0]++;
            } else if (rs.getBoolean("changed")) {
                counts[1]++;
            }
        });
        return new UsageStaging.StageCounts(counts[0], counts[1], lines.size() - counts[0] - counts[1]);
    }

    /** SHA-256 over the id and payload checksum of every line the report returned, in lineId order. */
    public String checksum(String tenantId, String reportId) {
        return jdbc.queryForObject("""
                select encode(sha256(convert_to(coalesce(string_agg(line_id || ':' || payload_checksum, ','
                    order by line_id), ''), 'UTF8')), 'hex')
                from cxone_usage_line where tenant_id = ? and report_id = ?""", String.class, tenantId, reportId);
    }

    private static PreparedStatement statement(Connection con, List<CxoneUsageLine> batch, String runId, Instant now)
            throws SQLException {
        StringBuilder unnest = new StringBuilder();
        StringBuilder updates = new StringBuilder();
        for (int c = 0; c < COLUMNS.length; c++) {
            unnest.append(c == 0 ? "" : ", ").append("?::text[]::").append(TYPES[c]).append("[]");
            if (c > 1) {
                updates.append(COLUMNS[c]).append(" = excluded.").append(COLUMNS[c]).append(", ");
            }
        }
        String columns = String.join(", ", COLUMNS);
        // "before" reads the statement's snapshot, i.e. the lines as they were staged before this page
        PreparedStatement ps = con.prepareStatement("with incoming as (select * from unnest(" + unnest + ") as u("
                + columns + ")), before as (select s.line_id, s.payload_checksum from cxone_usage_line s"
                + " join incoming i on i.tenant_id = s.tenant_id and i.line_id = s.line_id),"
                + " upserted as (insert into cxone_usage_line (" + columns
                + ", first_run_id, last_run_id, first_seen_at, last_seen_at) select " + columns + ", ?, ?, ?, ?"
                + " from incoming on conflict (tenant_id, line_id) do update set " + updates
                + "last_run_id = excluded.last_run_id, last_seen_at = excluded.last_seen_at"
                + " returning line_id, payload_checksum, (xmax = 0) as inserted)"
                + " select u.inserted, b.payload_checksum is distinct from u.payload_checksum as changed"
                + " from upserted u left join before b on b.line_id = u.line_id");
        String[][] values = new String[COLUMNS.length][batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            CxoneUsageLine l = batch.get(i);
            Object[] row = {l.lineId(), l.tenantId(), l.reportId(), l.usageDate(), l.userId(), l.userName(),
                l.phoneNumber(), l.featureType(), l.direction(), l.durationSeconds(), plain(l.costAmount()),
                l.currency(), plain(l.taxAmount()), plain(l.taxRate()), l.costCenterId(), l.prorated(),
                l.creditMemoId(), l.correctsLineId(), l.licenceType(), l.serviceStart(), l.serviceEnd(),
                l.rawPayload(), Checksums.sha256(l.rawPayload())};
            for (int c = 0; c < row.length; c++) {
                values[c][i] = row[c] == null ? null : row[c].toString();
            }
        }
        // every column travels as text (unambiguous ISO instants, plain decimals) and is cast in SQL
        int p = 1;
        for (String[] column : values) {
            ps.setArray(p++, con.createArrayOf("text", column));
        }
        ps.setString(p++, runId);
        ps.setString(p++, runId);
        ps.setObject(p++, SqlTime.utc(now));
        ps.setObject(p, SqlTime.utc(now));
        return ps;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
