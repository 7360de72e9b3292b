package io.billinghub.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.billinghub.platform.SettableClock;
import io.billinghub.support.HubIntegrationTest;
import io.billinghub.support.PrometheusScrape;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The business metrics as Prometheus scrapes them (as the METRICS user), after the carrier month of the fixture
 * (the figures of CarrierCpmEndToEndTest, worked out by hand there). Counters belong to the process and the Spring
 * context is shared with other tests, so counters are compared before and after; gauges are read from the database,
 * which every test starts empty.
 */
class BusinessMetricsTest extends HubIntegrationTest {

    private static final double CENT_FRACTIONS = 1e-9;

    @Test
    void aCarrierMonthShowsItsRecordsCasesVarianceAndErpDelivery() throws Exception {
        PrometheusScrape before = scrape();
        dropFixtureCarrierInvoices();
        String runId = runOctoberAndClose();
        PrometheusScrape after = scrape();

        // Records: the period run read 15 usage records (10 legs on 10-15 in pages of 3 with page 1 served twice =
        // 13, the leg of 10-16 served twice = 2), all accepted.
        assertThat(delta(before, after, "hub_records_in_total", "pipeline", "carrier-cpm")).isEqualTo(15);
        assertThat(delta(before, after, "hub_records_accepted_total", "pipeline", "carrier-cpm")).isEqualTo(15);
        assertThat(delta(before, after, "hub_records_rejected_total", "pipeline", "carrier-cpm")).isZero();
        assertThat(jdbc.queryForMap("select records_in, records_accepted, records_rejected from pipeline_run"
                + " where run_id = ?", runId)).containsEntry("records_in", 15L).containsEntry("records_accepted", 15L)
                .containsEntry("records_rejected", 0L);
        // every pipeline's counters equal the sum of its run records (the two carrier files are runs of their own)
        for (Map<String, Object> run : jdbc.queryForList("select pipeline, sum(records_in) as records_in,"
                + " sum(records_accepted) as accepted, sum(records_rejected) as rejected from pipeline_run"
                + " group by pipeline")) {
            String pipeline = (String) run.get("pipeline");
            assertThat(delta(before, after, "hub_records_in_total", "pipeline", pipeline)).as(pipeline)
                    .isEqualTo(((Number) run.get("records_in")).doubleValue());
            assertThat(delta(before, after, "hub_records_accepted_total", "pipeline", pipeline)).as(pipeline)
                    .isEqualTo(((Number) run.get("accepted")).doubleValue());
            assertThat(delta(before, after, "hub_records_rejected_total", "pipeline", pipeline)).as(pipeline)
                    .isEqualTo(((Number) run.get("rejected")).doubleValue());
        }
        // the Bandwidth CSV: 6 LINE records and its TOTAL; the line with "one" minutes is rejected
        assertThat(jdbc.queryForMap("select records_in, records_accepted, records_rejected from run_phase"
                + " where phase = 'ingest bandwidth/bandwidth-2026-10.csv'"))
                .containsEntry("records_in", 7L).containsEntry("records_accepted", 6L)
                .containsEntry("records_rejected", 1L);

        // The month's eight findings (CarrierCpmEndToEndTest), each a new case, open now.
        Map<String, Long> expectedOpen = Map.of("INVOICE_LINE_REJECTED", 1L, "RECON_CHARGE_DELTA", 1L,
                "RECON_NOT_IN_USAGE", 1L, "RECON_MINUTE_DELTA", 1L, "RECON_MISSING_ON_INVOICE", 1L,
                "RECON_INVOICE_TOTAL_MISMATCH", 1L, "UNRATED_LEG", 2L);
        assertThat(openByType(after)).isEqualTo(new TreeMap<>(expectedOpen));
        assertThat(raisedByType(before, after)).isEqualTo(new TreeMap<>(expectedOpen));

        // Carrier reconciliation of October, invoiced minus rated: Bandwidth 10-15 0.0532 - 0.0199 = 0.0333 and
        // 10-16 0.0066 - 0.0066 = 0 → 0.0333; Twilio 10-15 TW-2026-10 0.084 - 0.084 = 0 and leg-10 on no invoice
        // 0 - 0.012 → -0.012.
        assertThat(after.value("hub_reconciliation_variance", "carrier", "Bandwidth.com", "period", "2026-10",
                "currency", "USD")).isCloseTo(0.0333, within(CENT_FRACTIONS));
        assertThat(after.value("hub_reconciliation_variance", "carrier", "Twilio", "period", "2026-10"))
                .isCloseTo(-0.012, within(CENT_FRACTIONS));
        assertThat(lines(after, "hub_reconciliation_lines", "carrier")).containsExactlyInAnyOrder(
                "Bandwidth.com 2026-10 DISCREPANCIES 1", "Bandwidth.com 2026-10 MATCHED 1",
                "Twilio 2026-10 DISCREPANCIES 1", "Twilio 2026-10 UNBILLED_LEGS 1");

        // ERP: one batch accepted (after the sink's start-up 503), none waiting.
        assertThat(delta(before, after, "hub_erp_delivery_lag_seconds_count", "pipeline", "carrier-cpm"))
                .isEqualTo(1);
        assertThat(after.value("hub_erp_oldest_pending_batch_age_seconds")).isZero();

        // The same month again: every finding is found again and refreshes its open case; no new case is counted.
        runOctoberAndClose();
        PrometheusScrape again = scrape();
        assertThat(raisedByType(after, again)).isEmpty();
        assertThat(openByType(again)).isEqualTo(new TreeMap<>(expectedOpen));
    }

    @Test
    void aBatchTheErpDidNotAcceptAgesUntilItsReplayPostsIt() throws Exception {
        // the first try and its 5 retries refused: the batch stays PENDING with an ERP_POST_FAILED case
        sandboxFaults.erpOutage(6);
        runOctoberAndClose();
        Instant recorded = jdbc.queryForObject("select created_at from erp_batch", OffsetDateTime.class).toInstant();
        assertThat(jdbc.queryForObject("select status from erp_batch", String.class)).isEqualTo("PENDING");

        // two hours later it is 7,200 s old
        ((SettableClock) clock).set(recorded.plus(Duration.ofHours(2)));
        PrometheusScrape waiting = scrape();
        assertThat(waiting.value("hub_erp_oldest_pending_batch_age_seconds")).isEqualTo(7200);
        assertThat(waiting.value("hub_exceptions_open", "type", "ERP_POST_FAILED")).isEqualTo(1);

        long caseId = jdbc.queryForObject("select id from exception_item where type = 'ERP_POST_FAILED'", Long.class);
        assertThat(json.readTree(post("/api/exceptions/" + caseId + "/replay", "{}").body()).path("succeeded")
                .asBoolean()).isTrue();
        PrometheusScrape posted = scrape();
        // accepted 7,200 s after it was recorded; nothing waits any more, the case is resolved
        assertThat(delta(waiting, posted, "hub_erp_delivery_lag_seconds_count", "pipeline", "carrier-cpm"))
                .isEqualTo(1);
        assertThat(delta(waiting, posted, "hub_erp_delivery_lag_seconds_sum", "pipeline", "carrier-cpm"))
                .isEqualTo(7200);
        assertThat(delta(waiting, posted, "hub_erp_delivery_lag_seconds_bucket", "pipeline", "carrier-cpm",
                "le", "21600.0")).isEqualTo(1);
        assertThat(delta(waiting, posted, "hub_erp_delivery_lag_seconds_bucket", "pipeline", "carrier-cpm",
                "le", "3600.0")).isZero();
        assertThat(posted.value("hub_erp_oldest_pending_batch_age_seconds")).isZero();
        assertThat(posted.value("hub_exceptions_open", "type", "ERP_POST_FAILED")).isZero();
    }

    @Test
    void onlyTheMetricsUserAndAdminsMayScrape() throws Exception {
        assertThat(get("/actuator/prometheus", TestUser.FINANCE).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", TestUser.ANONYMOUS).statusCode()).isEqualTo(401);
    }

    private PrometheusScrape scrape() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", TestUser.METRICS);
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusScrape.parse(response.body());
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static Map<String, Long> openByType(PrometheusScrape scrape) {
        Map<String, Long> open = new TreeMap<>();
        scrape.find("hub_exceptions_open").stream().filter(s -> s.value() > 0)
                .forEach(s -> open.put(s.labels().get("type"), (long) s.value()));
        return open;
    }

    /** New cases between two scrapes, by type (over every pipeline). */
    private static Map<String, Long> raisedByType(PrometheusScrape before, PrometheusScrape after) {
        Map<String, Long> raised = new TreeMap<>();
        for (PrometheusScrape.Sample s : after.find("hub_exceptions_raised_total")) {
            long delta = (long) (s.value() - before.value(s.name(), "type", s.labels().get("type"), "pipeline",
                    s.labels().get("pipeline")));
            if (delta != 0) {
                raised.merge(s.labels().get("type"), delta, Long::sum);
            }
        }
        return raised;
    }

    private static List<String> lines(PrometheusScrape scrape, String name, String party) {
        return scrape.find(name).stream().map(s -> s.labels().get(party) + " " + s.labels().get("period") + " "
                + s.labels().get("status") + " " + (long) s.value()).toList();
    }
}
