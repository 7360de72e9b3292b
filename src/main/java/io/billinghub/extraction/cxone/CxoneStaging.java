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
 * Stages CXone lines idempotently on lineId, raw payload kept: a retried page or a re-run extraction updates
 * nothing unless CXone really changed the line (CXone keeps lineId stable across report regenerations).
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

    public UsageStaging.StageCounts upsert(List<CxoneUsageLine> lines, String runId, Instant now) {
        Map<String, CxoneUsageLine> unique = new LinkedHashMap<>();
        lines.forEach(line -> unique.put(line.lineId(), line));
        if (unique.isEmpty()) {
            return new UsageStaging.StageCounts(0, 0, lines.size());
        }
        List<CxoneUsageLine> batch = List.copyOf(unique.values());
        int[] counts = new int[2];
        jdbc.query((Connection con) -> statement(con, batch, runId, now), rs -> {
            counts[rs.getBoolean(1) ? 0 : 1]++;
        });
        return new UsageStaging.StageCounts(counts[0], counts[1], lines.size() - counts[0] - counts[1]);
    }

    /** SHA-256 over every staged line's id and payload checksum of the window, in lineId order. */
    public String checksum(ReportWindow window) {
        return jdbc.queryForObject("""
                select encode(sha256(convert_to(coalesce(string_agg(line_id || ':' || payload_checksum, ','
                    order by line_id), ''), 'UTF8')), 'hex')
                from cxone_usage_line where tenant_id = ? and usage_date >= ? and usage_date < ?""", String.class,
                window.tenantId(), SqlTime.utc(window.start()), SqlTime.utc(window.end()));
    }

    private static PreparedStatement statement(Connection con, List<CxoneUsageLine> batch, String runId, Instant now)
            throws SQLException {
        StringBuilder select = new StringBuilder();
        StringBuilder unnest = new StringBuilder();
        StringBuilder updates = new StringBuilder();
        for (int c = 0; c < COLUMNS.length; c++) {
            select.append(c == 0 ? "" : ", ").append("u.").append(COLUMNS[c]);
            unnest.append(c == 0 ? "" : ", ").append("?::text[]::").append(TYPES[c]).append("[]");
            if (c > 0) {
                updates.append(c == 1 ? "" : ", ").append(COLUMNS[c]).append(" = excluded.").append(COLUMNS[c]);
            }
        }
        PreparedStatement ps = con.prepareStatement("insert into cxone_usage_line (" + String.join(", ", COLUMNS)
                + ", first_run_id, last_run_id, first_seen_at, last_seen_at) select " + select + ", ?, ?, ?, ?"
                + " from unnest(" + unnest + ") as u(" + String.join(", ", COLUMNS) + ")"
                + " on conflict (line_id) do update set " + updates + ", last_run_id = excluded.last_run_id,"
                + " last_seen_at = excluded.last_seen_at"
                + " where cxone_usage_line.payload_checksum <> excluded.payload_checksum"
                + " returning (xmax = 0) as inserted");
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
        ps.setString(1, runId);
        ps.setString(2, runId);
        ps.setObject(3, SqlTime.utc(now));
        ps.setObject(4, SqlTime.utc(now));
        // every column travels as text (unambiguous ISO instants, plain decimals) and is cast in SQL
        int p = 5;
        for (String[] column : values) {
            ps.setArray(p++, con.createArrayOf("text", column));
        }
        return ps;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
