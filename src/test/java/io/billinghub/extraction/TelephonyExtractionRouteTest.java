package io.billinghub.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.platform.HubExchange;
import io.billinghub.support.HubIntegrationTest;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * The extraction routes against the vendor sandbox: a token the API stops accepting is renewed, an outage longer
 * than the retries ends in the dead-letter channel with the window as its payload, and replaying that case
 * extracts the window once.
 */
class TelephonyExtractionRouteTest extends HubIntegrationTest {

    private static final ExtractionWindow OCT_15 = new ExtractionWindow("acme-contact",
            Instant.parse("2026-10-15T00:00:00Z"), Instant.parse("2026-10-16T00:00:00Z"));
    private static final ExtractionWindow OCT_16 = new ExtractionWindow("acme-contact",
            Instant.parse("2026-10-16T00:00:00Z"), Instant.parse("2026-10-17T00:00:00Z"));

    @Test
    void aRevokedTokenIsRenewedAndTheWindowCompletes() {
        assertThat(extract(OCT_16).getProperty(HubExchange.EXCEPTION_ID)).isNull();
        // the vendor forgets every token it issued: the hub's cached token now gets 401
        sandboxTokens.reset();

        Exchange result = extract(OCT_15);

        assertThat(result.getProperty(HubExchange.EXCEPTION_ID)).isNull();
        // 1 leg on the 16th + 10 on the 15th; no case opened
        assertThat(jdbc.queryForObject("select count(*) from usage_leg", Long.class)).isEqualTo(11L);
        assertThat(jdbc.queryForObject("select count(*) from exception_item where type = 'DEAD_LETTER'", Long.class))
                .isZero();
    }

    @Test
    void anOutageLongerThanTheRetriesIsADeadLetterThatReplaysOnce() throws Exception {
        // 1 try + 5 retries, all answered 503
        sandboxFaults.usageOutage(6);

        Exchange failed = extract(OCT_15);
        // the next scheduled attempt during the same outage refreshes that case rather than opening another
        sandboxFaults.usageOutage(6);
        extract(OCT_15);
        assertThat(jdbc.queryForObject("select count(*) from exception_item", Long.class)).isEqualTo(1L);

        assertThat(failed.getProperty(HubExchange.EXCEPTION_ID)).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from usage_leg", Long.class)).isZero();
        Map<String, Object> deadLetter = jdbc.queryForMap("select * from exception_item");
        assertThat(deadLetter).containsEntry("type", "DEAD_LETTER").containsEntry("status", "OPEN")
                .containsEntry("route_id", "telephony-extract-window")
                .containsEntry("replay_endpoint", "direct://telephony-extract-window")
                .containsEntry("payload_type", "json:io.billinghub.extraction.ExtractionWindow")
                .containsEntry("source", "genesys:acme-contact");
        assertThat((String) deadLetter.get("reason")).contains("HTTP 503");
        String failedRun = (String) deadLetter.get("run_id");
        assertThat(jdbc.queryForObject("select status from pipeline_run where run_id = ?", String.class, failedRun))
                .isEqualTo("FAILED");

        long caseId = (Long) deadLetter.get("id");
        JsonNode replay = json.readTree(post("/api/exceptions/" + caseId + "/replay", "{}",
                TestUser.OPERATOR).body());
        assertThat(replay.path("succeeded").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from usage_leg", Long.class)).isEqualTo(10L);
        assertThat(jdbc.queryForMap("select status, resolution, replay_count from exception_item where id = ?", caseId))
                .containsEntry("status", "RESOLVED").containsEntry("resolution", "REPLAYED")
                .containsEntry("replay_count", 1);
        // the replay ran in a run of its own, which balances: 13 records read (page 1 twice), 13 accepted
        assertThat(jdbc.queryForMap("""
                select status, records_in, records_accepted from pipeline_run
                where trigger = 'REPLAY' and pipeline = 'telephony-extraction'"""))
                .containsEntry("status", "SUCCEEDED")
                .containsEntry("records_in", 13L).containsEntry("records_accepted", 13L);

        // a resolved case cannot be replayed again
        assertThat(post("/api/exceptions/" + caseId + "/replay", "{}").statusCode()).isEqualTo(409);
        assertThat(jdbc.queryForObject("select count(*) from usage_leg", Long.class)).isEqualTo(10L);
    }

    private Exchange extract(ExtractionWindow window) {
        return producer.send("direct:telephony-extract-window", exchange -> exchange.getIn().setBody(window));
    }
}
