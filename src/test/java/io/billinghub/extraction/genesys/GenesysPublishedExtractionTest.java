package io.billinghub.extraction.genesys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.extraction.ExtractionWindow;
import io.billinghub.platform.HubExchange;
import io.billinghub.sandbox.genesyscloud.GenesysJobs;
import io.billinghub.support.HubIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The published Genesys connector through its route (genesys-extract-window) against the sandbox's analytics jobs,
 * over the fixture month of src/test/resources/e2e (11 legs: 10 on 15 October in 8 conversations, 1 on the 16th),
 * with the shared context's faults (every 4th API request answers 429 with the Genesys body, every 7th 503) and
 * results pages of 3 conversations (so 15 October is three pages: 3 + 3 + 2 conversations).
 */
class GenesysPublishedExtractionTest extends HubIntegrationTest {

    private static final ExtractionWindow OCT_15 = window("2026-10-15T00:00:00Z", "2026-10-16T00:00:00Z");
    private static final ExtractionWindow OCT_16 = window("2026-10-16T00:00:00Z", "2026-10-17T00:00:00Z");
    private static final String LEG_COLUMNS = """
            leg_id, call_id, tenant_id, start_time, end_time, duration_seconds, billing_duration_seconds,
            carrier_name, destination_number, call_type, direction, call_outcome""";
    private static final String RATED_COLUMNS = """
            leg_id, leg_class, leg_role, rating_status, unrated_reason, carrier_name, destination_number,
            raw_seconds, billed_seconds, cost""";

    @Autowired
    private GenesysJobs jobs;

    @BeforeEach
    void resetJobs() {
        jobs.reset();
    }

    @Test
    void theSameMonthThroughBothConnectorsGivesTheSameLegsAndRatings() {
        assertThat(extract("direct:telephony-extract-window", OCT_15).getProperty(HubExchange.EXCEPTION_ID)).isNull();
        extract("direct:telephony-extract-window", OCT_16);
        List<Map<String, Object>> documentLegs = rows(LEG_COLUMNS, "usage_leg");
        List<Map<String, Object>> documentRated = rows(RATED_COLUMNS, "rated_leg");
        jdbc.execute("truncate usage_leg, rated_leg, extraction_window, exception_item restart identity cascade");

        Exchange oct15 = extract("direct:genesys-extract-window", OCT_15);
        assertThat(oct15.getProperty(HubExchange.EXCEPTION_ID)).isNull();
        extract("direct:genesys-extract-window", OCT_16);

        List<Map<String, Object>> publishedLegs = rows(LEG_COLUMNS, "usage_leg");
        List<Map<String, Object>> publishedRated = rows(RATED_COLUMNS, "rated_leg");
        assertThat(publishedLegs).hasSize(11);
        assertThat(jdbc.queryForList("select distinct vendor from usage_leg", String.class))
                .containsExactly("genesys");
        // Two documented differences, everything else field by field equal:
        // leg-01: the fixture states duration 60 for a leg from 12:00:00 to 12:01:01; the published API has no
        // duration field, the connector counts the 61 s between first segmentStart and last segmentEnd;
        // leg-08: carrier GammaNet is in no carriers.csv, so no edge maps to it: carrierName null, still
        // UNRATED UNKNOWN_CARRIER as the document's "GammaNet".
        List<Map<String, Object>> expectedLegs = new ArrayList<>();
        for (Map<String, Object> leg : documentLegs) {
            Map<String, Object> expected = new LinkedHashMap<>(leg);
            if ("leg-01".equals(leg.get("leg_id"))) {
                expected.put("duration_seconds", 61);
            }
            if ("leg-08".equals(leg.get("leg_id"))) {
                expected.put("carrier_name", null);
            }
            expectedLegs.add(expected);
        }
        assertThat(publishedLegs).isEqualTo(expectedLegs);
        List<Map<String, Object>> expectedRated = new ArrayList<>();
        for (Map<String, Object> rated : documentRated) {
            Map<String, Object> expected = new LinkedHashMap<>(rated);
            if ("leg-08".equals(rated.get("leg_id"))) {
                expected.put("carrier_name", null);
            }
            expectedRated.add(expected);
        }
        assertThat(publishedRated).isEqualTo(expectedRated);
        assertThat(jdbc.queryForMap("select status, pages, records from extraction_window where window_start = ?",
                Timestamp.from(OCT_15.start())))
                // 8 conversations in pages of 3, 3 and 2; the 10 legs counted as records
                .containsEntry("status", "SETTLED").containsEntry("pages", 3).containsEntry("records", 10);
        // one job per window, each polled QUEUED, PENDING, FULFILLED
        assertThat(jobs.submitted()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from exception_item where type = 'UNRATED_LEG'",
                Long.class)).isEqualTo(documentUnrated(documentRated));
        assertThat(jdbc.queryForObject("select reason from exception_item where dedupe_key = 'leg:leg-08'",
                String.class)).startsWith("leg leg-08 unrated (UNKNOWN_CARRIER): the leg names no carrier");
    }

    @Test
    void retriedAndRereadPagesStageEveryLegOnce() {
        extract("direct:genesys-extract-window", OCT_15);
        long requestsFirstRun = sandboxFaults.usageRequests();
        extract("direct:genesys-extract-window", OCT_15);

        // per run: availability, submit, 3 status polls, 3 results pages = 8 answered requests, plus the injected
        // 429s (every 4th) and 503s (every 7th) the retries repeat: more than 8 requests each time
        assertThat(requestsFirstRun).isGreaterThan(8);
        assertThat(jdbc.queryForObject("select count(*) from usage_leg", Long.class)).isEqualTo(10L);
        // both runs read the 10 legs of 15 October and accepted them; the second changed nothing
        assertThat(jdbc.queryForList("""
                select records_in from pipeline_run where pipeline = 'telephony-extraction' order by started_at""",
                Long.class)).containsExactly(10L, 10L);
        assertThat(jdbc.queryForObject("select count(distinct last_run_id) from usage_leg", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void aFailedJobIsAReplayableCaseAndTheReplaySubmitsANewJob() throws Exception {
        jobs.failing().arm(1);

        Exchange failed = extract("direct:genesys-extract-window", OCT_15);

        assertThat(failed.getProperty(HubExchange.EXCEPTION_ID)).isNotNull();
        Map<String, Object> item = jdbc.queryForMap("select * from exception_item");
        assertThat(item).containsEntry("type", "GENESYS_JOB_FAILED").containsEntry("status", "OPEN")
                .containsEntry("replay_endpoint", "direct://genesys-extract-window");
        assertThat((String) item.get("reason")).contains("ended FAILED")
                .contains("The query failed to execute (sandbox fault)");
        assertThat(jdbc.queryForObject("select count(*) from usage_leg", Long.class)).isZero();

        JsonNode replay = json.readTree(post("/api/exceptions/" + item.get("id") + "/replay", "{}",
                TestUser.OPERATOR).body());

        assertThat(replay.path("succeeded").asBoolean()).isTrue();
        assertThat(jobs.submitted()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from usage_leg", Long.class)).isEqualTo(10L);
    }

    @Test
    void anExpiredJobIsSubmittedAgain() {
        jobs.expiring().arm(1);

        Exchange result = extract("direct:genesys-extract-window", OCT_15);

        assertThat(result.getProperty(HubExchange.EXCEPTION_ID)).isNull();
        assertThat(jobs.submitted()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from usage_leg", Long.class)).isEqualTo(10L);
    }

    @Test
    void aWindowPastTheDataAvailabilityDateIsReadButNotSettled() {
        // now is 2026-11-10T00:00Z and the sandbox's data is available up to an hour before
        extract("direct:genesys-extract-window", window("2026-11-09T00:00:00Z", "2026-11-10T00:00:00Z"));
        // wholly after the availability date: no job at all
        extract("direct:genesys-extract-window", window("2026-11-10T00:00:00Z", "2026-11-11T00:00:00Z"));

        assertThat(jdbc.queryForList("select status from extraction_window order by window_start", String.class))
                .containsExactly("OPEN", "OPEN");
        assertThat(jobs.submitted()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from exception_item", Long.class)).isZero();
    }

    @Test
    void theSandboxAnswersLikeGenesys() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = sandboxTokens.issue("sandbox-client", "sandbox-secret").orElseThrow().accessToken();
        HttpRequest availability = HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT
                        + "/sandbox/genesys/api/v2/analytics/conversations/details/jobs/availability"))
                .header("Authorization", "Bearer " + token).GET().build();
        sandboxFaults.usage().storm().arm(1);

        HttpResponse<String> limited = http.send(availability, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> answered = http.send(availability, HttpResponse.BodyHandlers.ofString());

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("0");
        assertThat(json.readTree(limited.body())).isEqualTo(json.readTree("""
                {"status":429,"code":"too.many.requests.retry.after",
                 "message":"Rate limit exceeded the maximum. Retry the request in [0] seconds"}"""));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(json.readTree(answered.body()).path("dataAvailabilityDate").asText())
                .isEqualTo("2026-11-09T23:00:00.000Z");
        assertThat(answered.headers().firstValue("inin-ratelimit-allowed")).hasValue("300");
        assertThat(answered.headers().firstValue("inin-ratelimit-count")).isPresent();
        // the clock stands at a whole minute: 60 s to the next
        assertThat(answered.headers().firstValue("inin-ratelimit-reset")).hasValue("60");
    }

    private long documentUnrated(List<Map<String, Object>> rated) {
        return rated.stream().filter(r -> "UNRATED".equals(r.get("rating_status"))).count();
    }

    private List<Map<String, Object>> rows(String columns, String table) {
        return jdbc.queryForList("select " + columns + " from " + table + " order by leg_id");
    }

    private Exchange extract(String endpoint, ExtractionWindow window) {
        return producer.send(endpoint, exchange -> exchange.getIn().setBody(window));
    }

    private static ExtractionWindow window(String start, String end) {
        return new ExtractionWindow("acme-contact", Instant.parse(start), Instant.parse(end));
    }
}
