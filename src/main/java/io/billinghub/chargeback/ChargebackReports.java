package io.billinghub.chargeback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.allocation.AllocationLine;
import io.billinghub.allocation.AllocationResult;
import io.billinghub.platform.Checksums;
import io.billinghub.platform.SqlTime;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.MultiplierVersion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chargeback report of each period in SQL. A DRAFT is replaced whole by the next computation; an ISSUED report
 * is frozen (the database refuses changes to it and its lines), so a new multiplier version or mapping never changes
 * what finance was given.
 */
@Repository
public class ChargebackReports {

    /** The header of a period's report. */
    public record Header(String period, String status, int revision, String runId, String multiplierVersion,
                         String multiplierChecksum, long referenceVersion, Instant snapshotAt, Instant computedAt,
                         Instant issuedAt, BigDecimal platformSpend, String manifest, String findings,
                         String extractions, String checksum) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;

    public ChargebackReports(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    public Optional<Header> header(YearMonth period) {
        return jdbc.query("""
                select period, status, revision, run_id, multiplier_version, multiplier_checksum, reference_version,
                    snapshot_at, computed_at, issued_at, platform_spend, manifest, findings, extractions, checksum
                from chargeback_report where period = :period""",
                new MapSqlParameterSource("period", period.toString()),
                (rs, i) -> new Header(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), SqlTime.instant(rs, "snapshot_at"),
                        SqlTime.instant(rs, "computed_at"), rs.getTimestamp(10) == null ? null
                        : SqlTime.instant(rs, "issued_at"), rs.getBigDecimal(11), rs.getString(12),
                        rs.getString(13), rs.getString(14), rs.getString(15))).stream().findFirst();
    }

    /** Replaces the period's draft with a new computation; returns its revision. */
    public int saveDraft(YearMonth period, String runId, MultiplierVersion version, long referenceVersion,
                         Instant snapshotAt, List<String> extractions, AllocationResult result) {
        return tx.execute(status -> {
            String p = period.toString();
            jdbc.update("delete from chargeback_line where period = :period", new MapSqlParameterSource("period", p));
            Integer previous = jdbc.queryForObject("select max(revision) from chargeback_report where period = :p",
                    new MapSqlParameterSource("p", p), Integer.class);
            int revision = previous == null ? 1 : previous + 1;
            MapSqlParameterSource header = new MapSqlParameterSource("period", p).addValue("revision", revision)
                    .addValue("run", runId).addValue("version", version.version())
                    .addValue("checksum", version.checksum()).addValue("reference", referenceVersion)
                    .addValue("snapshot", SqlTime.utc(snapshotAt)).addValue("extractions", write(extractions))
                    .addValue("now", SqlTime.utc(clock.instant()))
                    .addValue("spend", result.manifest().platformSpend())
                    .addValue("manifest", write(result.manifest())).addValue("findings", write(result.findings()))
                    .addValue("lines", Checksums.sha256(write(result.lines())));
            jdbc.update("""
                    insert into chargeback_report (period, status, revision, run_id, multiplier_version,
                        multiplier_checksum, reference_version, snapshot_at, extractions, computed_at, platform_spend,
                        manifest, findings, checksum)
                    values (:period, 'DRAFT', :revision, :run, :version, :checksum, :reference, :snapshot,
                        cast(:extractions as jsonb), :now, :spend, cast(:manifest as jsonb), cast(:findings as jsonb),
                        :lines)
                    on conflict (period) do update set revision = excluded.revision, run_id = excluded.run_id,
                        multiplier_version = excluded.multiplier_version,
                        multiplier_checksum = excluded.multiplier_checksum,
                        reference_version = excluded.reference_version, snapshot_at = excluded.snapshot_at,
                        extractions = excluded.extractions, computed_at = excluded.computed_at,
                        platform_spend = excluded.platform_spend, manifest = excluded.manifest,
                        findings = excluded.findings, checksum = excluded.checksum""", header);
            List<MapSqlParameterSource> rows = new ArrayList<>();
            int no = 0;
            for (AllocationLine l : result.lines()) {
                rows.add(new MapSqlParameterSource("period", p).addValue("no", ++no)
                        .addValue("vendor", l.key().vendor()).addValue("tenant", l.key().tenantId())
                        .addValue("invoice", l.key().invoiceId()).addValue("division", l.key().division())
                        .addValue("cc", l.key().costCentre()).addValue("bu", l.key().businessUnit())
                        .addValue("category", l.key().category()).addValue("reason", l.key().reasonCode())
                        .addValue("origin", l.key().origin()).addValue("method", l.key().method())
                        .addValue("amount", l.amount()).addValue("quantity", l.quantity().setScale(4,
                                RoundingMode.HALF_UP)).addValue("unit", l.unit())
                        .addValue("utilisation", l.utilisation()).addValue("detail", l.detail()));
            }
            jdbc.batchUpdate("""
                    insert into chargeback_line (period, line_no, vendor, tenant_id, invoice_id, division, cost_centre,
                        business_unit, category, reason_code, origin, allocation_method, amount, quantity, unit,
                        utilisation, detail)
                    values (:period, :no, :vendor, :tenant, :invoice, :division, :cc, :bu, :category, :reason,
                        :origin, :method, :amount, :quantity, :unit, :utilisation, :detail)""",
                    rows.toArray(MapSqlParameterSource[]::new));
            return revision;
        });
    }

    /** Freezes the period's report; false when it was issued already. */
    public boolean issue(YearMonth period) {
        return jdbc.update("update chargeback_report set status = 'ISSUED', issued_at = :now"
                + " where period = :period and status = 'DRAFT'", new MapSqlParameterSource("period", period.toString())
                .addValue("now", SqlTime.utc(clock.instant()))) == 1;
    }

    /** The allocated lines of the period, in line order. */
    public List<ChargebackLineRow> lines(YearMonth period) {
        return jdbc.query("""
                select line_no, vendor, tenant_id, invoice_id, division, cost_centre, business_unit, category,
                    reason_code, origin, allocation_method, amount, quantity, unit, utilisation, detail
                from chargeback_line where period = :period order by line_no""",
                new MapSqlParameterSource("period", period.toString()),
                (rs, i) -> new ChargebackLineRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getBigDecimal(12), rs.getBigDecimal(13),
                        rs.getString(14), rs.getBigDecimal(15), rs.getString(16), null));
    }

    public Object read(String text) {
        try {
            return json.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
