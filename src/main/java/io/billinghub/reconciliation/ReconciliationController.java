package io.billinghub.reconciliation;

import io.billinghub.exceptions.ExceptionItem;
import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.platform.web.CsvResponses;
import io.billinghub.platform.web.ReportRows;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reconciliation results per carrier, UTC day and invoice, and the invoice total checks; JSON or CSV. */
@RestController
@RequestMapping("/api/reconciliation")
public class ReconciliationController {

    private static final List<String> COLUMNS = List.of("carrier_name", "utc_day", "invoice_number", "status",
            "matched_lines", "charge_mismatches", "minute_mismatches", "missing_on_invoice", "not_in_usage",
            "internal_legs", "internal_billed_minutes", "internal_cost", "invoice_lines", "invoice_minutes",
            "invoice_charge", "charge_delta", "reconciled_at", "run_id");

    private static final int EVIDENCE_LIMIT = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final ReconciliationOverview overview;
    private final ExceptionQueue exceptions;

    public ReconciliationController(NamedParameterJdbcTemplate jdbc, ReconciliationOverview overview,
                                    ExceptionQueue exceptions) {
        this.jdbc = jdbc;
        this.overview = overview;
        this.exceptions = exceptions;
    }

    @GetMapping(produces = "application/json")
    public List<Map<String, Object>> results(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String carrier,
            @RequestParam(required = false) String invoice,
            @RequestParam(required = false) String status) {
        return jdbc.queryForList("""
                select carrier_name, utc_day, invoice_number, status, matched_lines, charge_mismatches,
                    minute_mismatches, missing_on_invoice, not_in_usage, internal_legs, internal_billed_minutes,
                    internal_cost, invoice_lines, invoice_minutes, invoice_charge,
                    invoice_charge - internal_cost as charge_delta, reconciled_at, run_id
                from reconciliation_result
                where (cast(:from as date) is null or utc_day >= :from)
                  and (cast(:to as date) is null or utc_day <= :to)
                  and (cast(:carrier as text) is null or carrier_name = :carrier)
                  and (cast(:invoice as text) is null or invoice_number = :invoice)
                  and (cast(:status as text) is null or status = :status)
                order by utc_day, carrier_name, invoice_number""",
                new MapSqlParameterSource("from", from).addValue("to", to).addValue("carrier", carrier)
                        .addValue("invoice", invoice).addValue("status", status));
    }

    @GetMapping(produces = CsvResponses.TEXT_CSV)
    public ResponseEntity<String> resultsCsv(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String carrier,
            @RequestParam(required = false) String invoice,
            @RequestParam(required = false) String status) {
        return CsvResponses.csv("reconciliation.csv", COLUMNS, results(from, to, carrier, invoice, status),
                row -> COLUMNS.stream().map(row::get).toList());
    }

    /** Every vendor's reconciliation of a period by scope: matched, drift, exceptions and the variance. */
    @GetMapping("/overview")
    public List<ReconciliationOverview.Row> overview(@RequestParam YearMonth period) {
        return overview.of(period);
    }

    /**
     * The evidence behind one carrier's reconciled day: its findings (charge and minute mismatches, lines missing
     * on either side, unrated legs) with the hub's and the invoice's figures, in any status.
     */
    @GetMapping("/evidence")
    public List<ExceptionItem> evidence(@RequestParam String carrier,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return exceptions.inScope(Discrepancy.scope(day, carrier), EVIDENCE_LIMIT);
    }

    /** Every current invoice with its stated total against the sum of its lines and other charges. */
    @GetMapping("/invoices")
    public List<Map<String, Object>> invoices(@RequestParam(required = false) String carrier) {
        return jdbc.query("""
                select i.carrier_id, i.carrier_name, i.invoice_number, i.invoice_date, i.period_start, i.period_end,
                    i.currency, i.stated_total, i.line_count, i.lines_total, i.other_charges,
                    round(i.lines_total + i.other_charges, 2) as computed_total,
                    i.stated_total is not null and i.stated_total = round(i.lines_total + i.other_charges, 2)
                        as total_matches,
                    f.file_name, f.format, f.checksum, i.received_at
                from carrier_invoice i join carrier_invoice_file f on f.id = i.file_id
                where i.status = 'CURRENT' and (cast(:carrier as text) is null or i.carrier_name = :carrier)
                order by i.carrier_name, i.invoice_number""", new MapSqlParameterSource("carrier", carrier),
                ReportRows.extractor());
    }
}
