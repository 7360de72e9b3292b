package io.billinghub.erp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.support.HubIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ERP push when the ERP is down (dead letter after the retries, then one replay posts it exactly once), and a
 * month that is not posted because a day of its usage is missing.
 */
class ErpPostRouteTest extends HubIntegrationTest {

    @Test
    void aBatchTheErpRefusedIsPostedOnceByItsReplay() throws Exception {
        sandboxFaults.erpOutage(100);
        String runId = runOctoberAndClose();

        // the period run still completes its own steps after the failed part, and says so
        assertThat(jdbc.queryForMap("select status, failures from pipeline_run where run_id = ?", runId))
                .containsEntry("status", "COMPLETED_WITH_FAILURES").containsEntry("failures", 1);

        Map<String, Object> failed = jdbc.queryForMap("select * from exception_item where type = 'ERP_POST_FAILED'");
        assertThat(failed).containsEntry("route_id", "erp-post-batch")
                .containsEntry("replay_endpoint", "direct://erp-post-batch")
                .containsEntry("source", "erp batch carrier-cpm-2026-10-1");
        assertThat((String) failed.get("reason")).contains("HTTP 503");
        assertThat(jdbc.queryForObject("select status from erp_batch", String.class)).isEqualTo("PENDING");
        assertThat(erpLedger.charges()).isEmpty();

        sandboxFaults.erpOutage(0);
        long caseId = (Long) failed.get("id");
        JsonNode replay = json.readTree(post("/api/exceptions/" + caseId + "/replay", "{}",
                TestUser.OPERATOR).body());
        assertThat(replay.path("succeeded").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select status from erp_batch", String.class)).isEqualTo("POSTED");
        assertThat(erpLedger.charges()).hasSize(1);
        // the same payload, with the batch's fixed idempotency key (total as in the end-to-end test)
        assertThat(erpLedger.charges().get(0).idempotencyKey()).isEqualTo("billing-hub/carrier-cpm/2026-10/1");
        assertThat(json.readTree(erpLedger.charges().get(0).payload()).path("total").asText()).isEqualTo("0.12");

        assertThat(post("/api/exceptions/" + caseId + "/replay", "{}").statusCode()).isEqualTo(409);
        // closing the period again finds nothing left to post
        runOctoberAndClose();
        assertThat(jdbc.queryForObject("select count(*) from erp_batch", Long.class)).isEqualTo(1L);
        assertThat(erpLedger.charges()).hasSize(1);
    }

    @Test
    void aMonthWithADayWhoseUsageWasNotCompletelyExtractedIsNotPosted() throws Exception {
        runOctober("carrier-cpm", "carrier-cpm-period", false);
        // 15 October's window never completed (its case waits in the exception queue)
        jdbc.update("delete from extraction_window where window_start = '2026-10-15T00:00:00Z'");

        // the daily job would close October (it ended more than 48 hours ago) but a day of it is missing
        producer.sendBody("direct:carrier-reconciliation-daily", null);
        assertThat(erpLedger.charges()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from erp_batch", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select totals -> 'notClosed' ->> '2026-10' from pipeline_run"
                + " where pipeline = 'carrier-reconciliation'", String.class))
                .isEqualTo("usage not completely extracted for 1 day(s), first 2026-10-15");
    }
}
