package io.billinghub.normalisation;

import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.exceptions.NewException;
import io.billinghub.extraction.cxone.CxoneProperties;
import io.billinghub.extraction.cxone.CxoneUsageLine;
import io.billinghub.extraction.cxone.ReportWindow;
import io.billinghub.platform.SqlTime;
import io.billinghub.referencedata.ledger.ActiveLedgerReference;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transformation phase: normalises a period's staged lines (from staging, so it re-runs without asking CXone
 * again), replaces the period's normalised lines and GL aggregates, and raises what it found: unmapped cost
 * centres (one case per cost centre and period, with the amount parked in the Unallocated bucket), tax
 * mismatches and proration differences (one case per line), lines it could not convert.
 */
@Service
public class CxoneTransformService {

    private static final Set<ExceptionType> PERIOD_TYPES = EnumSet.of(ExceptionType.CXONE_UNMAPPED_COST_CENTRE,
            ExceptionType.CXONE_TAX_MISMATCH, ExceptionType.CXONE_PRORATION_MISMATCH,
            ExceptionType.CXONE_LINE_REJECTED);

    /** What a pass did: lines = normalised + rejected. */
    public record Outcome(int lines, int normalised, int rejected, Map<String, Integer> findings,
                          BigDecimal glAmount, long referenceVersionId) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ActiveLedgerReference ledger;
    private final ExceptionQueue exceptions;
    private final CxoneProperties properties;
    private final String baseCurrency;
    private final String unallocatedGl;
    private final String unallocatedDepartment;

    public CxoneTransformService(JdbcTemplate jdbc, TransactionTemplate tx, ActiveLedgerReference ledger,
                                 ExceptionQueue exceptions, CxoneProperties properties,
                                 @Value("${hub.currency}") String baseCurrency,
                                 @Value("${hub.cxone.unallocated-gl-account}") String unallocatedGl,
                                 @Value("${hub.cxone.unallocated-department}") String unallocatedDepartment) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.exceptions = exceptions;
        this.properties = properties;
        this.baseCurrency = baseCurrency;
        this.unallocatedGl = unallocatedGl;
        this.unallocatedDepartment = unallocatedDepartment;
    }

    public Outcome transform(String tenantId, YearMonth period, String runId, String correlationId) {
        CxoneProperties.Tenant tenant = properties.tenant(tenantId);
        ActiveLedgerReference.Snapshot snapshot = ledger.require();
        CxoneNormaliser normaliser = new CxoneNormaliser(new CxoneNormaliser.Settings(tenant.reportingTimeZone(),
                properties.glAmountBasis(), baseCurrency, properties.taxTolerance(),
                properties.prorationTolerance(), unallocatedGl, unallocatedDepartment), snapshot.data(),
                snapshot.calendar(), snapshot.versionId());
        ReportWindow window = ReportWindow.of(tenantId, period, tenant.reportingTimeZone());
        // the lines of the window's latest extraction: a line an earlier report returned and CXone no longer
        // reports (withdrawn, or moved to another month) is left out
        List<CxoneUsageLine> lines = jdbc.query("""
                select * from cxone_usage_line where tenant_id = ? and usage_date >= ? and usage_date < ?
                  and report_id = (select report_id from cxone_extraction where tenant_id = ? and period = ?
                                   order by id desc limit 1)
                order by usage_date, line_id""", LINE, tenantId, SqlTime.utc(window.start()),
                SqlTime.utc(window.end()), tenantId, period.toString());

        List<NormalisedLine> normalised = new ArrayList<>(lines.size());
        List<NewException> cases = new ArrayList<>();
        Map<String, List<NormalisedLine>> unmapped = new TreeMap<>();
        Map<String, Integer> findingCounts = new TreeMap<>();
        Map<String, CxoneUsageLine> byId = new HashMap<>();
        int rejected = 0;
        for (CxoneUsageLine line : lines) {
            byId.put(line.lineId(), line);
            CxoneNormaliser.Result result = normaliser.normalise(line);
            if (result.line() == null) {
                rejected++;
                findingCounts.merge(ExceptionType.CXONE_LINE_REJECTED.name(), 1, Integer::sum);
                cases.add(lineCase(ExceptionType.CXONE_LINE_REJECTED, "line " + line.lineId() + " cannot be"
                        + " normalised: " + result.rejection(), line, period, Map.of(), runId, correlationId));
                continue;
            }
            normalised.add(result.line());
            for (Finding finding : result.findings()) {
                findingCounts.merge(finding.type().name(), 1, Integer::sum);
                cases.add(lineCase(finding.type(), finding.reason(), line, period, finding.context(), runId,
                        correlationId));
            }
        }
        correctCreditMemos(normalised, byId);
        // after the credit memos moved to the accounts they correct: what is left is parked in Unallocated
        normalised.stream().filter(n -> !n.mapped()).forEach(n -> unmapped
                .computeIfAbsent(String.valueOf(n.costCenterId()), k -> new ArrayList<>()).add(n));
        unmapped.forEach((costCentre, parked) -> {
            findingCounts.merge(ExceptionType.CXONE_UNMAPPED_COST_CENTRE.name(), 1, Integer::sum);
            BigDecimal amount = parked.stream().map(NormalisedLine::glAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            cases.add(NewException.of(ExceptionType.CXONE_UNMAPPED_COST_CENTRE, "cost centre '" + costCentre
                            + "' has no GL mapping in " + period + ": " + parked.size() + " lines, "
                            + amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + baseCurrency
                            + " parked in the Unallocated bucket (" + unallocatedGl + ")")
                    .pipeline(CxoneProperties.PIPELINE)
                    .source("cxone:" + tenantId + " " + period, "cost centre " + costCentre)
                    .run(runId, correlationId)
                    .dedupeKey(scope(tenantId, period) + "unmapped|" + costCentre)
                    .context("costCenterId", costCentre)
                    .context("lines", parked.size())
                    .context("amount", amount.toPlainString())
                    .context("referenceVersion", snapshot.versionId())
                    .payload(byId.get(parked.get(0).lineId()).rawPayload().getBytes(StandardCharsets.UTF_8), "text")
                    .build());
        });

        tx.executeWithoutResult(status -> {
            jdbc.update("delete from cxone_normalised_line where tenant_id = ? and period = ?", tenantId,
                    period.toString());
            insert(normalised, runId);
            jdbc.update("delete from cxone_gl_aggregate where tenant_id = ? and period = ?", tenantId,
                    period.toString());
            jdbc.update("""
                    insert into cxone_gl_aggregate (tenant_id, period, gl_account, department, total_cost, total_tax,
                        gl_amount, record_count, variance_threshold, run_id)
                    select tenant_id, period, gl_account, department, sum(cost_base), sum(tax_base), sum(gl_amount),
                        count(*), round(abs(sum(gl_amount)) * ? / 100, 2), ?
                    from cxone_normalised_line where tenant_id = ? and period = ?
                    group by tenant_id, period, gl_account, department""", properties.varianceTolerancePercent(),
                    runId, tenantId, period.toString());
        });
        Set<String> raised = new TreeSet<>();
        cases.forEach(c -> {
            exceptions.raise(c);
            raised.add(c.dedupeKey());
        });
        exceptions.autoResolveAbsent(PERIOD_TYPES, scope(tenantId, period), raised,
                "no longer found when " + period + " was transformed again");
        BigDecimal total = normalised.stream().map(NormalisedLine::glAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Outcome(lines.size(), normalised.size(), rejected, findingCounts, total, snapshot.versionId());
    }

    /** Every case of one tenant's period starts with this. */
    public static String scope(String tenantId, YearMonth period) {
        return "cxone|" + tenantId + "|" + period + "|";
    }

    /**
     * A credit memo line is booked as a compensating entry on the GL account of the line it corrects (when that
     * line is known); otherwise on its own cost centre's account.
     */
    private static void correctCreditMemos(List<NormalisedLine> normalised, Map<String, CxoneUsageLine> byId) {
        Map<String, NormalisedLine> byLineId = new HashMap<>();
        normalised.forEach(n -> byLineId.put(n.lineId(), n));
        for (int i = 0; i < normalised.size(); i++) {
            NormalisedLine n = normalised.get(i);
            String corrects = n.creditMemoId() == null ? null : byId.get(n.lineId()).correctsLineId();
            NormalisedLine original = corrects == null ? null : byLineId.get(corrects);
            if (original != null && original.mapped()) {
                normalised.set(i, new NormalisedLine(n.lineId(), n.tenantId(), n.period(), n.localDate(),
                        n.featureType(), n.costCenterId(), original.glAccount(), original.department(), true,
                        n.region(), n.markupMultiplier(), n.currency(), n.fxRate(), n.costBase(), n.taxBase(),
                        n.glAmount(), n.chargebackAmount(), n.taxExpected(), n.taxMismatch(), n.proratedExpected(),
                        n.creditMemoId(), n.referenceVersionId()));
            }
        }
    }

    private NewException lineCase(ExceptionType type, String reason, CxoneUsageLine line, YearMonth period,
                                  Map<String, Object> context, String runId, String correlationId) {
        NewException.Builder builder = NewException.of(type, reason)
                .pipeline(CxoneProperties.PIPELINE)
                .source("cxone:" + line.tenantId() + " " + period, "line " + line.lineId())
                .run(runId, correlationId)
                .dedupeKey(scope(line.tenantId(), period) + type + "|" + line.lineId())
                .payload(line.rawPayload().getBytes(StandardCharsets.UTF_8), "text");
        context.forEach(builder::context);
        return builder.build();
    }

    /** Writes the period's lines; a line CXone moved here from another month moves with it. */
    private void insert(List<NormalisedLine> lines, String runId) {
        jdbc.batchUpdate("""
                insert into cxone_normalised_line (line_id, tenant_id, period, local_date, feature_type,
                    cost_center_id, gl_account, department, mapped, region, markup_multiplier, currency, fx_rate,
                    cost_base, tax_base, gl_amount, chargeback_amount, tax_expected, tax_mismatch, prorated_expected,
                    credit_memo_id, reference_version_id, run_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, line_id) do update set period = excluded.period,
                    local_date = excluded.local_date, feature_type = excluded.feature_type,
                    cost_center_id = excluded.cost_center_id, gl_account = excluded.gl_account,
                    department = excluded.department, mapped = excluded.mapped, region = excluded.region,
                    markup_multiplier = excluded.markup_multiplier, currency = excluded.currency,
                    fx_rate = excluded.fx_rate, cost_base = excluded.cost_base, tax_base = excluded.tax_base,
                    gl_amount = excluded.gl_amount, chargeback_amount = excluded.chargeback_amount,
                    tax_expected = excluded.tax_expected, tax_mismatch = excluded.tax_mismatch,
                    prorated_expected = excluded.prorated_expected, credit_memo_id = excluded.credit_memo_id,
                    reference_version_id = excluded.reference_version_id, run_id = excluded.run_id""", lines, 1000,
                (PreparedStatement ps, NormalisedLine n) -> bind(ps, n, runId));
    }

    private static void bind(PreparedStatement ps, NormalisedLine n, String runId) throws SQLException {
        ps.setString(1, n.lineId());
        ps.setString(2, n.tenantId());
        ps.setString(3, n.period().toString());
        ps.setObject(4, n.localDate());
        ps.setString(5, n.featureType());
        ps.setString(6, n.costCenterId());
        ps.setString(7, n.glAccount());
        ps.setString(8, n.department());
        ps.setBoolean(9, n.mapped());
        ps.setString(10, n.region());
        ps.setBigDecimal(11, n.markupMultiplier());
        ps.setString(12, n.currency());
        ps.setBigDecimal(13, n.fxRate());
        ps.setBigDecimal(14, n.costBase());
        ps.setBigDecimal(15, n.taxBase());
        ps.setBigDecimal(16, n.glAmount());
        ps.setBigDecimal(17, n.chargebackAmount());
        ps.setBigDecimal(18, n.taxExpected());
        ps.setBoolean(19, n.taxMismatch());
        ps.setBigDecimal(20, n.proratedExpected());
        ps.setString(21, n.creditMemoId());
        ps.setLong(22, n.referenceVersionId());
        ps.setString(23, runId);
    }

    static final RowMapper<CxoneUsageLine> LINE = (rs, i) -> new CxoneUsageLine(
            rs.getString("line_id"), rs.getString("tenant_id"), rs.getString("report_id"),
            SqlTime.instant(rs, "usage_date"), rs.getString("user_id"), rs.getString("user_name"),
            rs.getString("phone_number"), rs.getString("feature_type"), rs.getString("direction"),
            (Integer) rs.getObject("duration_seconds"), rs.getBigDecimal("cost_amount"),
            rs.getString("currency").trim(), rs.getBigDecimal("tax_amount"), rs.getBigDecimal("tax_rate"),
            rs.getString("cost_center_id"), rs.getBoolean("prorated"), rs.getString("credit_memo_id"),
            rs.getString("corrects_line_id"), rs.getString("licence_type"),
            rs.getObject("service_start", LocalDate.class), rs.getObject("service_end", LocalDate.class),
            rs.getString("raw_payload"));
}
