package io.billinghub.cpm;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.support.HubIntegrationTest;
import java.util.List;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The two scheduled jobs. Their Quartz routes only trigger the work routes tested here; the clock stands at
 * 2026-11-10T00:00Z, the extraction looks back 2 days and a day settles 72 h after it ends.
 */
class ScheduledJobsTest extends HubIntegrationTest {

    @Test
    void bothJobsRunOnUtcCronsFromConfiguration() {
        QuartzEndpoint extraction = (QuartzEndpoint) camel.getRoute("telephony-extraction-schedule").getEndpoint();
        assertThat(extraction.getCron()).isEqualTo("0 0/15 * * * ?");
        assertThat(extraction.getTriggerParameters()).containsEntry("timeZone", "UTC");
        QuartzEndpoint daily = (QuartzEndpoint) camel.getRoute("carrier-reconciliation-schedule").getEndpoint();
        assertThat(daily.getCron()).isEqualTo("0 30 2 * * ?");
    }

    @Test
    void theExtractionTickReadsTheDaysThatHaveNotSettled() {
        // 2026-11-08 was extracted for good already; the tick reads the 9th and today (the 10th)
        jdbc.update("""
                insert into extraction_window (tenant_id, window_start, window_end, status, pages, records, checksum,
                    extracted_at) values ('acme-contact', '2026-11-08T00:00:00Z', '2026-11-09T00:00:00Z', 'SETTLED', 1,
                    0, 'x', '2026-11-09T12:00:00Z')""");

        producer.sendBody("direct:telephony-extraction-tick", null);

        assertThat(jdbc.queryForObject("select status from pipeline_run where pipeline = 'telephony-extraction'",
                String.class)).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForList("select phase from run_phase where phase like 'extract%' order by id",
                String.class)).containsExactly("extract acme-contact 2026-11-09", "extract acme-contact 2026-11-10");
        // both ended less than 72 h before now: they stay open for the next ticks
        assertThat(jdbc.queryForList("select status from extraction_window where window_start > '2026-11-08T12:00Z'",
                String.class)).containsExactly("OPEN", "OPEN");
    }

    @Test
    void theDailyJobReconcilesAndPostsAMonthPastItsFinalisationWindow() throws Exception {
        // no close requested: nothing posted yet (the daily job below runs synchronously)
        runOctober("carrier-cpm", "carrier-cpm-period", false);
        assertThat(erpLedger.charges()).isEmpty();

        // October ended on Nov 1, + 48 h = Nov 3 <= Nov 10: due. The batch is the one of the end-to-end test.
        producer.sendBody("direct:carrier-reconciliation-daily", null);
        assertThat(erpLedger.charges()).hasSize(1);
        assertThat(json.readTree(erpLedger.charges().get(0).payload()).path("total").asText()).isEqualTo("0.12");
        List<String> daily = jdbc.queryForList(
                "select status from pipeline_run where pipeline = 'carrier-reconciliation'", String.class);
        assertThat(daily).containsExactly("SUCCEEDED");

        // the next day's job finds nothing left to post
        producer.sendBody("direct:carrier-reconciliation-daily", null);
        assertThat(erpLedger.charges()).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from erp_batch", Long.class)).isEqualTo(1L);
    }
}
