package io.billinghub.wholesale;

import io.billinghub.extraction.webex.WebexProperties;
import io.billinghub.extraction.webex.WebexReportStore;
import io.billinghub.focus.FocusCsv;
import io.billinghub.platform.web.CsvResponses;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webex wholesale for finance: the period (invoice reconciliation per SKU and per customer, statement totals), the
 * customer statements (JSON with per-user detail, or CSV), the per-user lines, and the FOCUS export.
 */
@RestController
@RequestMapping("/api/webex")
public class WholesaleController {

    static final List<String> STATEMENT_COLUMNS = List.of("period", "customer_external_id", "customer_org_id",
            "partner_id", "sku", "description", "quantity", "price_unit", "unit_price", "amount", "gl_account",
            "status");
    static final List<String> USER_COLUMNS = List.of("period", "customer_external_id", "customer_org_id", "sku",
            "consumer", "user_id", "workspace_id", "subscriber_id", "location_id", "license_id", "consumption_start",
            "consumption_end", "quantity", "amount");
    static final List<String> RECONCILIATION_COLUMNS = List.of("period", "partner_id", "dimension", "key", "label",
            "usage_quantity", "invoice_quantity", "usage_amount", "invoice_amount", "variance", "status",
            "invoice_lines");

    private final WholesaleStore store;
    private final WebexReportStore reports;
    private final WebexProperties properties;
    private final String currency;

    public WholesaleController(WholesaleStore store, WebexReportStore reports, WebexProperties properties,
                               @Value("${hub.currency}") String currency) {
        this.store = store;
        this.reports = reports;
        this.properties = properties;
        this.currency = currency;
    }

    /** The period: per partner its invoice and reconciliation, then the statements' totals per customer. */
    @GetMapping(value = "/{period}", produces = "application/json")
    public Map<String, Object> period(@PathVariable YearMonth period) {
        List<Map<String, Object>> lines = lines(period);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("period", period.toString());
        view.put("currency", currency);
        List<Map<String, Object>> partners = new ArrayList<>();
        for (WebexProperties.Partner partner : properties.partners()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("partnerId", partner.id());
            p.put("invoice", store.invoice(partner.id(), period).orElse(null));
            List<Map<String, Object>> results = store.reconciliation(period).stream()
                    .filter(r -> partner.id().equals(r.get("partner_id"))).toList();
            p.put("bySku", results.stream().filter(r -> "SKU".equals(r.get("dimension"))).toList());
            p.put("byCustomer", results.stream().filter(r -> "CUSTOMER".equals(r.get("dimension"))).toList());
            partners.add(p);
        }
        view.put("partners", partners);
        Map<String, BigDecimal> totals = new TreeMap<>();
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal held = BigDecimal.ZERO;
        for (Map<String, Object> l : lines) {
            BigDecimal amount = (BigDecimal) l.get("amount");
            if ("PRICED".equals(l.get("status"))) {
                totals.merge((String) l.get("customer_external_id"), amount, BigDecimal::add);
                billed = billed.add(amount);
            } else if (amount != null) {
                held = held.add(amount);
            }
        }
        view.put("statementTotals", totals);
        view.put("statementsTotal", billed);
        view.put("heldOffStatements", held);
        view.put("unpricedLines", lines.stream().filter(l -> "UNPRICED".equals(l.get("status"))).count());
        view.put("reports", reports.reports(period.atDay(1)));
        return view;
    }

    @GetMapping(value = "/{period}/reconciliation", produces = CsvResponses.TEXT_CSV)
    public ResponseEntity<String> reconciliationCsv(@PathVariable YearMonth period) {
        return CsvResponses.csv("webex-reconciliation-" + period + ".csv", RECONCILIATION_COLUMNS,
                store.reconciliation(period), r -> List.of(period, r.get("partner_id"), r.get("dimension"),
                        r.get("key"), r.get("label"), r.get("usage_quantity"), r.get("invoice_quantity"),
                        text(r.get("usage_amount")), r.get("invoice_amount"), text(r.get("variance")),
                        r.get("status"), r.get("invoice_lines")));
    }

    /** The billable statements, one per CUSTOMER_EXTERNAL_ID, with their SKU lines. */
    @GetMapping(value = "/{period}/statements", produces = "application/json")
    public List<Map<String, Object>> statements(@PathVariable YearMonth period) {
        Map<String, Map<String, Object>> byCustomer = new TreeMap<>();
        for (Map<String, Object> l : lines(period)) {
            if (!"PRICED".equals(l.get("status"))) {
                continue;
            }
            String customer = (String) l.get("customer_external_id");
            Map<String, Object> s = byCustomer.computeIfAbsent(customer, k -> statement(period, l));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> charges = (List<Map<String, Object>>) s.get("lines");
            charges.add(charge(l));
            s.put("total", ((BigDecimal) s.get("total")).add((BigDecimal) l.get("amount")));
        }
        return List.copyOf(byCustomer.values());
    }

    @GetMapping(value = "/{period}/statements", produces = CsvResponses.TEXT_CSV)
    public ResponseEntity<String> statementsCsv(@PathVariable YearMonth period) {
        return CsvResponses.csv("webex-statements-" + period + ".csv", STATEMENT_COLUMNS, lines(period),
                l -> List.of(period, l.get("customer_external_id"), l.get("customer_org_id"), l.get("partner_id"),
                        l.get("sku"), l.get("description"), l.get("quantity"), text(l.get("price_unit")),
                        text(l.get("unit_price")), text(l.get("amount")), text(l.get("gl_account")),
                        l.get("status")));
    }

    /** One customer's statement with its per-user detail. */
    @GetMapping(value = "/{period}/statements/{customerExternalId}", produces = "application/json")
    public Map<String, Object> statement(@PathVariable YearMonth period, @PathVariable String customerExternalId) {
        Map<String, Object> statement = statements(period).stream()
                .filter(s -> customerExternalId.equals(s.get("customerExternalId"))).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + period + " statement for customer "
                        + customerExternalId));
        statement.put("users", store.userLines(period, (String) statement.get("customerOrgId")));
        return statement;
    }

    @GetMapping(value = "/{period}/users", produces = CsvResponses.TEXT_CSV)
    public ResponseEntity<String> usersCsv(@PathVariable YearMonth period) {
        return CsvResponses.csv("webex-users-" + period + ".csv", USER_COLUMNS, store.userLines(period, null),
                u -> List.of(period, u.get("customer_external_id"), u.get("customer_org_id"), u.get("sku"),
                        u.get("consumer"), u.get("user_id"), u.get("workspace_id"), u.get("subscriber_id"),
                        u.get("location_id"), u.get("license_id"), u.get("consumption_start"),
                        u.get("consumption_end"), u.get("quantity"), u.get("amount")));
    }

    /** The statements in the FinOps FOCUS schema (CSV): BilledCost per customer and SKU. */
    @GetMapping(value = "/{period}/focus", produces = CsvResponses.TEXT_CSV)
    public ResponseEntity<String> focus(@PathVariable YearMonth period) {
        return FocusCsv.download("webex-focus-" + period + ".csv", WholesaleFocusExport.COLUMNS,
                WholesaleFocusExport.rows(period, currency, lines(period).stream()
                        .filter(l -> "PRICED".equals(l.get("status"))).toList()));
    }

    private List<Map<String, Object>> lines(YearMonth period) {
        List<Map<String, Object>> lines = store.statementLines(period);
        if (lines.isEmpty()) {
            throw new NoSuchElementException("Webex wholesale " + period + " has not been rated: run it with POST"
                    + " /api/runs {\"pipeline\": \"" + WebexProperties.PIPELINE + "\", \"period\": \"" + period
                    + "\"}");
        }
        return lines;
    }

    private Map<String, Object> statement(YearMonth period, Map<String, Object> first) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("period", period.toString());
        s.put("customerExternalId", first.get("customer_external_id"));
        s.put("customerOrgId", first.get("customer_org_id"));
        s.put("partnerId", first.get("partner_id"));
        s.put("currency", currency);
        s.put("total", BigDecimal.ZERO);
        s.put("lines", new ArrayList<Map<String, Object>>());
        return s;
    }

    private static Map<String, Object> charge(Map<String, Object> l) {
        Map<String, Object> c = new LinkedHashMap<>();
        for (String column : List.of("sku", "description", "quantity", "price_unit", "unit_price", "amount",
                "gl_account")) {
            c.put(column, l.get(column));
        }
        return c;
    }

    private static Object text(Object value) {
        return value == null ? "" : value;
    }
}
