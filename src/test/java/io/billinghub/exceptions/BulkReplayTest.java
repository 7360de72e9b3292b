package io.billinghub.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.support.HubIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A replay of many cases: its request is checked whole, and its progress lists every case's outcome. */
class BulkReplayTest extends HubIntegrationTest {

    @Test
    void anEmptyOrOversizedRequestIsRefusedWhole() throws Exception {
        HttpResponse<String> empty = post("/api/exceptions/replays", "{\"caseIds\":[]}", TestUser.OPERATOR);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json.readTree(empty.body()).path("message").asText())
                .isEqualTo("a bulk replay takes 1 to 1000 case ids, not 0");
        StringBuilder ids = new StringBuilder();
        for (int i = 1; i <= 1001; i++) {
            ids.append(i == 1 ? "" : ",").append(i);
        }
        HttpResponse<String> oversized = post("/api/exceptions/replays", "{\"caseIds\":[" + ids + "]}",
                TestUser.OPERATOR);
        assertThat(oversized.statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from bulk_replay", Long.class)).isZero();
        assertThat(post("/api/exceptions/replays", "{\"caseIds\":[1]}", TestUser.FINANCE).statusCode())
                .isEqualTo(403);
    }

    @Test
    void eachCaseIsReplayedOnceAndItsOutcomeRecorded() throws Exception {
        // case 41 named twice: replayed once; neither exists, so each fails with the reason
        HttpResponse<String> started = post("/api/exceptions/replays", "{\"caseIds\":[41, 42, 41]}",
                TestUser.OPERATOR);
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode request = json.readTree(started.body());
        assertThat(request.path("total").asInt()).isEqualTo(2);
        assertThat(request.path("requestedBy").asText()).isEqualTo("operator");
        String id = request.path("id").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(get("/api/exceptions/replays/" + id)
                .body()).path("status").asText().equals("FINISHED"));
        JsonNode done = json.readTree(get("/api/exceptions/replays/" + id).body());
        assertThat(done.path("succeeded").asInt()).isZero();
        assertThat(done.path("failed").asInt()).isEqualTo(2);
        assertThat(done.path("items").findValuesAsText("caseId")).containsExactly("41", "42");
        assertThat(done.path("items").findValuesAsText("outcome")).containsExactly("FAILED", "FAILED");
        assertThat(done.path("items").findValuesAsText("message")).containsExactly("no exception case 41",
                "no exception case 42");
        assertThat(get("/api/exceptions/replays/no-such-replay").statusCode()).isEqualTo(404);
    }
}
