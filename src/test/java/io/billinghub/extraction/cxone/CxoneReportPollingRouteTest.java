package io.billinghub.extraction.cxone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.support.HubIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The report polling loop of cxone-extract against the sandbox, on simulated time (every wait moves the hub's clock,
 * which starts at 2026-11-10T00:00Z). Waits are 15 s, 30 s, then 60 s, each ± 20 % jitter, so the clock is checked
 * within the bounds the jitter allows: the exact delays are ReportPollingTest's.
 */
class CxoneReportPollingRouteTest extends HubIntegrationTest {

    private static final String WINDOW = "2026-10-01T04:00:00Z/2026-11-01T04:00:00Z";

    @Test
    void aReportStillProcessingAfter45MinutesEndsTheRunAndReplayResumesTheSameReport() throws Exception {
        cxoneReports.behave(Integer.MAX_VALUE, false);

        String runId = runOctober("cxone-gl", "cxone-period", true);

        // polling stops at the first check at or past 45 minutes: at most one wait (60 s + 20 %) beyond them
        Duration waited = Duration.between(NOW, clock.instant());
        assertThat(waited).isBetween(Duration.ofMinutes(45), Duration.ofMinutes(45).plusSeconds(72));
        Map<String, Object> run = jdbc.queryForMap("select status, error from pipeline_run where run_id = ?", runId);
        assertThat(run).containsEntry("status", "FAILED");
        assertThat((String) run.get("error")).contains("is still PROCESSING after 45 minutes of polling");
        Map<String, Object> alert = jdbc.queryForMap("select id, type, source, source_position, replay_endpoint"
                + " from exception_item where status = 'OPEN'");
        assertThat(alert).containsEntry("type", "CXONE_REPORT_TIMEOUT").containsEntry("source", "cxone:acme-contact")
                .containsEntry("source_position", WINDOW).containsEntry("replay_endpoint", "direct://cxone-extract");
        // the run ended there: nothing staged, reconciled or posted
        assertThat(jdbc.queryForObject("select count(*) from cxone_extraction", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from cxone_reconciliation_result", Long.class)).isZero();
        assertThat(erpLedger.charges()).isEmpty();
        assertThat(jdbc.queryForObject("select status from cxone_report", String.class)).isEqualTo("PROCESSING");

        // CXone finishes the report; finance replays the alert: the same report is polled, not submitted again
        cxoneReports.behave(0, false);
        JsonNode replay = json.readTree(post("/api/exceptions/" + alert.get("id") + "/replay", "{}",
                TestUser.OPERATOR).body());
        assertThat(replay.path("succeeded").asBoolean()).isTrue();
        assertThat(cxoneReports.size()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from exception_item where status <> 'RESOLVED'", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select lines from cxone_extraction", Integer.class)).isEqualTo(10);

        // and the period run goes through on the completed report, still the only one submitted
        String again = runOctober("cxone-gl", "cxone-period", true);
        assertThat(jdbc.queryForObject("select status from pipeline_run where run_id = ?", String.class, again))
                .isEqualTo("SUCCEEDED");
        assertThat(cxoneReports.size()).isEqualTo(1);
        assertThat(erpLedger.charges()).hasSize(1);
    }

    @Test
    void aReusedReportCxoneNoLongerHoldsIsRequestedAgain() throws Exception {
        runOctober("cxone-gl", "cxone-period", false);
        // the sandbox restarts and loses its reports: the one the hub would reuse answers 404
        cxoneReports.reset();

        String runId = runOctober("cxone-gl", "cxone-period", false);

        assertThat(jdbc.queryForObject("select status from pipeline_run where run_id = ?", String.class, runId))
                .isEqualTo("SUCCEEDED");
        // the sandbox, restarted, hands out the same report id again: the hub's record of it starts over
        assertThat(jdbc.queryForList("select status || ' ' || polls from cxone_report", String.class))
                .containsExactly("COMPLETE 2");
        // the check of the old report (404), then the new one's two status requests (PROCESSING, COMPLETE)
        JsonNode extract = json.readTree(jdbc.queryForObject("select details::text from run_phase where run_id = ?"
                + " and phase like 'extract%'", String.class, runId));
        assertThat(extract.path("statusRequests").asInt()).isEqualTo(3);
        assertThat(extract.path("unchanged").asInt()).isEqualTo(10);
    }

    @Test
    void aFailedReportIsACaseAndNothingIsReconciled() throws Exception {
        // PROCESSING at the first status request, FAILED at the second
        cxoneReports.behave(1, true);

        String runId = runOctober("cxone-gl", "cxone-period", true);

        // waits of 15 s and 30 s, each 0.8 to 1.2 times: 36 s to 54 s
        assertThat(Duration.between(NOW, clock.instant())).isBetween(Duration.ofSeconds(36),
                Duration.ofSeconds(54));
        assertThat(jdbc.queryForObject("select status from pipeline_run where run_id = ?", String.class, runId))
                .isEqualTo("FAILED");
        Map<String, Object> alert = jdbc.queryForMap("select type, reason from exception_item where status = 'OPEN'");
        assertThat(alert).containsEntry("type", "CXONE_REPORT_FAILED");
        assertThat((String) alert.get("reason")).contains("ended FAILED after 2 status requests");
        assertThat(jdbc.queryForObject("select count(*) from cxone_normalised_line", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from cxone_reconciliation_result", Long.class)).isZero();
        assertThat(erpLedger.charges()).isEmpty();
    }

    @Test
    void pollsWithBackoffUntilTheReportCompletes() throws Exception {
        // PROCESSING for 3 status requests, COMPLETE at the 4th
        cxoneReports.behave(3, false);

        String runId = runOctober("cxone-gl", "cxone-period", false);

        // waits of 15, 30, 60 and 60 s (the cap), each 0.8 to 1.2 times: 132 s to 198 s; plus the request budget's
        // 100 ms before each request sent right after another: 10 of the 15 (the retries after the 429s of requests
        // 4-5, 8-9 and 12-13, and the pages)
        assertThat(Duration.between(NOW, clock.instant())).isBetween(Duration.ofSeconds(133),
                Duration.ofSeconds(199));
        JsonNode extract = json.readTree(jdbc.queryForObject("select details::text from run_phase where run_id = ?"
                + " and phase like 'extract%'", String.class, runId));
        assertThat(extract.path("statusRequests").asInt()).isEqualTo(4);
        assertThat(extract.path("pages").asInt()).isEqualTo(4);
        assertThat(jdbc.queryForObject("select status from pipeline_run where run_id = ?", String.class, runId))
                .isEqualTo("SUCCEEDED");
    }
}
