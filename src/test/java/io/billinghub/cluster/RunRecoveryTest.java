package io.billinghub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.runs.RunRecovery;
import io.billinghub.sandbox.ErpLedger;
import io.billinghub.support.HubIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A node killed in the middle of a run: its run stops being renewed, and another node ends it and starts it
 * again. The figures are those of the carrier end-to-end test (an October of 11 legs whose charges post as one
 * batch of 0.12, key billing-hub/carrier-cpm/2026-10/1).
 */
class RunRecoveryTest extends HubIntegrationTest {

    /** Longer than the takeover delay of the tests (2 h). */
    private static final long SILENT = 3 * 3600;

    @Autowired
    private RunRecovery recovery;

    /** A running run of {@code node}, last renewed {@code silentSeconds} ago. */
    private String runOf(String node, long silentSeconds, String ownerRoute, String request) {
        String runId = "carrier-cpm-20261109T230000Z-dead01";
        jdbc.update("""
                insert into pipeline_run (run_id, pipeline, period, trigger, status, started_at, owner_route, node_id,
                    heartbeat_at, request)
                values (?, 'carrier-cpm', '2026-10', 'API', 'RUNNING', '2026-11-09T23:00:00Z', ?, ?,
                    clock_timestamp() - make_interval(secs => ?), cast(? as jsonb))""",
                runId, ownerRoute, node, silentSeconds, request);
        return runId;
    }

    private static final String OCTOBER_CLOSE = """
            {"pipeline":"carrier-cpm","route":"carrier-cpm-period","period":"2026-10","close":true,"extract":true,
             "regenerate":false}""";

    @Test
    void aPeriodRunKilledDuringTheErpPushIsStartedAgainElsewhereAndPostsOnce() throws Exception {
        // the killed node got as far as recording the batch; the ERP never acknowledged it
        sandboxFaults.erpOutage(1000);
        runOctober("carrier-cpm", "carrier-cpm-period", true);
        assertThat(jdbc.queryForObject("select status from erp_batch", String.class)).isEqualTo("PENDING");
        assertThat(erpLedger.charges()).isEmpty();
        sandboxFaults.erpOutage(0);
        String dead = runOf("node-dead", SILENT, "carrier-cpm-period", OCTOBER_CLOSE);

        NotifyBuilder done = whenRouteDone("carrier-cpm-period");
        recovery.beat();
        assertThat(done.matches(120, TimeUnit.SECONDS)).isTrue();

        Map<String, Object> interrupted = jdbc.queryForMap("select status, error from pipeline_run where run_id = ?",
                dead);
        assertThat(interrupted.get("status")).isEqualTo("INTERRUPTED");
        assertThat((String) interrupted.get("error")).startsWith("node node-dead stopped during the run; node ");
        Map<String, Object> resumed = jdbc.queryForMap(
                "select status, trigger, node_id from pipeline_run where resumed_from = ?", dead);
        assertThat(resumed).containsEntry("status", "SUCCEEDED").containsEntry("trigger", "RECOVERY");
        // the same batch, with its idempotency key, posted once
        List<ErpLedger.Charge> posted = erpLedger.charges();
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).idempotencyKey()).isEqualTo("billing-hub/carrier-cpm/2026-10/1");
        JsonNode batch = json.readTree(posted.get(0).payload());
        assertThat(batch.path("total").asText()).isEqualTo("0.12");
        assertThat(jdbc.queryForList("select status from erp_batch", String.class)).containsExactly("POSTED");
        assertThat(jdbc.queryForObject("select count(*) from usage_leg", Long.class)).isEqualTo(11L);

        // nothing is left to take over
        recovery.beat();
        assertThat(jdbc.queryForObject("select count(*) from pipeline_run where pipeline = 'carrier-cpm'",
                Long.class)).isEqualTo(3L);
    }

    @Test
    void aRunItsNodeStillRenewsIsLeftAlone() {
        String live = runOf("node-busy", 5, "carrier-cpm-period", OCTOBER_CLOSE);

        recovery.beat();

        assertThat(jdbc.queryForObject("select status from pipeline_run where run_id = ?", String.class, live))
                .isEqualTo("RUNNING");
        assertThat(jdbc.queryForObject("select count(*) from pipeline_run", Long.class)).isEqualTo(1L);
    }

    @Test
    void theRunOfAFileIsOnlyEndedForTheFileIsTakenAgainOnItsOwn() {
        String dead = runOf("node-dead", SILENT, "carrier-invoice-ingest", """
                {"pipeline":"carrier-invoices","route":"carrier-invoice-ingest","period":null,"close":false,
                 "extract":true,"regenerate":false}""");

        recovery.beat();

        assertThat(jdbc.queryForMap("select status, error from pipeline_run where run_id = ?", dead))
                .containsEntry("status", "INTERRUPTED")
                .containsEntry("error", "node node-dead stopped during the run; node " + recovery.nodeId()
                        + " ended it (its input is taken again on its own)");
        assertThat(jdbc.queryForObject("select count(*) from pipeline_run", Long.class)).isEqualTo(1L);
    }

    @Test
    void ownRunsAreRenewedOnEveryBeat() {
        String own = runOf(recovery.nodeId(), SILENT, "carrier-cpm-period", OCTOBER_CLOSE);

        recovery.beat();

        assertThat(jdbc.queryForObject("select status from pipeline_run where run_id = ?", String.class, own))
                .isEqualTo("RUNNING");
        assertThat(jdbc.queryForObject("select heartbeat_at > clock_timestamp() - interval '10 seconds'"
                + " from pipeline_run where run_id = ?", Boolean.class, own)).isTrue();
    }
}
