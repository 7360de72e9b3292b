package io.billinghub.ledger;

import io.billinghub.platform.web.CsvResponses;
import io.billinghub.platform.web.ReportRows;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CXone against the GL: reconciliation per feature type × GL account (JSON or CSV), the GL aggregates, and the
 * lines behind them.
 */
@RestController
@RequestMapping("/api/cxone")
public class LedgerController {

    private static final List<String> RESULT_COLUMNS = List.of("tenant_id", "period", "feature_type", "gl_account",
            "api_amount", "invoice_amount", "variance", "relative_variance", "status", "final", "record_count",
            "reconciled_at", "run_id");

    private final LedgerReconciliationService reconciliation;
    private final NamedParameterJdbcTemplate jdbc;

    public LedgerController(LedgerReconciliationService reconciliation, NamedParameterJdbcTemplate jdbc) {
        this.reconciliation = reconciliation;
        this.jdbc = jdbc;
    }

    @GetMapping(value = "/reconciliation", produces = "application/json")
    public List<Map<String, Object>> reconciliation(@RequestParam YearMonth period,
                                                    @RequestParam(required = false) String tenant) {
        return reconciliation.results(tenant, period);
    }

    @GetMapping(value = "/reconciliation", produces = CsvResponses.TEXT_CSV)
    public ResponseEntity<String> reconciliationCsv(@RequestParam YearMonth period,
                                                    @RequestParam(required = false) String tenant) {
        return CsvResponses.csv("cxone-reconciliation-" + period + ".csv", RESULT_COLUMNS,
                reconciliation(period, tenant), row -> RESULT_COLUMNS.stream().map(row::get).toList());
    }

    /**
     * The lines behind a reconciliation result or aggregate: each normalised line with its transformation state (FX
     * rate, mapping, tax and proration checks, reference version, run) and the line as CXone sent it.
     */
    @GetMapping("/lines")
    public List<Map<String, Object>> lines(@RequestParam YearMonth period,
                                           @RequestParam(required = false) String featureType,
                                           @RequestParam(required = false) String glAccount,
                                           @RequestParam(required = false) String tenant,
                                           @RequestParam(defaultValue = "500") int limit,
                                           @RequestParam(defaultValue = "0") int offset) {
        return jdbc.query("""
                select n.line_id, n.tenant_id, n.period, n.local_date, n.feature_type, n.cost_center_id,
                    n.gl_account, n.department, n.mapped, n.region, n.markup_multiplier, n.currency, n.fx_rate,
                    n.cost_base, n.tax_base, n.gl_amount, n.chargeback_amount, n.tax_expected, n.tax_mismatch,
                    n.prorated_expected, n.credit_memo_id, n.reference_version_id, n.run_id,
                    u.raw_payload
                from cxone_normalised_line n
                join cxone_usage_line u on u.tenant_id = n.tenant_id and u.line_id = n.line_id
                where n.period = :period and (cast(:tenant as text) is null or n.tenant_id = :tenant)
                  and (cast(:feature as text) is null or n.feature_type = :feature)
                  and (cast(:gl as text) is null or n.gl_account = :gl)
                order by n.line_id limit :limit offset :offset""",
                new MapSqlParameterSource("period", period.toString()).addValue("tenant", tenant)
                        .addValue("feature", featureType).addValue("gl", glAccount)
                        .addValue("limit", Math.min(Math.max(limit, 1), 5000)).addValue("offset", Math.max(offset, 0)),
                ReportRows.extractor());
    }

    /** Total cost, total tax, GL amount, record count and variance threshold per GL account and department. */
    @GetMapping("/aggregates")
    public List<Map<String, Object>> aggregates(@RequestParam YearMonth period,
                                                @RequestParam(required = false) String tenant) {
        return jdbc.query("""
                select tenant_id, period, gl_account, department, total_cost, total_tax, gl_amount, record_count,
                    variance_threshold, run_id
                from cxone_gl_aggregate
                where period = :period and (cast(:tenant as text) is null or tenant_id = :tenant)
                order by gl_account, department""",
                new MapSqlParameterSource("period", period.toString()).addValue("tenant", tenant),
                ReportRows.extractor());
    }
}
