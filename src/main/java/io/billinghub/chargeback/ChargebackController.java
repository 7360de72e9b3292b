package io.billinghub.chargeback;

import io.billinghub.allocation.CostCentreRef;
import io.billinghub.focus.FocusCsv;
import io.billinghub.platform.web.CsvResponses;
import io.billinghub.security.AuditLog;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly business-unit chargeback: the report (JSON, or CSV per cost centre), its lines with their lineage,
 * the FOCUS export, and finance overrides (append-only, with the chain check).
 */
@RestController
@RequestMapping("/api/chargeback")
public class ChargebackController {

    static final List<String> REPORT_COLUMNS = List.of("period", "status", "multiplier_version", "business_unit",
            "division", "cost_centre", "telephony", "licence", "wfm", "analytics", "api_storage", "total",
            "allocated_total", "adjustments", "licence_utilisation", "overrides");
    static final List<String> LINE_COLUMNS = List.of("line_no", "vendor", "tenant_id", "invoice_id", "business_unit",
            "division", "cost_centre", "category", "reason_code", "origin", "allocation_method", "amount",
            "quantity", "unit", "utilisation", "override_id", "detail");

    private final ChargebackView view;
    private final Overrides overrides;
    private final AuditLog audit;
    private final String currency;

    public ChargebackController(ChargebackView view, Overrides overrides, AuditLog audit,
                                @Value("${hub.currency}") String currency) {
        this.view = view;
        this.overrides = overrides;
        this.audit = audit;
        this.currency = currency;
    }

    @GetMapping(value = "/{period}", produces = "application/json")
    public Map<String, Object> report(@PathVariable YearMonth period) {
        return view.report(period);
    }

    @GetMapping(value = "/{period}", produces = CsvResponses.TEXT_CSV)
    public ResponseEntity<String> reportCsv(@PathVariable YearMonth period) {
        ChargebackReports.Header h = view.header(period);
        return CsvResponses.csv("chargeback-" + period + ".csv", REPORT_COLUMNS, view.costCentres(period),
                r -> List.of(period, h.status(), h.multiplierVersion(), r.businessUnit(), r.division(),
                        r.costCentre(), r.adjusted().get("TELEPHONY"), r.adjusted().get("LICENCE"),
                        r.adjusted().get("WFM"), r.adjusted().get("ANALYTICS"), r.adjusted().get("API_STORAGE"),
                        r.adjustedTotal(), r.allocatedTotal(), r.adjustedTotal().subtract(r.allocatedTotal()),
                        r.licenceUtilisation() == null ? "" : r.licenceUtilisation(),
                        String.join(" ", r.overrides().stream().map(String::valueOf).toList())));
    }

    @GetMapping(value = "/{period}/lines", produces = "application/json")
    public List<ChargebackLineRow> lines(@PathVariable YearMonth period,
                                         @RequestParam(required = false) String division,
                                         @RequestParam(required = false) String costCentre,
                                         @RequestParam(required = false) String category) {
        return view.adjustedLines(period).stream()
                .filter(l -> division == null || l.division().equals(division))
                .filter(l -> costCentre == null || l.costCentre().equals(costCentre))
                .filter(l -> category == null || l.category().equals(category)).toList();
    }

    @GetMapping(value = "/{period}/lines", produces = CsvResponses.TEXT_CSV)
    public ResponseEntity<String> linesCsv(@PathVariable YearMonth period,
                                           @RequestParam(required = false) String division,
                                           @RequestParam(required = false) String costCentre,
                                           @RequestParam(required = false) String category) {
        return CsvResponses.csv("chargeback-lines-" + period + ".csv", LINE_COLUMNS,
                lines(period, division, costCentre, category), l -> Arrays.asList(l.lineNo(), l.vendor(),
                        l.tenantId(), l.invoiceId(), l.businessUnit(), l.division(), l.costCentre(), l.category(),
                        l.reasonCode(), l.origin(), l.allocationMethod(), l.amount(), l.quantity(), l.unit(),
                        l.utilisation(), l.overrideId(), l.detail()));
    }

    /** The period in the FinOps FOCUS schema (CSV). */
    @GetMapping(value = "/{period}/focus", produces = CsvResponses.TEXT_CSV)
    public ResponseEntity<String> focus(@PathVariable YearMonth period) {
        return FocusCsv.download("chargeback-focus-" + period + ".csv", FocusExport.COLUMNS,
                FocusExport.rows(period, currency, view.adjustedLines(period)));
    }

    @GetMapping("/{period}/overrides")
    public List<Overrides.Override> overrides(@PathVariable YearMonth period) {
        return overrides.forPeriod(period);
    }

    /**
     * A finance override request: the adjusted figure, the offset (Unallocated by default), reason and approver. The
     * requester is the authenticated user (a "requestedBy" in the body is ignored).
     */
    public record OverrideRequest(String division, String costCentre, String category, BigDecimal adjustedAmount,
                                  String offsetDivision, String offsetCostCentre, String reasonCode,
                                  String approverId, String note) {
    }

    @PostMapping("/{period}/overrides")
    public ResponseEntity<Overrides.Override> override(@PathVariable YearMonth period,
                                                       @RequestBody OverrideRequest request, Principal user) {
        if (request.division() == null || request.costCentre() == null || request.category() == null) {
            throw new IllegalArgumentException("division, costCentre and category are required");
        }
        List<ChargebackLineRow> adjusted = view.adjustedLines(period);
        String offsetDivision = request.offsetDivision() == null ? CostCentreRef.GLOBAL : request.offsetDivision();
        String offsetCentre = request.offsetCostCentre() == null ? CostCentreRef.UNALLOCATED_CODE
                : request.offsetCostCentre();
        boolean targetKnown = adjusted.stream().anyMatch(l -> l.division().equals(request.division())
                && l.costCentre().equals(request.costCentre()) && l.category().equals(request.category()));
        boolean offsetKnown = adjusted.stream().anyMatch(l -> l.division().equals(offsetDivision)
                && l.costCentre().equals(offsetCentre)) || CostCentreRef.UNALLOCATED_CODE.equals(offsetCentre);
        if (!targetKnown || !offsetKnown) {
            throw new IllegalArgumentException((targetKnown ? "offset cost centre " + offsetDivision + "/"
                    + offsetCentre : request.division() + "/" + request.costCentre() + " " + request.category())
                    + " is not in the " + period + " chargeback");
        }
        Overrides.Override created = overrides.append(period, new Overrides.Request(request.division(),
                        request.costCentre(), request.category(), request.adjustedAmount(), offsetDivision,
                        offsetCentre, request.reasonCode(), request.approverId(), request.note()),
                AdjustedLines.current(adjusted, request.division(), request.costCentre(), request.category()),
                user.getName());
        audit.record("chargeback.overridden", "chargeback_override", String.valueOf(created.overrideId()),
                Map.of("period", created.period(), "costCentre", created.division() + "/" + created.costCentre(),
                        "category", created.category(), "originalAmount", created.originalAmount().toPlainString(),
                        "adjustedAmount", created.adjustedAmount().toPlainString(), "approverId",
                        created.approverId(), "rowHash", created.rowHash()));
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    /** Recomputes the override chain: whether any override was changed or removed behind the database's back. */
    @GetMapping("/overrides/verify")
    public Overrides.Verification verify() {
        return overrides.verify();
    }
}
