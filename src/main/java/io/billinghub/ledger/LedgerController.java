package io.billinghub.ledger;

import io.billinghub.platform.web.CsvResponses;
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

/** CXone against the GL: reconciliation per feature type × GL account, and the GL aggregates; JSON or CSV. */
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

    /** Total cost, total tax, GL amount, record count and variance threshold per GL account and department. */
    @GetMapping("/aggregates")
    public List<Map<String, Object>> aggregates(@RequestParam YearMonth period,
                                                @RequestParam(required = false) String tenant) {
        return jdbc.queryForList("""
                select tenant_id, period, gl_account, department, total_cost, total_tax, gl_amount, record_count,
                    variance_threshold, run_id
                from cxone_gl_aggregate where period = :period and (cast(:tenant as text) is null or tenant_id = :tenant)
                order by gl_account, department""",
                new MapSqlParameterSource("period", period.toString()).addValue("tenant", tenant));
    }
}
