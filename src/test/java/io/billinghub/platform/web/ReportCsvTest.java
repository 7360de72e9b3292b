package io.billinghub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.support.HubIntegrationTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every report of the REST API downloads as CSV ({@code Accept: text/csv} or {@code ?format=csv}); the endpoint
 * list comes from Spring MVC's mappings, so a report added without CSV fails here. Exact content is checked on the
 * carrier month of the fixture (CarrierCpmEndToEndTest, worked out by hand there).
 */
class ReportCsvTest extends HubIntegrationTest {

    /** GET endpoints that are not reports: one item, its raw payload, a chain check, a composed period view. */
    private static final Set<String> NOT_REPORTS = Set.of("/api/exceptions/{id}", "/api/exceptions/{id}/payload",
            "/api/runs/{runId}", "/api/erp/batches/{batchId}", "/api/audit/verify",
            "/api/chargeback/overrides/verify", "/api/webex/{period}",
            "/api/webex/{period}/statements/{customerExternalId}", "/api/exceptions/replays/{replayId}",
            "/api/me", "/api/openapi.yaml", "/api/openapi.json");
    /** The query a report needs (its required parameters), on the fixture month. */
    private static final Map<String, String> QUERIES = Map.ofEntries(
            Map.entry("/api/cpm", "from=2026-10-01&to=2026-10-31"),
            Map.entry("/api/cpm/matrix", "from=2026-10-01&to=2026-10-31"),
            Map.entry("/api/reconciliation/overview", "period=2026-10"),
            Map.entry("/api/reconciliation/evidence", "carrier=Bandwidth.com&day=2026-10-15"),
            Map.entry("/api/legs", "day=2026-10-15"), Map.entry("/api/cxone/reconciliation", "period=2026-10"),
            Map.entry("/api/cxone/lines", "period=2026-10"), Map.entry("/api/cxone/aggregates", "period=2026-10"),
            Map.entry("/api/focus", "period=2026-10"), Map.entry("/api/focus/carriers", "period=2026-10"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void everyReportDownloadsAsCsvWithItsHeader() throws Exception {
        carrierMonth();
        runOctober("chargeback", "chargeback-period", false);
        runOctober("webex-wholesale", "webex-period", false);

        TreeSet<String> reports = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPathPatternsCondition().getPatternValues()
                .forEach(pattern -> {
                    if (info.getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals("GET"))
                            && pattern.startsWith("/api/") && !NOT_REPORTS.contains(pattern)) {
                        reports.add(pattern);
                    }
                }));
        assertThat(reports).hasSizeGreaterThanOrEqualTo(23);
        List<String> outcomes = new ArrayList<>();
        for (String report : reports) {
            String path = report.replace("{period}", "2026-10");
            String query = QUERIES.getOrDefault(report, "");
            HttpResponse<String> accept = acceptingCsv(path + (query.isEmpty() ? "" : "?" + query));
            HttpResponse<String> format = get(path + "?" + (query.isEmpty() ? "" : query + "&") + "format=csv",
                    TestUser.FINANCE);
            for (HttpResponse<String> response : List.of(accept, format)) {
                String header = response.body().lines().findFirst().orElse("");
                outcomes.add(report + ": " + response.statusCode() + " "
                        + response.headers().firstValue("Content-Type").orElse("").replace(";charset=UTF-8", "")
                        + (response.headers().firstValue("Content-Disposition").orElse("")
                        .matches("attachment; filename=\"[A-Za-z0-9._-]+\\.csv\"") ? " attachment" : " inline")
                        + (header.matches("[A-Za-z_]\\w*(,[A-Za-z_]\\w*)+") ? " header" : " no header: " + header));
            }
        }
        assertThat(outcomes).allSatisfy(o -> assertThat(o).endsWith(": 200 text/csv attachment header"));

        // the FOCUS rows of every source in one file: each source's own export, row for row, summed the same
        List<String> all = get("/api/focus?period=2026-10", TestUser.FINANCE).body().lines().toList();
        assertThat(all.get(0)).startsWith("AllocatedMethodDetails,AllocatedMethodId,BilledCost,").endsWith(",x_Source");
        Map<String, Integer> rowsBySource = new TreeMap<>();
        all.stream().skip(1).forEach(l -> rowsBySource.merge(l.substring(l.lastIndexOf(',') + 1), 1, Integer::sum));
        assertThat(rowsBySource).containsExactly(Map.entry("carriers", rows("/api/focus/carriers?period=2026-10")),
                Map.entry("chargeback", rows("/api/chargeback/2026-10/focus")),
                Map.entry("webex", rows("/api/webex/2026-10/focus")));
    }

    @Test
    void reportsAsCsvOnTheCarrierMonth() throws Exception {
        String runId = carrierMonth();

        // the month's eight open cases (CarrierCpmEndToEndTest), by type
        HttpResponse<String> summary = get("/api/exceptions/summary?format=csv", TestUser.FINANCE);
        assertThat(summary.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"exceptions-summary.csv\"");
        assertThat(summary.body()).isEqualTo("""
                type,open_cases\r
                INVOICE_LINE_REJECTED,1\r
                RECON_CHARGE_DELTA,1\r
                RECON_INVOICE_TOTAL_MISMATCH,1\r
                RECON_MINUTE_DELTA,1\r
                RECON_MISSING_ON_INVOICE,1\r
                RECON_NOT_IN_USAGE,1\r
                UNRATED_LEG,2\r
                """);

        // The one leg of 10-16: leg-02, Bandwidth +1415, 61 s billed 66 s at 6/6 and 0.0060 a minute from the 16th
        // = 1.1 min for 0.0066; the columns as the JSON's, money and minutes at their stored scale.
        HttpResponse<String> legs = get("/api/legs?day=2026-10-16&format=csv", TestUser.FINANCE);
        assertThat(legs.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"legs-2026-10-16.csv\"");
        long version = jdbc.queryForObject("select reference_version_id from rated_leg where leg_id = 'leg-02'",
                Long.class);
        assertThat(legs.body()).isEqualTo("leg_id,call_id,start_time,leg_class,leg_role,rating_status,"
                + "unrated_reason,carrier_name,destination_number,destination_region,matched_prefix,rate_per_minute,"
                + "billing_increment,raw_seconds,billed_seconds,raw_minutes,billed_minutes,cost,currency,"
                + "reference_version_id,run_id\r\n"
                + "leg-02,call-2,2026-10-16T00:00:30Z,CARRIER,PRIMARY,RATED,,Bandwidth.com,+14155550102,US-West,"
                + "1415,0.00600000,6/6,61,66,1.016667,1.100000,0.006600,USD," + version + "," + runId + "\r\n");
        // a day without legs still has its header
        assertThat(get("/api/legs?day=2026-10-01&format=csv", TestUser.FINANCE).body())
                .startsWith("leg_id,call_id,").hasLineCount(1);

        // Invoice totals: Bandwidth states 0.06 against 0.0598 (equal to the cent), Twilio 0.09 against 0.084.
        List<String> invoices = acceptingCsv("/api/reconciliation/invoices").body().lines().toList();
        assertThat(invoices.get(0)).isEqualTo("carrier_id,carrier_name,invoice_number,invoice_date,period_start,"
                + "period_end,currency,stated_total,line_count,lines_total,other_charges,computed_total,"
                + "total_matches,file_name,format,checksum,received_at");
        assertThat(invoices.stream().skip(1).map(l -> String.join(",", List.of(l.split(",")).subList(0, 15))))
                .containsExactly(
                        "bandwidth,Bandwidth.com,BW-2026-10,,,,USD,0.060000,5,0.059800,0.000000,0.06,true,"
                                + "bandwidth-2026-10.csv,csv",
                        "twilio,Twilio,TW-2026-10,2026-11-02,2026-10-01,2026-10-31,USD,0.090000,2,0.084000,0.000000,"
                                + "0.08,false,twilio-2026-10.edi,x12-811");

        // runs as CSV: the period run's counts; nested phases and totals as JSON text
        List<String> runs = get("/api/runs?pipeline=carrier-cpm&format=csv", TestUser.FINANCE).body().lines().toList();
        assertThat(runs.get(0)).isEqualTo("run_id,pipeline,period,trigger,status,started_at,finished_at,records_in,"
                + "records_accepted,records_rejected,failures,totals,error,node_id,resumed_from,phases,inputs");
        assertThat(runs.get(1)).startsWith(runId + ",carrier-cpm,2026-10,API,SUCCEEDED,").contains(",15,15,0,0,");
        // JSON stays the answer to anyone not asking for CSV
        assertThat(get("/api/runs", TestUser.FINANCE).body()).startsWith("[{\"runId\":");
        assertThat(new BigDecimal(json.readTree(get("/api/legs?day=2026-10-16", TestUser.FINANCE).body()).get(0)
                .path("cost").asText())).isEqualByComparingTo("0.0066");
    }

    private String carrierMonth() throws Exception {
        dropFixtureCarrierInvoices();
        return runOctober("carrier-cpm", "carrier-cpm-period", false);
    }

    private HttpResponse<String> acceptingCsv(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT + pathAndQuery))
                .header("Accept", "text/csv").GET(), TestUser.FINANCE);
    }

    private int rows(String path) throws Exception {
        return (int) get(path, TestUser.FINANCE).body().lines().count() - 1;
    }
}
