package io.billinghub.focus;

import io.billinghub.chargeback.ChargebackReports;
import io.billinghub.chargeback.ChargebackView;
import io.billinghub.chargeback.FocusExport;
import io.billinghub.platform.web.CsvResponses;
import io.billinghub.wholesale.WholesaleFocusExport;
import io.billinghub.wholesale.WholesaleStore;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * FinOps FOCUS exports of a month (CSV): the carriers' telephony costs from their invoices, and every source's rows
 * in one file (carriers, the business-unit chargeback, the Webex customer statements). The chargeback and Webex
 * exports of their own are under /api/chargeback and /api/webex.
 */
@RestController
@RequestMapping("/api/focus")
public class FocusController {

    /** Which export a row of the combined file comes from. */
    static final String SOURCE = "x_Source";
    static final List<String> ALL_COLUMNS = FocusCsv.union(List.of(CarrierFocusExport.COLUMNS, FocusExport.COLUMNS,
            WholesaleFocusExport.COLUMNS, List.of(SOURCE)));

    private final CarrierFocusRows carriers;
    private final ChargebackReports chargebackReports;
    private final ChargebackView chargeback;
    private final WholesaleStore wholesale;
    private final String currency;

    public FocusController(CarrierFocusRows carriers, ChargebackReports chargebackReports, ChargebackView chargeback,
                           WholesaleStore wholesale, @Value("${hub.currency}") String currency) {
        this.carriers = carriers;
        this.chargebackReports = chargebackReports;
        this.chargeback = chargeback;
        this.wholesale = wholesale;
        this.currency = currency;
    }

    /** The carriers' invoices of the month: BilledCost sums per InvoiceId to each invoice's total. */
    @GetMapping(value = "/carriers", produces = CsvResponses.TEXT_CSV)
    public void carriers(@RequestParam YearMonth period, HttpServletResponse response) throws IOException {
        FocusCsv.stream(response, "carriers-focus-" + period + ".csv", CarrierFocusExport.COLUMNS,
                rows -> carriers.read(period, rows));
    }

    /** Every source's rows of the month, with the union of their columns; a source not run for it has none. */
    @GetMapping(produces = CsvResponses.TEXT_CSV)
    public void all(@RequestParam YearMonth period, HttpServletResponse response) throws IOException {
        List<Map<String, Object>> small = new ArrayList<>();
        if (chargebackReports.header(period).isPresent()) {
            FocusExport.rows(period, currency, chargeback.adjustedLines(period))
                    .forEach(row -> small.add(from("chargeback", row)));
        }
        WholesaleFocusExport.rows(period, currency, wholesale.statementLines(period).stream()
                .filter(l -> "PRICED".equals(l.get("status"))).toList()).forEach(row -> small.add(from("webex", row)));
        FocusCsv.stream(response, "focus-" + period + ".csv", ALL_COLUMNS, rows -> {
            carriers.read(period, row -> rows.accept(from("carriers", row)));
            small.forEach(rows);
        });
    }

    private static Map<String, Object> from(String source, Map<String, Object> row) {
        Map<String, Object> tagged = new LinkedHashMap<>(row);
        tagged.put(SOURCE, source);
        return tagged;
    }
}
