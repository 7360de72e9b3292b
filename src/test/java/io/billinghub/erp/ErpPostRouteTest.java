package io.billinghub.erp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.support.HubIntegrationTest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The ERP push when the ERP is down: dead letter after the retries, then one replay posts it exactly once. */
class ErpPostRouteTest extends HubIntegrationTest {

    @Autowired
    private CamelContext camel;
    @Autowired
    private ObjectMapper json;

    @BeforeEach
    void clean() {
        resetData();
    }

    @Test
    void aBatchTheErpRefusedIsPostedOnceByItsReplay() throws Exception {
        sandboxFaults.erpOutage(100);
        runPeriod();

        Map<String, Object> failed = jdbc.queryForMap("select * from exception_item where type = 'ERP_POST_FAILED'");
        assertThat(failed).containsEntry("route_id", "erp-post-batch")
                .containsEntry("replay_endpoint", "direct://erp-post-batch")
                .containsEntry("source", "erp batch carrier-cpm-2026-10-1");
        assertThat((String) failed.get("reason")).contains("HTTP 503");
        assertThat(jdbc.queryForObject("select status from erp_batch", String.class)).isEqualTo("PENDING");
        assertThat(erpLedger.charges()).isEmpty();

        sandboxFaults.erpOutage(0);
        long caseId = (Long) failed.get("id");
        JsonNode replay = json.readTree(post("/api/exceptions/" + caseId + "/replay", "{\"by\":\"finance\"}").body());
        assertThat(replay.path("succeeded").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select status from erp_batch", String.class)).isEqualTo("POSTED");
        assertThat(erpLedger.charges()).hasSize(1);
        // the same payload, with the batch's fixed idempotency key (total as in the end-to-end test)
        assertThat(erpLedger.charges().get(0).idempotencyKey()).isEqualTo("billing-hub/carrier-cpm/2026-10/1");
        assertThat(json.readTree(erpLedger.charges().get(0).payload()).path("total").asText()).isEqualTo("0.12");

        assertThat(post("/api/exceptions/" + caseId + "/replay", "{}").statusCode()).isEqualTo(409);
        // closing the period again finds nothing left to post
        runPeriod();
        assertThat(jdbc.queryForObject("select count(*) from erp_batch", Long.class)).isEqualTo(1L);
        assertThat(erpLedger.charges()).hasSize(1);
    }

    private void runPeriod() throws Exception {
        NotifyBuilder done = whenRouteDone(camel, "carrier-cpm-period");
        assertThat(post("/api/runs", "{\"period\":\"2026-10\",\"close\":true}").statusCode()).isEqualTo(202);
        assertThat(done.matches(120, TimeUnit.SECONDS)).isTrue();
    }
}
